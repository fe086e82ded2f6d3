using System.Text.Json;
using BERTopicNet.Clustering;
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

    private static BERTopic NewModel() => new(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });

    /// <summary>
    /// One fit per corpus: its words and representative documents; then reduce_topics(20) on it, and nr_topics="auto"
    /// on a saved-and-loaded copy of the fitted model (which also checks that a loaded model supports topic operations).
    /// nr_topics="auto" runs HDBSCAN on the topic embeddings, where a borderline topic can fall either way between
    /// implementations (bbc_news: one of 37 topics joins another group), so that part checks the topic count and the
    /// agreement of the partitions (adjusted Rand index) rather than identity.
    /// </summary>
    [SharedDataTheory]
    [InlineData("bbc_news", 0.97)]
    [InlineData("20newsgroups", 0.97)]
    public void FitThenReduceTopicsMatchesPython(string corpus, double minimumAutoAri)
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
            var (auto, _) = copy.ReduceTopics(docs, NrTopics.Auto);
            var expectedAuto = reference.GetProperty("nr_topics_auto");
            var expectedTopics = expectedAuto.GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            int expectedCount = expectedAuto.GetProperty("topic_sizes").EnumerateObject().Count();
            double ari = BERTopicNet.Evaluation.ClusteringMetrics.AdjustedRandIndex(expectedTopics, auto);
            Assert.True(ari >= minimumAutoAri, $"ARI {ari:F4} < {minimumAutoAri}");
            Assert.InRange(copy.TopicIds.Count, expectedCount - 1, expectedCount + 1);
        }
        finally
        {
            if (Directory.Exists(saved)) Directory.Delete(saved, recursive: true);
        }
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
