using System.Text.Json;
using System.Text.Json.Nodes;
using BERTopicNet.Evaluation;

namespace BERTopicNet.Benchmarks.Pipeline;

/// <summary>The side-by-side measures of one topic assignment: topic count, outliers, topic sizes, ARI/NMI vs gold, diversity.</summary>
internal sealed record PipelineScores(int Topics, double OutlierShare, int Largest, double MedianSize, int Smallest, int TopicsOver100,
    double? Ari, double? Nmi, double Diversity)
{
    public static PipelineScores Compute(IReadOnlyList<int> docTopics, IReadOnlyDictionary<int, IReadOnlyList<string>> topicWords, int[]? gold)
    {
        var topicsArray = docTopics.ToArray();
        var sizes = topicsArray.Where(t => t != -1).GroupBy(t => t).Select(g => g.Count()).OrderDescending().ToArray();
        double median = sizes.Length == 0 ? 0 : sizes.Length % 2 == 1 ? sizes[sizes.Length / 2] : (sizes[sizes.Length / 2 - 1] + sizes[sizes.Length / 2]) / 2.0;
        double? ari = null, nmi = null;
        if (gold is not null)
        {
            var labelled = Enumerable.Range(0, gold.Length).Where(i => gold[i] >= 0).ToArray();
            var g = labelled.Select(i => gold[i]).ToArray();
            var p = labelled.Select(i => topicsArray[i]).ToArray();
            ari = ClusteringMetrics.AdjustedRandIndex(g, p);
            nmi = ClusteringMetrics.NormalizedMutualInformation(g, p);
        }
        // Topic diversity (OCTIS): distinct words among the top 10 of every topic except -1 / all those words.
        var unique = new HashSet<string>(StringComparer.Ordinal);
        int total = 0;
        foreach (var (topic, words) in topicWords)
        {
            if (topic == -1) continue;
            foreach (var w in words.Take(10)) { unique.Add(w); total++; }
        }
        return new PipelineScores(sizes.Length, TopicMetrics.OutlierShare(topicsArray), sizes.FirstOrDefault(), median, sizes.LastOrDefault(),
            sizes.Count(s => s >= 100), ari, nmi, total == 0 ? 0 : (double)unique.Count / total);
    }

    public JsonObject ToJson() => new()
    {
        ["topics"] = Topics,
        ["outlier_share"] = Math.Round(OutlierShare, 4),
        ["sizes"] = new JsonObject { ["largest"] = Largest, ["median"] = MedianSize, ["smallest"] = Smallest, ["topics_with_100_plus"] = TopicsOver100 },
        ["ari"] = Ari is { } a ? Math.Round(a, 4) : null,
        ["nmi"] = Nmi is { } n ? Math.Round(n, 4) : null,
        ["diversity"] = Math.Round(Diversity, 4),
    };

    /// <summary>Mean and standard deviation of each measure over seeds.</summary>
    public static JsonObject Summary(IReadOnlyList<PipelineScores> runs)
    {
        JsonObject Stat(Func<PipelineScores, double> f)
        {
            var v = runs.Select(f).ToArray();
            double mean = v.Average();
            double sd = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
            return new JsonObject { ["mean"] = Math.Round(mean, 4), ["sd"] = Math.Round(sd, 4), ["min"] = Math.Round(v.Min(), 4), ["max"] = Math.Round(v.Max(), 4) };
        }
        return new JsonObject
        {
            ["topics"] = Stat(r => r.Topics),
            ["outlier_share"] = Stat(r => r.OutlierShare),
            ["largest"] = Stat(r => r.Largest),
            ["median_size"] = Stat(r => r.MedianSize),
            ["smallest"] = Stat(r => r.Smallest),
            ["topics_with_100_plus"] = Stat(r => r.TopicsOver100),
            ["ari"] = Stat(r => r.Ari ?? double.NaN),
            ["nmi"] = Stat(r => r.Nmi ?? double.NaN),
            ["diversity"] = Stat(r => r.Diversity),
        };
    }

    /// <summary>Reads one block (<c>fit</c>, <c>reduce_topics_20</c>, ...) of a golden <c>bertopic.json</c>.</summary>
    public static (int[]? DocTopics, Dictionary<int, IReadOnlyList<string>> Words) ReadPythonBlock(JsonElement root, string block)
    {
        var b = root.GetProperty(block);
        int[]? topics = b.TryGetProperty("doc_topics", out var dt) ? [.. dt.EnumerateArray().Select(e => e.GetInt32())] : null;
        var words = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var p in b.GetProperty("topic_words").EnumerateObject())
            words[int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture)] = [.. p.Value.EnumerateArray().Select(pair => pair[0].GetString() ?? "")];
        return (topics, words);
    }
}
