using System.Globalization;
using System.Text.Json.Nodes;
using BERTopicNet.Analysis;
using BERTopicNet.Visualization.Figures;

namespace BERTopicNet.Visualization;

public static partial class TopicVisualizations
{
    /// <summary>
    /// The 2-d document map at several levels of <c>BERTopic.HierarchicalTopics</c>, a slider stepping from the
    /// topics as fitted towards fewer, merged topics (Python's <c>visualize_hierarchical_documents</c>, linear level
    /// scale): at level k every topic is drawn as the highest merge containing it whose distance is at most the level's
    /// threshold, named by that merge.
    /// </summary>
    /// <param name="data">The fitted topics with <see cref="TopicChartData.DocumentTopics"/> set.</param>
    /// <param name="hierarchy">The rows of <c>BERTopic.HierarchicalTopics</c>.</param>
    /// <param name="points">The documents' 2-d coordinates (N × 2), e.g. a 2-d UMAP of their embeddings.</param>
    /// <param name="documents">The document texts for hover, or null.</param>
    /// <param name="options">Levels and look; null for defaults.</param>
    /// <exception cref="ArgumentException">Missing document topics, mismatched shapes, an empty hierarchy or NrLevels below 1.</exception>
    public static PlotlyFigure VisualizeHierarchicalDocuments(this TopicChartData data, IReadOnlyList<HierarchicalTopic> hierarchy, float[,] points,
        IReadOnlyList<string>? documents = null, HierarchicalDocumentsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(points);
        options ??= new HierarchicalDocumentsOptions();
        var docTopics = data.DocumentTopics
            ?? throw new ArgumentException("The document map needs each document's topic: set TopicChartData.DocumentTopics.", nameof(data));
        int n = docTopics.Length;
        if (points.GetLength(0) != n || points.GetLength(1) != 2)
            throw new ArgumentException($"points must be {n} × 2 (2-d coordinates of each document); it is {points.GetLength(0)} × {points.GetLength(1)}.", nameof(points));
        if (documents is not null && documents.Count != n)
            throw new ArgumentException($"documents has {documents.Count} entries but there are {n} documents.", nameof(documents));
        if (hierarchy.Count == 0) throw new ArgumentException("The hierarchy has no merges.", nameof(hierarchy));
        if (options.NrLevels < 1) throw new ArgumentException($"NrLevels must be at least 1 (it was {options.NrLevels}).", nameof(options));

        // Python's order (Parent_ID descending) and its linear levels: the last row of each of NrLevels chunks, reversed.
        var rows = hierarchy.OrderByDescending(r => r.ParentId).ToArray();
        var thresholds = ArraySplitLast(rows.Length, options.NrLevels).Select(i => rows[i].Distance).Reverse().ToArray();
        int minParent = rows.Min(r => r.ParentId);
        string Name(int id, bool plot)
        {
            if (id < minParent)
            {
                int row = data.IndexOf(id);
                var name = $"{id}_" + (row < 0 ? "" : string.Join("_", data.Words[row].Take(3).Select(w => w.Word.Length > 20 ? w.Word[..20] : w.Word)));
                return name.Length > 40 ? name[..40] : name;
            }
            var full = $"{id}_" + rows.First(r => r.ParentId == id).ParentName;
            var text = plot ? string.Join("_", full.Split('_').Take(3).Select(p => p.Length > 20 ? p[..20] : p)) : full;
            return text.Length > 40 ? text[..40] : text;
        }

        var traces = new JsonArray();
        var levelOfTrace = new List<int>();
        for (int level = 0; level < thresholds.Length; level++)
        {
            var mapping = new Dictionary<int, int>();
            foreach (var t in docTopics.Distinct()) mapping[t] = t;
            foreach (var r in rows.Where(r => r.Distance <= thresholds[level]).OrderBy(r => r.ParentId))
                foreach (var t in r.Topics) if (mapping.ContainsKey(t)) mapping[t] = r.ParentId;
            var groups = Enumerable.Range(0, n).GroupBy(i => mapping[docTopics[i]]).OrderBy(g => g.Key);
            int colour = 0;
            foreach (var g in groups)
            {
                var idx = g.ToArray();
                bool outliers = g.Key == -1;
                var xs = idx.Select(i => (double)points[i, 0]).ToList();
                var ys = idx.Select(i => (double)points[i, 1]).ToList();
                var hover = idx.Select(i => documents is null ? null : FigureStyle.Truncate(documents[i], options.HoverTextLength)).ToList();
                var text = idx.Select(_ => "").ToList();
                if (!outliers && options.ShowAnnotations)
                {
                    xs.Add(xs.Average());
                    ys.Add(ys.Average());
                    hover.Add(null);
                    text.Add(Name(g.Key, plot: true));
                }
                traces.Add(new JsonObject
                {
                    ["type"] = "scattergl",
                    ["mode"] = "markers+text",
                    ["x"] = FigureStyle.Numbers(xs),
                    ["y"] = FigureStyle.Numbers(ys),
                    ["text"] = FigureStyle.Strings(text),
                    ["hovertext"] = FigureStyle.Strings(hover),
                    ["hoverinfo"] = "text",
                    ["name"] = outliers ? "other" : Name(g.Key, plot: false),
                    ["showlegend"] = !outliers,
                    ["visible"] = level == 0,
                    ["marker"] = outliers
                        ? new JsonObject { ["color"] = "#CFD8DC", ["size"] = 5, ["opacity"] = 0.5 }
                        : new JsonObject { ["size"] = 5, ["opacity"] = 0.5, ["color"] = FigureStyle.Palette[colour++ % FigureStyle.Palette.Length] },
                    ["textfont"] = new JsonObject { ["size"] = 12 },
                });
                levelOfTrace.Add(level);
            }
        }
        var steps = new JsonArray();
        for (int level = 0; level < thresholds.Length; level++)
        {
            var visible = new JsonArray([.. levelOfTrace.Select(l => (JsonNode)(l == level))]);
            steps.Add(new JsonObject
            {
                ["method"] = "update",
                ["label"] = $"Level {level + 1}",
                ["args"] = new JsonArray(new JsonObject { ["visible"] = visible }, new JsonObject
                {
                    ["title"] = $"Hierarchical Documents and Topics, level {level + 1} (distance ≤ {thresholds[level].ToString("0.###", CultureInfo.InvariantCulture)})",
                }),
            });
        }
        var layout = FigureStyle.Layout(options.Title ?? "<b>Hierarchical Documents and Topics</b>", options.ResolveWidth(1200), options.ResolveHeight(750));
        layout["sliders"] = new JsonArray(new JsonObject { ["active"] = 0, ["pad"] = new JsonObject { ["t"] = 20 }, ["steps"] = steps });
        layout["xaxis"] = new JsonObject { ["visible"] = false };
        layout["yaxis"] = new JsonObject { ["visible"] = false };
        return new PlotlyFigure(traces, layout);
    }

    /// <summary>The last index of each of NumPy's <c>array_split(range(count), parts)</c> chunks (empty chunks skipped).</summary>
    private static IEnumerable<int> ArraySplitLast(int count, int parts)
    {
        int each = count / parts, extra = count % parts, start = 0;
        for (int p = 0; p < parts; p++)
        {
            int size = each + (p < extra ? 1 : 0);
            if (size > 0) yield return start + size - 1;
            start += size;
        }
    }
}
