using System.Globalization;
using System.Text.Json.Nodes;
using BERTopicNet.Analysis;
using BERTopicNet.Visualization.Figures;
using BERTopicNet.Visualization.Layout;

namespace BERTopicNet.Visualization;

public static partial class TopicVisualizations
{
    /// <summary>
    /// Dendrogram of the topics: agglomerative clustering of 1 − cosine similarity of their c-TF-IDF rows (Ward, as
    /// 0.17.4's <c>hierarchical_topics</c>), leaves labelled "id_word_word_word", merges below
    /// <see cref="HierarchyOptions.ColorThreshold"/> coloured by cluster, and each merge's topics and top words on
    /// hover (Python's <c>visualize_hierarchy</c> with orientation "left").
    /// </summary>
    /// <param name="data">The fitted topics; needs c-TF-IDF rows or topic embeddings.</param>
    /// <param name="options">Selection, linkage, colour threshold; null for defaults.</param>
    /// <exception cref="ArgumentException">No topic vectors, unknown topics, or fewer than two topics.</exception>
    public static PlotlyFigure VisualizeHierarchy(this TopicChartData data, HierarchyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new HierarchyOptions();
        if (!double.IsFinite(options.ColorThreshold))
            throw new ArgumentException($"ColorThreshold must be finite (it was {options.ColorThreshold}).", nameof(options));
        var topics = data.SelectTopics(options.Topics, options.TopN);
        int n = topics.Length;
        if (n < 2)
            throw new ArgumentException($"A hierarchy needs at least two topics, but {n} was selected.", nameof(options));
        var rows = topics.Select(t => data.IndexOf(t)).ToArray();
        var sim = TopicSimilarity(data, rows, options.UseCTfIdf);
        var steps = Linkage.Compute(ToDistances(sim, n), n, options.Linkage);
        var hover = new List<string>(steps.Length);
        var tree = new DendrogramLayout(steps, n, options.ColorThreshold);
        for (int s = 0; s < steps.Length; s++)
        {
            var leaves = tree.LeavesOf(n + s);
            var ids = leaves.Select(i => topics[i]).Order().ToArray();
            hover.Add($"<b>Merged at {steps[s].Distance.ToString("0.###", CultureInfo.InvariantCulture)}</b><br>Topics: {FigureStyle.Truncate(string.Join(", ", ids), 80)}<br>Words: {MergedWords(data, leaves.Select(i => rows[i]), 5)}");
        }
        return DrawDendrogram(data, rows, steps, tree, hover, options);
    }

    /// <summary>
    /// The dendrogram of the merges of <c>BERTopic.HierarchicalTopics</c>, so that the chart and the rows tell the
    /// same tree: leaves are the topics 0, 1, … (outliers excluded), each merge marker shows its topics and its name.
    /// </summary>
    /// <param name="data">The fitted topics.</param>
    /// <param name="hierarchy">The rows of <c>BERTopic.HierarchicalTopics</c>.</param>
    /// <param name="options">Colour threshold and look (the topic selection and linkage settings do not apply); null for defaults.</param>
    /// <exception cref="ArgumentException">The rows do not form a hierarchy of this model's topics.</exception>
    public static PlotlyFigure VisualizeHierarchy(this TopicChartData data, IReadOnlyList<HierarchicalTopic> hierarchy, HierarchyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(hierarchy);
        options ??= new HierarchyOptions();
        if (!double.IsFinite(options.ColorThreshold))
            throw new ArgumentException($"ColorThreshold must be finite (it was {options.ColorThreshold}).", nameof(options));
        var topics = data.TopicIds.Where(t => t != -1).Order().ToArray();
        int n = topics.Length;
        if (hierarchy.Count != n - 1)
            throw new ArgumentException($"The hierarchy has {hierarchy.Count} merges but the model has {n} topics besides the outliers; it needs {n - 1}.", nameof(hierarchy));
        var merges = hierarchy.OrderBy(r => r.ParentId).ToArray();
        var steps = new LinkageStep[n - 1];
        for (int s = 0; s < merges.Length; s++)
        {
            var m = merges[s];
            if (m.ParentId != n + s || m.ChildLeftId >= n + s || m.ChildRightId >= n + s || m.ChildLeftId < 0 || m.ChildRightId < 0)
                throw new ArgumentException($"Merge {m.ParentId} does not fit a hierarchy of {n} topics (parents must be {n}…{2 * n - 2}, children earlier).", nameof(hierarchy));
            steps[s] = new LinkageStep(m.ChildLeftId, m.ChildRightId, m.Distance, m.Topics.Count);
        }
        var rows = topics.Select(t => data.IndexOf(t)).ToArray();
        var tree = new DendrogramLayout(steps, n, options.ColorThreshold);
        var hover = merges.Select(m => $"<b>{FigureStyle.Truncate(m.ParentName, 60)}</b><br>Merged at {m.Distance.ToString("0.###", CultureInfo.InvariantCulture)}<br>Topics: {FigureStyle.Truncate(string.Join(", ", m.Topics), 80)}").ToList();
        return DrawDendrogram(data, rows, steps, tree, hover, options);
    }

    private static PlotlyFigure DrawDendrogram(TopicChartData data, int[] rows, LinkageStep[] steps, DendrogramLayout tree, List<string> hover, HierarchyOptions options)
    {
        int n = rows.Length;

        // One line trace per colour group (links separated by nulls), so thousands of links stay a handful of traces.
        int groups = tree.GroupCount;
        var xs = new List<double?>[groups + 1];
        var ys = new List<double?>[groups + 1];
        for (int g = 0; g <= groups; g++) { xs[g] = []; ys[g] = []; }
        for (int s = 0; s < steps.Length; s++)
        {
            int node = n + s;
            int g = tree.Group[node] < 0 ? groups : tree.Group[node];
            var (l, r) = (steps[s].Left, steps[s].Right);
            xs[g].AddRange([tree.Height[l], tree.Height[node], tree.Height[node], tree.Height[r], null]);
            ys[g].AddRange([tree.Position[l], tree.Position[l], tree.Position[r], tree.Position[r], null]);
        }
        var traces = new JsonArray();
        for (int g = 0; g <= groups; g++)
        {
            if (xs[g].Count == 0) continue;
            traces.Add(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines",
                ["x"] = Nullable(xs[g]),
                ["y"] = Nullable(ys[g]),
                ["line"] = new JsonObject { ["color"] = g == groups ? "#455A64" : FigureStyle.Palette[g % FigureStyle.Palette.Length], ["width"] = 1.5 },
                ["hoverinfo"] = "skip",
                ["showlegend"] = false,
                ["name"] = g == groups ? "above threshold" : $"cluster {g + 1}",
            });
        }

        traces.Add(new JsonObject
        {
            ["type"] = "scatter",
            ["mode"] = "markers",
            ["name"] = "merges",
            ["x"] = FigureStyle.Numbers(Enumerable.Range(0, steps.Length).Select(s => tree.Height[n + s])),
            ["y"] = FigureStyle.Numbers(Enumerable.Range(0, steps.Length).Select(s => tree.Position[n + s])),
            ["hovertext"] = FigureStyle.Strings(hover),
            ["hoverinfo"] = "text",
            ["marker"] = new JsonObject { ["color"] = "black", ["size"] = 4, ["opacity"] = 0.6 },
            ["showlegend"] = false,
        });

        // Python's fixed 600 px squeezes 200 topics into 3 px each: grow with the number of leaves instead.
        int height = options.Height is null ? Math.Max(600, 120 + 14 * n) : options.ResolveHeight(600);
        var layout = FigureStyle.Layout(options.Title ?? "<b>Hierarchical Clustering</b>", options.ResolveWidth(1000), height);
        layout["showlegend"] = false;
        layout["xaxis"] = new JsonObject { ["showgrid"] = false, ["zeroline"] = false, ["showline"] = true, ["ticks"] = "outside", ["rangemode"] = "tozero" };
        layout["yaxis"] = new JsonObject
        {
            ["showgrid"] = false,
            ["zeroline"] = false,
            ["showline"] = false,
            ["tickmode"] = "array",
            ["tickvals"] = FigureStyle.Numbers(tree.LeafOrder.Select(i => tree.Position[i])),
            ["ticktext"] = FigureStyle.Strings(tree.LeafOrder.Select(i => FigureStyle.Truncate(data.Label(rows[i], 3, options.UseCustomLabels), 30))),
            ["range"] = FigureStyle.Numbers([0, 10.0 * n]),
            ["automargin"] = true,
        };
        return new PlotlyFigure(traces, layout);
    }

    /// <summary>Top words of a group of topics: each word's scores summed with topic-size weights.</summary>
    private static string MergedWords(TopicChartData data, IEnumerable<int> rows, int count)
    {
        var score = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            double w = Math.Max(1, data.Sizes[r]);
            foreach (var tw in data.Words[r])
                score[tw.Word] = score.GetValueOrDefault(tw.Word) + w * tw.Score;
        }
        return string.Join(" | ", score.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(count).Select(kv => kv.Key));
    }

    private static JsonArray Nullable(List<double?> values)
    {
        var a = new JsonArray();
        foreach (var v in values) a.Add(v is double d ? JsonValue.Create(FigureStyle.Round(d)) : null);
        return a;
    }
}
