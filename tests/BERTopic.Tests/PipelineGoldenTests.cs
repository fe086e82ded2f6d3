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

        var (reduced, _) = model.ReduceTopics(docs, 20);
        ManualGoldenTests.AssertMatches(model, reduced, reference.GetProperty("reduce_topics_20"));
    }
}
