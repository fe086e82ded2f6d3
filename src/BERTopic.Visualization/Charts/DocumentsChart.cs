using System.Text.Json.Nodes;
using BERTopicNet.Visualization.Figures;
using BERTopicNet.Visualization.Layout;

namespace BERTopicNet.Visualization;

public static partial class TopicVisualizations
{
    /// <summary>
    /// 2-d map of the documents coloured by topic, with the topic names at their centres and the document text on
    /// hover (Python's <c>visualize_documents</c>). Large corpora are sampled per topic (topics under 100
    /// documents kept whole) down to about <see cref="DocumentsChartOptions.MaxDocuments"/> points.
    /// </summary>
    /// <param name="data">The fitted topics with <see cref="TopicChartData.DocumentTopics"/> set.</param>
    /// <param name="points">One row per document: its 2-d coordinates (N × 2) or its embedding (N × D, reduced to 2-d after sampling).</param>
    /// <param name="documents">The document texts for hover, or null.</param>
    /// <param name="options">Selection, sampling and look; null for defaults.</param>
    /// <param name="progress">Receives the fraction of the 2-d reduction done, 0 to 1.</param>
    /// <param name="cancellationToken">Cancels the 2-d reduction.</param>
    /// <exception cref="ArgumentException">Missing document topics, mismatched lengths, or bad sampling settings.</exception>
    public static PlotlyFigure VisualizeDocuments(this TopicChartData data, float[,] points, IReadOnlyList<string>? documents = null,
        DocumentsChartOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(points);
        options ??= new DocumentsChartOptions();
        var docTopics = data.DocumentTopics
            ?? throw new ArgumentException("The document map needs each document's topic: set TopicChartData.DocumentTopics.", nameof(data));
        int n = docTopics.Length;
        if (points.GetLength(0) != n)
            throw new ArgumentException($"points has {points.GetLength(0)} rows but there are {n} documents; give one row per document.", nameof(points));
        if (points.GetLength(1) < 2)
            throw new ArgumentException($"points needs at least 2 columns (2-d coordinates or embeddings); it has {points.GetLength(1)}.", nameof(points));
        if (documents is not null && documents.Count != n)
            throw new ArgumentException($"documents has {documents.Count} entries but there are {n} documents.", nameof(documents));
        if (options.Sample is double sf && (!(sf > 0) || sf > 1))
            throw new ArgumentException($"Sample must be in (0, 1] (it was {sf}).", nameof(options));
        if (options.MaxDocuments < 1)
            throw new ArgumentException($"MaxDocuments must be at least 1 (it was {options.MaxDocuments}).", nameof(options));
        if (options.MaxAnnotations < 0)
            throw new ArgumentException($"MaxAnnotations must be 0 or more (it was {options.MaxAnnotations}).", nameof(options));
        if (options.HoverTextLength < 1)
            throw new ArgumentException($"HoverTextLength must be at least 1 (it was {options.HoverTextLength}).", nameof(options));
        if (n == 0)
            throw new ArgumentException("There are no documents to draw.", nameof(points));
        var selected = new HashSet<int>(options.Topics is null ? data.TopicIds : data.SelectTopics(options.Topics, null));

        // Sample per topic as Python does, then shrink every topic alike when the total still exceeds MaxDocuments.
        var keep = SampleDocuments(docTopics, options.Sample ?? 1.0, options.MaxDocuments, options.Seed);

        // Coordinates of the kept documents.
        float[,] xy;
        if (points.GetLength(1) == 2)
        {
            xy = new float[keep.Length, 2];
            for (int i = 0; i < keep.Length; i++) { xy[i, 0] = points[keep[i], 0]; xy[i, 1] = points[keep[i], 1]; }
        }
        else
        {
            int d = points.GetLength(1);
            var sub = new float[keep.Length, d];
            for (int i = 0; i < keep.Length; i++)
                for (int c = 0; c < d; c++) sub[i, c] = points[keep[i], c];
            // Python: UMAP(n_neighbors=10, n_components=2, min_dist=0.0, metric="cosine").
            xy = PlanarProjection.Project(sub, options.Reducer, options.Projection, 10, 0.0, options.Seed, progress, cancellationToken);
        }

        bool webGl = options.UseWebGl ?? keep.Length > 5000;
        string type = webGl ? "scattergl" : "scatter";
        var traces = new JsonArray();
        var annotations = new JsonArray();
        JsonObject Trace(List<int> members, string name, string? color, bool legend)
        {
            var marker = new JsonObject { ["size"] = 5, ["opacity"] = 0.5 };
            if (color is not null) marker["color"] = color;
            var t = new JsonObject
            {
                ["type"] = type,
                ["mode"] = "markers",
                ["name"] = name,
                ["x"] = FigureStyle.Numbers(members.Select(i => (double)xy[i, 0])),
                ["y"] = FigureStyle.Numbers(members.Select(i => (double)xy[i, 1])),
                ["marker"] = marker,
                ["showlegend"] = legend,
            };
            if (documents is not null && !options.HideDocumentHover)
            {
                t["hovertext"] = FigureStyle.Strings(members.Select(i => FigureStyle.Truncate(documents[keep[i]], options.HoverTextLength)));
                t["hoverinfo"] = "text";
            }
            else t["hoverinfo"] = "skip";
            return t;
        }

        var byTopic = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < keep.Length; i++)
        {
            int t = docTopics[keep[i]];
            if (!byTopic.TryGetValue(t, out var list)) byTopic[t] = list = [];
            list.Add(i);
        }
        var named = new HashSet<int>(byTopic.Keys.Where(t => t != -1 && selected.Contains(t))
            .OrderByDescending(t => data.Sizes[data.IndexOf(t)]).ThenBy(t => t).Take(options.MaxAnnotations));
        var other = byTopic.Where(kv => kv.Key == -1 || !selected.Contains(kv.Key)).SelectMany(kv => kv.Value).Order().ToList();
        traces.Add(Trace(other, "other", "#CFD8DC", legend: false));
        foreach (var (topic, members) in byTopic)
        {
            if (topic == -1 || !selected.Contains(topic)) continue;
            int row = data.IndexOf(topic);
            // Long tokens (e.g. uuencoded junk) would make the legend push the map aside.
            string name = FigureStyle.Truncate(data.Label(row, 3, options.UseCustomLabels), 40);
            traces.Add(Trace(members, name, null, legend: true));
            if (!options.HideAnnotations && named.Contains(topic))
                annotations.Add(new JsonObject
                {
                    ["x"] = FigureStyle.Round(members.Average(i => (double)xy[i, 0])),
                    ["y"] = FigureStyle.Round(members.Average(i => (double)xy[i, 1])),
                    ["text"] = FigureStyle.Truncate(name, 40),
                    ["showarrow"] = false,
                    ["font"] = new JsonObject { ["size"] = 12 },
                });
        }

