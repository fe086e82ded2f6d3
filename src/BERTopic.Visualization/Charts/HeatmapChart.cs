using System.Text.Json.Nodes;
using BERTopicNet.Visualization.Figures;
using BERTopicNet.Visualization.Layout;

namespace BERTopicNet.Visualization;

public static partial class TopicVisualizations
{
    /// <summary>
    /// Heatmap of the cosine similarity between topics (embeddings by default), optionally ordered by clusters
    /// (Python's <c>visualize_heatmap</c>).
    /// </summary>
    /// <param name="data">The fitted topics; needs topic embeddings or c-TF-IDF rows.</param>
    /// <param name="options">Selection, clustering, size; null for defaults.</param>
    /// <exception cref="ArgumentException">No topic vectors, unknown topics, or a bad cluster count.</exception>
    public static PlotlyFigure VisualizeHeatmap(this TopicChartData data, HeatmapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new HeatmapOptions();
        var topics = data.SelectTopics(options.Topics, options.TopN);
        int n = topics.Length;
        if (options.ClusterCount is int k && (k < 1 || k > n))
            throw new ArgumentException($"ClusterCount must be between 1 and the number of shown topics ({n}); it was {k}.", nameof(options));
        var rows = topics.Select(t => data.IndexOf(t)).ToArray();
        var sim = TopicSimilarity(data, rows, options.UseCTfIdf);

        var order = Enumerable.Range(0, n).ToArray();
        if (options.ClusterCount is int clusters && n > 1)
        {
            var cluster = CutTree(Linkage.Compute(ToDistances(sim, n), n, LinkageMethod.Ward), n, clusters);
            order = order.OrderBy(i => cluster[i]).ThenBy(i => topics[i]).ToArray();
        }

        var labels = order.Select(i => FigureStyle.Truncate(data.Label(rows[i], 3, options.UseCustomLabels), 30)).ToArray();
        var z = new JsonArray();
        foreach (var i in order)
            z.Add(FigureStyle.Numbers(order.Select(j => sim[i * n + j])));
        var trace = new JsonObject
        {
            ["type"] = "heatmap",
            ["z"] = z,
            ["x"] = FigureStyle.Strings(labels),
            ["y"] = FigureStyle.Strings(labels),
            // Plotly.py's "GnBu" (ColorBrewer); plotly.js has no scale of that name.
            ["colorscale"] = FigureStyle.GnBu(),
            ["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "Similarity Score" } },
            ["hovertemplate"] = "x: %{x}<br>y: %{y}<br>Similarity Score: %{z:.3f}<extra></extra>",
        };
        var layout = FigureStyle.Layout(options.Title ?? "<b>Similarity Matrix</b>", options.ResolveWidth(800), options.ResolveHeight(800));
        layout["xaxis"] = new JsonObject { ["showgrid"] = false, ["tickangle"] = -45, ["automargin"] = true, ["showticklabels"] = n <= 80 };
        layout["yaxis"] = new JsonObject { ["showgrid"] = false, ["autorange"] = "reversed", ["automargin"] = true, ["showticklabels"] = n <= 80 };
        layout["legend"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "Trend" } };
        return new PlotlyFigure(new JsonArray(trace), layout);
    }

    /// <summary>1 − similarity, clamped at 0, with a zero diagonal.</summary>
    private static double[] ToDistances(double[] sim, int n)
    {
        var d = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                d[i * n + j] = i == j ? 0 : Math.Max(0, 1 - sim[i * n + j]);
        return d;
    }

    /// <summary>Flat clusters from the first n − k merges, numbered by their lowest member.</summary>
    private static int[] CutTree(LinkageStep[] steps, int n, int k)
    {
        var parent = Enumerable.Range(0, 2 * n - 1).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        for (int s = 0; s < n - k; s++)
        {
            parent[Find(steps[s].Left)] = n + s;
            parent[Find(steps[s].Right)] = n + s;
        }
        var label = new int[n];
        var firstSeen = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            int root = Find(i);
            if (!firstSeen.TryGetValue(root, out var l)) { l = firstSeen.Count; firstSeen[root] = l; }
            label[i] = l;
        }
        return label;
    }
}
