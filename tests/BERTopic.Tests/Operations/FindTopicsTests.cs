using BERTopicNet.Testing;

namespace BERTopicNet.Tests.Operations;

public class FindTopicsTests
{
    [Fact]
    public void SearchTermsFindTheirThemeFirst()
    {
        var embedder = new ThemeEmbeddingModel();
        var (model, _, _, _) = OperationsData.Manual(embedder);
        for (int theme = 0; theme < 3; theme++)
        {
            var found = model.FindTopics(TestCorpus.Themes[theme][0], topN: 3);
            Assert.Equal(3, found.Count);
            Assert.Equal(OperationsData.ThemeTopic[theme], found[0].Topic);
            Assert.True(found[0].Similarity > 0.9);
            Assert.True(found.Zip(found.Skip(1)).All(p => p.First.Similarity >= p.Second.Similarity));
        }
        // topN larger than the number of topics returns every topic, the outlier topic included (as Python ranks it).
        var all = model.FindTopics("rocket", topN: 50);
        Assert.Equal([-1, 0, 1, 2], all.Select(f => f.Topic).Order());
        // The similarity is the cosine with the topic embedding.
        var te = model.TopicEmbeddings!;
        int row = model.TopicIds.ToList().IndexOf(all[0].Topic);
        double norm = Math.Sqrt(Enumerable.Range(0, 4).Sum(j => (double)te[row, j] * te[row, j]));
        Assert.Equal(te[row, 0] / norm, all[0].Similarity, 5); // "rocket" embeds to (1, 0, 0, 0)
    }

    [Fact]
    public void WithoutAnEmbeddingModelTheErrorSaysWhatToDo()
    {
        var (model, _, _, _) = OperationsData.Manual();
        var error = Assert.Throws<InvalidOperationException>(() => model.FindTopics("rocket"));
        Assert.Contains("EmbeddingModel", error.Message);
        // An embedded query works without one.
        Assert.Equal(OperationsData.ThemeTopic[2], model.FindTopics([0f, 0f, 1f, 0f], 1)[0].Topic);
    }

    [Fact]
    public void BadInputs()
    {
        var (model, _, _, _) = OperationsData.Manual(new ThemeEmbeddingModel());
        Assert.Equal("topN", Assert.Throws<ArgumentException>(() => model.FindTopics("rocket", 0)).ParamName);
        Assert.Throws<ArgumentNullException>(() => model.FindTopics((string)null!));
        Assert.Equal("queryEmbedding", Assert.Throws<ArgumentException>(() => model.FindTopics(new float[3])).ParamName);
        Assert.Equal("queryEmbedding", Assert.Throws<ArgumentException>(() => model.FindTopics([float.NaN, 0, 0, 0])).ParamName);
        Assert.Throws<InvalidOperationException>(() => new BERTopic().FindTopics("rocket"));
    }

    [SharedDataFact]
    public void BbcNewsDocumentEmbeddingsFindTheirOwnTopic()
    {
        var model = OperationsData.BbcReplay;
        var (_, _, embeddings, topics) = OperationsData.Bbc;
        int tried = 0, top1 = 0, top3 = 0;
        for (int i = 0; i < topics.Length; i += 7)
        {
            if (topics[i] == -1) continue;
            var query = Enumerable.Range(0, embeddings.GetLength(1)).Select(j => embeddings[i, j]).ToArray();
            var found = model.FindTopics(query, 3);
            tried++;
            if (found[0].Topic == topics[i]) top1++;
            if (found.Any(f => f.Topic == topics[i])) top3++;
        }
        // Topic embeddings are the mean of their documents: a member's nearest topic is usually its own.
        Assert.True(top1 > 0.6 * tried, $"top-1 {top1}/{tried}");
        Assert.True(top3 > 0.85 * tried, $"top-3 {top3}/{tried}");
    }
}
