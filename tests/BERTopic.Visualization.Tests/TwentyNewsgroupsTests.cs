using System.Text.Json;
using BERTopicNet.IO;
using BERTopicNet.Testing;

namespace BERTopicNet.Visualization.Tests;

/// <summary>The charts on Python BERTopic's fitted 20 Newsgroups model (207 topics, 18,846 documents).</summary>
public sealed class TwentyNewsgroupsTests
{
    private static (TopicChartData Data, float[,] Embeddings) Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(SharedData.PathOf("reference", "20newsgroups", "bertopic.json")));
        var fit = doc.RootElement.GetProperty("fit");
        var docTopics = fit.GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var ids = fit.GetProperty("topic_sizes").EnumerateObject().Select(p => int.Parse(p.Name)).Order().ToArray();
        var sizes = ids.Select(t => fit.GetProperty("topic_sizes").GetProperty(t.ToString()).GetInt32()).ToArray();
        var words = ids.Select(t => (IReadOnlyList<TopicWord>)fit.GetProperty("topic_words").GetProperty(t.ToString()).EnumerateArray()
            .Select(w => new TopicWord(w[0].GetString()!, w[1].GetDouble())).ToArray()).ToArray();
        var emb = Npy.ReadMatrix(SharedData.PathOf("20newsgroups", "embeddings.npy"));
        // Topic embeddings as BERTopic computes them: the mean embedding of each topic's documents.
        int d = emb.GetLength(1);
        var topicEmb = new float[ids.Length, d];
        var rowOf = ids.Select((t, r) => (t, r)).ToDictionary(p => p.t, p => p.r);
        for (int i = 0; i < docTopics.Length; i++)
            for (int c = 0; c < d; c++) topicEmb[rowOf[docTopics[i]], c] += emb[i, c] / sizes[rowOf[docTopics[i]]];
        return (new TopicChartData(ids, sizes, words) { TopicEmbeddings = topicEmb, DocumentTopics = docTopics }, emb);
    }

    [SharedDataFact]
    public void All_charts_cover_the_207_topics()
    {
        var (data, emb) = Load();
        Assert.Equal(207, data.VisualizeTopics().Data[0]!["x"]!.AsArray().Count);
        Assert.Equal(8, data.VisualizeBarchart().Data.Count);
        Assert.Equal(207, data.VisualizeHeatmap().Data[0]!["z"]!.AsArray().Count);
        var tree = data.VisualizeHierarchy();
        Assert.Equal(206, tree.Data[^1]!["x"]!.AsArray().Count);
        Assert.Equal(207, data.VisualizeTermRank().Data.Count);
        var map = data.VisualizeDocuments(emb, null, new DocumentsChartOptions { Projection = PlanarMethod.Pca, MaxDocuments = 5000 });
        int points = map.Data.Sum(t => t!["x"]!.AsArray().Count);
        Assert.InRange(points, 4000, 5000);
        Assert.Equal(30 + 2, map.Layout["annotations"]!.AsArray().Count); // the 30 largest topics are named, plus D1/D2
        Assert.Equal("scatter", map.Data[0]!["type"]!.GetValue<string>());
    }

    [SharedDataFact]
    public void Heatmap_puts_related_newsgroups_near_each_other()
    {
        // Hockey/baseball-style sport topics ("game", "team") should be more similar to each other than to a
        // religion topic: check the similarity the heatmap reports.
        var (data, _) = Load();
        var fig = data.VisualizeHeatmap();
        var labels = fig.Data[0]!["x"]!.AsArray().Select(l => l!.GetValue<string>()).ToArray();
        var z = fig.Data[0]!["z"]!.AsArray().Select(r => r!.AsArray().Select(v => v!.GetValue<double>()).ToArray()).ToArray();
        int sport = Array.FindIndex(labels, l => l.StartsWith("0_game_team", StringComparison.Ordinal));
        int religion = Array.FindIndex(labels, l => l.Contains("god", StringComparison.Ordinal));
        Assert.True(sport >= 0 && religion >= 0);
        double toReligion = z[sport][religion];
        int otherSport = Array.FindIndex(labels, l => l != labels[sport] && (l.Contains("_game", StringComparison.Ordinal) || l.Contains("hockey", StringComparison.Ordinal) || l.Contains("baseball", StringComparison.Ordinal)));
        Assert.True(otherSport >= 0, "no second sport topic found");
        Assert.True(z[sport][otherSport] > toReligion, $"{labels[otherSport]} ({z[sport][otherSport]:F3}) should be closer to {labels[sport]} than {labels[religion]} ({toReligion:F3})");
    }
}
