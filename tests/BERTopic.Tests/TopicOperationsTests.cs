using BERTopicNet.Clustering;
using BERTopicNet.Reduction;

namespace BERTopicNet.Tests;

public class TopicOperationsTests
{
    private static (BERTopic Model, string[] Docs, int[] Topics, float[,] Emb) Fitted(int[] sizes, int noise = 2)
    {
        var (docs, labels, emb) = TestCorpus.Create(sizes, noise);
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });
        var (topics, _) = model.FitTransform(docs, emb, labels);
        return (model, docs, topics, emb);
    }

    [Fact]
    public void MergeTopicsJoinsDocumentsAndWeighsEmbeddingsBySize()
    {
        var (model, docs, topics, _) = Fitted([5, 12, 8]);
        var before = model.TopicEmbeddings!;
        var (merged, _) = model.MergeTopics(docs, [1, 2]); // 8 + 5 = 13 docs: now the largest topic
        Assert.Equal(topics.Select(t => t is 1 or 2 ? 0 : t == 0 ? 1 : t), merged);
        Assert.Equal(new[] { (0, 13), (1, 12), (-1, 2) }, model.GetTopicFreq().Select(f => (f.Topic, f.Count)));
        var after = model.TopicEmbeddings!;
        // Rows: -1, 0 (= old 1 and 2), 1 (= old 0).
        for (int j = 0; j < after.GetLength(1); j++)
        {
            Assert.Equal((8 * before[2, j] + 5 * before[3, j]) / 13, after[1, j], 5);
            Assert.Equal(before[1, j], after[2, j], 6);
        }
        Assert.Equal(2, model.GetTopics().Count(kv => kv.Key >= 0));
        Assert.All(model.GetRepresentativeDocs(0)!, d => Assert.Equal(0, merged[Array.IndexOf(docs, d)]));
        // Original labels now map through both operations.
        Assert.Contains(model.TopicMappingHistory, row => row[0] == 2 && row[^1] == 0);
    }

    [Fact]
    public void MergeTopicsRejectsBadGroups()
    {
        var (model, docs, _, _) = Fitted([5, 12, 8]);
        Assert.Contains("does not exist", Assert.Throws<ArgumentException>(() => model.MergeTopics(docs, [0, 9])).Message);
        Assert.Contains("more than one group", Assert.Throws<ArgumentException>(() => model.MergeTopics(docs, [[0, 1], [1, 2]])).Message);
        Assert.Contains("fitted on", Assert.Throws<ArgumentException>(() => model.MergeTopics(docs[1..], [0, 1])).Message);
    }

    [Fact]
    public void DeleteTopicsMakesOutliersAndKeepsTheRest()
    {
        var (model, docs, topics, _) = Fitted([5, 12, 8], noise: 0);
        Assert.DoesNotContain(-1, model.TopicIds);
        var wordsOfOld1 = model.GetTopic(1);
        var (after, _) = model.DeleteTopics([0]);
        Assert.Equal(topics.Select(t => t == 0 ? -1 : t - 1), after);
        Assert.Equal([-1, 0, 1], model.TopicIds);
        Assert.Equal(wordsOfOld1, model.GetTopic(0));
        Assert.Equal([TopicWord.Filler], model.GetTopic(-1));
        Assert.Equal(3, model.CTfidf.Rows);
        Assert.Equal(0, model.CTfidf.RowIndices(0).Length);
        Assert.Throws<ArgumentException>(() => model.DeleteTopics([7]));
    }

    [Fact]
    public void ReduceTopicsMergesTheClosestTopics()
    {
        // Themes 0 and 1 get nearly parallel embeddings; theme 2 is apart.
        var (docs, labels, emb) = TestCorpus.Create([6, 9, 7], noise: 0);
        for (int i = 0; i < docs.Length; i++)
            if (labels[i] == 0) { emb[i, 0] = 0.1f; emb[i, 1] = 1f; }
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });
        model.FitTransform(docs, emb, labels);
        var (reduced, _) = model.ReduceTopics(docs, 2);
        Assert.Equal(2, model.TopicIds.Count);
        for (int i = 0; i < docs.Length; i++) Assert.Equal(labels[i] == 2 ? 1 : 0, reduced[i]);
        Assert.Contains("larger than the number of topics", Assert.Throws<ArgumentException>(() => model.ReduceTopics(docs, 5)).Message);
    }

    [Fact]
    public void ReduceTopicsRejectsOtherDocumentsOfTheSameCount()
    {
        var (model, docs, _, _) = Fitted([6, 9, 7]);
        var other = docs.Select((d, i) => i == 4 || i == 11 ? d + " changed" : d).ToArray();
        var ex = Assert.Throws<ArgumentException>(() => model.ReduceTopics(other, 2));
        Assert.Equal("documents", ex.ParamName);
        Assert.Contains("2 of the 24 documents differ", ex.Message);
        Assert.Contains("document 4, 11", ex.Message);
        var reversed = docs.Reverse().ToArray();
        Assert.Contains("same order", Assert.Throws<ArgumentException>(() => model.ReduceTopics(reversed, 2)).Message);
        Assert.Throws<ArgumentException>(() => model.UpdateTopics(other));
        Assert.Throws<ArgumentException>(() => model.MergeTopics(other, [0, 1]));
        Assert.Equal(4, model.TopicIds.Count); // nothing changed
        model.ReduceTopics(docs, 2);
        Assert.Equal(2, model.TopicIds.Count);
    }

    [Fact]
    public void ReduceTopicsChecksDocumentsAfterSaveAndLoad()
    {
        var (model, docs, _, _) = Fitted([6, 9, 7]);
        var dir = Directory.CreateTempSubdirectory("bertopic-fp-");
        try
        {
            model.Save(Path.Combine(dir.FullName, "m"), new BERTopicNet.Persistence.SaveOptions { SaveFittedStages = false });
            var loaded = BERTopic.Load(Path.Combine(dir.FullName, "m"));
            Assert.Contains("differ from the ones the model was fitted on",
                Assert.Throws<ArgumentException>(() => loaded.ReduceTopics([.. docs.Skip(1), docs[0]], 2)).Message);
            loaded.ReduceTopics(docs, 2);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void NrTopicsAtFitReducesToThatNumber()
    {
        var (docs, labels, emb) = TestCorpus.Create([6, 9, 7], noise: 0);
        for (int i = 0; i < docs.Length; i++)
            if (labels[i] == 0) { emb[i, 0] = 0.1f; emb[i, 1] = 1f; }
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer(), NrTopics = 2 });
        var (topics, _) = model.FitTransform(docs, emb, labels);
        Assert.Equal(2, topics.Distinct().Count());
        Assert.Equal(15, model.GetTopicFreq(0));
    }

    [Fact]
    public void UpdateTopicsChangesWordsAndOptionallyTopics()
    {
        var (model, docs, topics, _) = Fitted([5, 12, 8]);
        model.UpdateTopics(docs, topNWords: 3, nGramRange: (2, 2));
        Assert.Equal(3, model.GetTopic(0)!.Count);
        Assert.All(model.GetTopic(0)!, w => Assert.Contains(' ', w.Word));
        Assert.NotNull(model.TopicEmbeddings);

        var noOutliers = topics.Select(t => t == -1 ? 0 : t).ToArray();
        model.UpdateTopics(docs, noOutliers);
        Assert.Equal(noOutliers, model.DocumentTopics);
        Assert.Equal(3, model.TopicEmbeddings!.GetLength(0)); // the outlier row is dropped
        Assert.Throws<ArgumentException>(() => model.UpdateTopics(docs, [0, 1]));
    }

    [Fact]
    public void UpdateTopicsRejectsAnNGramRangeTogetherWithAVectorizer()
    {
        var (model, docs, _, _) = Fitted([5, 12, 8]);
        var before = model.GetTopic(0);
        var vectorizer = new Vectorizers.CountVectorizer(new Vectorizers.CountVectorizerOptions { NGramRange = (1, 2) });
        var ex = Assert.Throws<ArgumentException>(() => model.UpdateTopics(docs, nGramRange: (1, 3), vectorizer: vectorizer));
        Assert.Equal("nGramRange", ex.ParamName);
        Assert.Contains("set the n-gram range on the vectorizer", ex.Message);
        Assert.Equal(before, model.GetTopic(0));
        model.UpdateTopics(docs, vectorizer: vectorizer); // the vectorizer alone, its n-grams used
        Assert.Contains(model.GetTopics().SelectMany(kv => kv.Value), w => w.Word.Contains(' '));
    }
}