        var layout = FigureStyle.Layout(options.Title ?? "<b>Documents and Topics</b>", options.ResolveWidth(1200), options.ResolveHeight(750));
        var xr = FigureStyle.PaddedRange(Enumerable.Range(0, keep.Length).Select(i => (double)xy[i, 0]));
        var yr = FigureStyle.PaddedRange(Enumerable.Range(0, keep.Length).Select(i => (double)xy[i, 1]));
        layout["xaxis"] = new JsonObject { ["visible"] = false };
        layout["yaxis"] = new JsonObject { ["visible"] = false };
        FigureStyle.AddPlusGrid(layout, xr, yr, annotations);
        return new PlotlyFigure(traces, layout);
    }

    /// <summary>
    /// Indices of the kept documents, ascending: per topic all when under 100, else ⌊size·fraction⌋ at random
    /// (Python's rule); when that exceeds <paramref name="max"/>, each topic's share is scaled down to fit
    /// (at least one document per topic).
    /// </summary>
    private static int[] SampleDocuments(int[] docTopics, double fraction, int max, int seed)
    {
        var groups = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < docTopics.Length; i++)
        {
            if (!groups.TryGetValue(docTopics[i], out var g)) groups[docTopics[i]] = g = [];
            g.Add(i);
        }
        var take = groups.ToDictionary(kv => kv.Key, kv => kv.Value.Count < 100 ? kv.Value.Count : Math.Max(1, (int)(kv.Value.Count * fraction)));
        long total = take.Values.Sum(v => (long)v);
        if (total > max)
        {
            double scale = (double)max / total;
            foreach (var t in take.Keys.ToArray()) take[t] = Math.Max(1, (int)(take[t] * scale));
        }
        if (take.All(kv => kv.Value == groups[kv.Key].Count)) return Enumerable.Range(0, docTopics.Length).ToArray();

        var rng = new Random(seed);
        var keep = new List<int>();
        foreach (var (topic, members) in groups)
        {
            int size = take[topic];
            var arr = members.ToArray();
            // Partial Fisher–Yates: the first `size` entries become a uniform sample.
            for (int i = 0; i < size; i++)
            {
                int j = rng.Next(i, arr.Length);
                (arr[i], arr[j]) = (arr[j], arr[i]);
            }
            keep.AddRange(arr.Take(size));
        }
        keep.Sort();
        return keep.ToArray();
    }
}
