using System.Text.Json;
using BERTopicNet.Clustering;
using BERTopicNet.IO;
using BERTopicNet.Reduction;
using BERTopicNet.Testing;

namespace BERTopicNet.Tests;

/// <summary>
/// Python BERTopic 0.17.4's full fit (../shared/data/reference/&lt;corpus&gt;/bertopic.json) replayed from its topic
/// assignment: with its topics as y, the identity reducer and <see cref="ManualClusterer"/>, the c-TF-IDF words,
/// the representative documents and the topic operations must equal Python's.
/// </summary>
public class PipelineGoldenTests
{
    private static (List<string> Docs, int[] Y, float[,] Embeddings, JsonElement Reference) Replay(string corpus)
    {
        var (docs, _, embeddings, reference) = ManualGoldenTests.Load(corpus, "bertopic.json");
        var y = reference.GetProperty("fit").GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        return (docs, y, embeddings, reference);
    }

    private static BERTopic NewModel(NrTopics? nrTopics = null) =>
        new(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer(), NrTopics = nrTopics });

    /// <summary>
    /// One fit per corpus: its words and representative documents; then reduce_topics(20) on it, and the same on a
    /// saved-and-loaded copy of the fitted model (which checks that a loaded model supports topic operations).
    /// </summary>
    [SharedDataTheory]
    [InlineData("bbc_news")]
    [InlineData("20newsgroups")]
    public void FitThenReduceTopicsMatchesPython(string corpus)
    {
        var (docs, y, embeddings, reference) = Replay(corpus);
        var model = NewModel();
        var (topics, _) = model.FitTransform(docs, embeddings, y);
        var fit = reference.GetProperty("fit");
        ManualGoldenTests.AssertMatches(model, topics, fit);
        foreach (var topic in fit.GetProperty("representative_docs").EnumerateObject())
        {
            var expected = topic.Value.EnumerateArray().Select(e => e.GetString()!).ToArray();
            Assert.Equal(expected, model.GetRepresentativeDocs(int.Parse(topic.Name)));
        }
        string saved = Path.Combine(Path.GetTempPath(), "bertopic-golden-" + Guid.NewGuid().ToString("N"));
        try
        {
            model.Save(saved);

            var (reduced, _) = model.ReduceTopics(docs, 20);
            ManualGoldenTests.AssertMatches(model, reduced, reference.GetProperty("reduce_topics_20"));

            var copy = BERTopic.Load(saved);
            var (copyReduced, _) = copy.ReduceTopics(docs, 20);
            ManualGoldenTests.AssertMatches(copy, copyReduced, reference.GetProperty("reduce_topics_20"));
        }
        finally
        {
            if (Directory.Exists(saved)) Directory.Delete(saved, recursive: true);
        }
    }

    /// <summary>
    /// Python's <c>nr_topics_auto</c> (a fresh fit with <c>nr_topics="auto"</c>) replayed from the clusters of its fit
    /// (hdbscan_labels.npy, the same UMAP + HDBSCAN run: in a fit with nr_topics the topics keep HDBSCAN's ids until
    /// after the reduction, and that row order of the topic embeddings matters, since hdbscan's Prim spanning tree on
    /// these 384-dimension inputs starts at row 0 and resolves ties by row). The automatic reduction runs HDBSCAN
    /// (min cluster size 2) on the normalised topic embeddings through hdbscan's prims_kdtree path, whose tie order is
    /// reproduced: the document topics, sizes, words and labels must equal Python's exactly.
    /// </summary>
    [SharedDataTheory]
    [InlineData("bbc_news")]
    [InlineData("20newsgroups")]
    public void FitWithAutoTopicReductionMatchesPython(string corpus)
    {
        var (docs, _, embeddings, reference) = Replay(corpus);
        var clusters = Npy.ReadInt32Vector(SharedData.PathOf("reference", corpus, "hdbscan_labels.npy"));
        var model = NewModel(NrTopics.Auto);
        var (topics, _) = model.FitTransform(docs, embeddings, clusters);
        ManualGoldenTests.AssertMatches(model, topics, reference.GetProperty("nr_topics_auto"));
    }

    [SharedDataFact]
    public void BbcNewsUpdateTopicsWithTrigramsAndStopWordsMatchesPython()
    {
        var (docs, y, embeddings, reference) = Replay("bbc_news");
        var model = NewModel();
        model.FitTransform(docs, embeddings, y);
        var before = model.TopicEmbeddings;
        model.UpdateTopics(docs, vectorizer: new Vectorizers.CountVectorizer(new Vectorizers.CountVectorizerOptions { NGramRange = (1, 3), StopWords = Vectorizers.StopWordLists.English }));
        foreach (var topic in reference.GetProperty("update_topics_ngram13_english").GetProperty("topic_words").EnumerateObject())
        {
            var words = model.GetTopic(int.Parse(topic.Name))!;
            var exp = topic.Value.EnumerateArray().ToList();
            Assert.Equal(exp.Select(e => e[0].GetString()), words.Select(w => w.Word));
            for (int i = 0; i < exp.Count; i++) Assert.Equal(exp[i][1].GetDouble(), words[i].Score, 1e-6);
        }
        Assert.Equal(before, model.TopicEmbeddings); // same topics: embeddings kept
        Assert.Equal(y, model.DocumentTopics);
    }

}
