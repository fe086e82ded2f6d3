using System.Globalization;
using System.Text.Json.Nodes;
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
        var tree = new DendrogramLayout(steps, n, options.ColorThreshold);

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

        // Hover points at the merges: which topics merge there and their most frequent words.
        var hover = new List<string>(steps.Length);
        for (int s = 0; s < steps.Length; s++)
        {
            var leaves = tree.LeavesOf(n + s);
            var ids = leaves.Select(i => topics[i]).Order().ToArray();
            hover.Add($"<b>Merged at {steps[s].Distance.ToString("0.###", CultureInfo.InvariantCulture)}</b><br>Topics: {FigureStyle.Truncate(string.Join(", ", ids), 80)}<br>Words: {MergedWords(data, leaves.Select(i => rows[i]), 5)}");
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
