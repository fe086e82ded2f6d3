using System.Globalization;
using System.Text.Json;
using BERTopicNet.Analysis;
using BERTopicNet.Clustering;
using BERTopicNet.Reduction;

namespace BERTopicNet.Tests.Analysis;

/// <summary>
/// topics_per_class, topics_over_time, hierarchical_topics, get_topic_tree and SciPy's linkage against Python
/// BERTopic 0.17.4 / SciPy 1.10 on the synthetic corpus of Goldens/make_analysis.py (manual mode, same assignment).
/// </summary>
public class AnalysisGoldenTests
{
    private static readonly Lazy<JsonElement> Expected = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Goldens", "analysis_expected.json"))).RootElement);

    private static readonly Lazy<(BERTopic Model, List<string> Docs)> Fitted = new(() =>
    {
        var e = Expected.Value;
        var docs = e.GetProperty("docs").EnumerateArray().Select(d => d.GetString()!).ToList();
        var y = e.GetProperty("y").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var rng = new Random(3);
        var emb = new float[docs.Count, 8];
        for (int i = 0; i < docs.Count; i++) for (int j = 0; j < 8; j++) emb[i, j] = (float)rng.NextDouble();
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });
        model.Fit(docs, emb, y);
        return (model, docs);
    });

    private static List<string> Strings(string name) => Expected.Value.GetProperty(name).EnumerateArray().Select(v => v.GetString()!).ToList();

    private static void AssertRows<T>(string golden, IReadOnlyList<T> rows, Func<T, (int, string, int, string)> key, string keyName)
    {
        var want = Expected.Value.GetProperty(golden).EnumerateArray()
            .Select(r => (r.GetProperty("topic").GetInt32(), r.GetProperty("words").GetString()!, r.GetProperty("frequency").GetInt32(), r.GetProperty(keyName).GetString()!))
            .OrderBy(r => r.Item4, StringComparer.Ordinal).ThenBy(r => r.Item1).ToList();
        var got = rows.Select(key).OrderBy(r => r.Item4, StringComparer.Ordinal).ThenBy(r => r.Item1).ToList();
        Assert.Equal(want, got);
    }

    [Fact]
    public void SameAssignmentAsPython()
    {
        var topics = Expected.Value.GetProperty("topics").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        Assert.Equal(topics, Fitted.Value.Model.DocumentTopics);
    }

    [Fact]
    public void TopicsPerClassEqualsPython()
    {
        var (model, docs) = Fitted.Value;
        var classes = Strings("classes");
        AssertRows("per_class", model.TopicsPerClass(docs, classes), r => (r.Topic, r.Words, r.Frequency, r.Class), "class");
        AssertRows("per_class_no_global", model.TopicsPerClass(docs, classes, globalTuning: false), r => (r.Topic, r.Words, r.Frequency, r.Class), "class");
    }

    [Fact]
    public void TopicsOverTimeEqualsPython()
    {
        var (model, docs) = Fitted.Value;
        var years = Strings("years");
        static (int, string, int, string) Key(TopicOverTime r) => (r.Topic, r.Words, r.Frequency, r.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        var binned = model.TopicsOverTime(docs, years, new TopicsOverTimeOptions { NrBins = 7 });
        AssertRows("over_time_bins7", binned, Key, "timestamp");
        Assert.True(Expected.Value.GetProperty("over_time_bins7_no_evolution_equal").GetBoolean());
        Assert.Equal(binned, model.TopicsOverTime(docs, years, new TopicsOverTimeOptions { NrBins = 7, EvolutionTuning = false }));
        AssertRows("over_time_raw_no_global", model.TopicsOverTime(docs, years, new TopicsOverTimeOptions { GlobalTuning = false, EvolutionTuning = false }), Key, "timestamp");
        // Chronological order, topics ascending within a time.
        var order = binned.Select(r => (r.Timestamp, r.Topic)).ToList();
        Assert.Equal(order.OrderBy(k => k.Timestamp).ThenBy(k => k.Topic), order);
    }

    [Fact]
    public void HierarchyAndTreeEqualPython()
    {
        var (model, docs) = Fitted.Value;
        var rows = model.HierarchicalTopics(docs);
        var want = Expected.Value.GetProperty("hierarchy").EnumerateArray().ToList();
        Assert.Equal(want.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            var w = want[i];
            var g = rows[i];
            Assert.Equal(w.GetProperty("parent_id").GetInt32(), g.ParentId);
            Assert.Equal(w.GetProperty("parent_name").GetString(), g.ParentName);
            Assert.Equal(w.GetProperty("topics").EnumerateArray().Select(t => t.GetInt32()), g.Topics);
            Assert.Equal(w.GetProperty("child_left_id").GetInt32(), g.ChildLeftId);
            Assert.Equal(w.GetProperty("child_left_name").GetString(), g.ChildLeftName);
            Assert.Equal(w.GetProperty("child_right_id").GetInt32(), g.ChildRightId);
            Assert.Equal(w.GetProperty("child_right_name").GetString(), g.ChildRightName);
            Assert.Equal(w.GetProperty("distance").GetDouble(), g.Distance, 1e-9);
        }
        Assert.Equal(Expected.Value.GetProperty("tree").GetString(), BERTopic.GetTopicTree(rows));
        double median = rows.Select(r => r.Distance).Order().ElementAt(rows.Count / 2);
        if (rows.Count % 2 == 0) median = (rows.Select(r => r.Distance).Order().ElementAt(rows.Count / 2 - 1) + median) / 2;
        Assert.Equal(Expected.Value.GetProperty("tree_tight_cut").GetString(), BERTopic.GetTopicTree(rows, median, tightLayout: true));
    }

    public static TheoryData<int, string> LinkageCases()
    {
        var data = new TheoryData<int, string>();
        for (int c = 0; c < 5; c++)
            foreach (var m in new[] { "ward", "average", "complete", "weighted", "single" }) { data.Add(c, m); data.Add(c, m + "_ordered"); }
        return data;
    }

    [Theory]
    [MemberData(nameof(LinkageCases))]
    public void LinkageEqualsScipy(int caseIndex, string method)
    {
        var c = Expected.Value.GetProperty("linkage")[caseIndex];
        int n = c.GetProperty("n").GetInt32();
        var condensed = c.GetProperty("condensed").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var linkage = Enum.Parse<ClusterLinkage>(method.Split('_')[0], ignoreCase: true);
        var z = HierarchicalClustering.Linkage(condensed, n, linkage, optimalOrdering: method.EndsWith("_ordered", StringComparison.Ordinal));
        var want = c.GetProperty(method).EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToList();
        Assert.Equal(want.Count, z.Length);
        for (int i = 0; i < z.Length; i++)
        {
            Assert.Equal((int)want[i][0], z[i].Left);
            Assert.Equal((int)want[i][1], z[i].Right);
            Assert.Equal(want[i][2], z[i].Distance, 1e-12);
            Assert.Equal((int)want[i][3], z[i].Size);
        }
    }
}
