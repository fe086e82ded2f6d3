using System.Text.Json.Nodes;
using BERTopicNet.Visualization.Figures;
using BERTopicNet.Visualization.Layout;

namespace BERTopicNet.Visualization;

/// <summary>
/// The charts of Python BERTopic's <c>visualize_*</c> methods, drawn from plain <see cref="TopicChartData"/>.
/// Each returns a <see cref="PlotlyFigure"/> to save as offline HTML.
/// </summary>
public static partial class TopicVisualizations
{
    /// <summary>
    /// Intertopic distance map: each topic a circle placed by its embedding (or c-TF-IDF row) reduced to 2-d, its
    /// area proportional to the topic's size, its top five words on hover, and a slider that highlights one topic.
    /// </summary>
    /// <param name="data">The fitted topics; needs <see cref="TopicChartData.TopicEmbeddings"/> or <see cref="TopicChartData.CTfIdf"/>.</param>
    /// <param name="options">Selection, size and 2-d reducer; null for defaults.</param>
    /// <param name="progress">Receives the fraction of the 2-d reduction done, 0 to 1.</param>
    /// <param name="cancellationToken">Cancels the 2-d reduction.</param>
    /// <exception cref="ArgumentException">No topic vectors, unknown topics, or fewer than two topics selected.</exception>
    public static PlotlyFigure VisualizeTopics(this TopicChartData data, TopicsChartOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TopicsChartOptions();
        var topics = data.SelectTopics(options.Topics, options.TopN);
        if (topics.Length < 2)
            throw new ArgumentException($"The intertopic distance map needs at least two topics, but {topics.Length} was selected.", nameof(options));
        var rows = topics.Select(t => data.IndexOf(t)).ToArray();
        var xy = ProjectTopics(data, rows, options, progress, cancellationToken);

        var sizes = rows.Select(r => data.Sizes[r]).ToArray();
        var labels = rows.Select(r => options.UseCustomLabels && data.CustomLabels is not null ? data.CustomLabels[r] : data.JoinWords(r, 5, " | ")).ToArray();
        var customData = new JsonArray();
        for (int i = 0; i < rows.Length; i++)
            customData.Add(new JsonArray(topics[i], labels[i], sizes[i]));
        int maxSize = Math.Max(1, sizes.Max());
        const int SizeMax = 40;
        var trace = new JsonObject
        {
            ["type"] = "scatter",
            ["mode"] = "markers",
            ["name"] = "topics",
            ["x"] = FigureStyle.Numbers(Enumerable.Range(0, rows.Length).Select(i => (double)xy[i, 0])),
            ["y"] = FigureStyle.Numbers(Enumerable.Range(0, rows.Length).Select(i => (double)xy[i, 1])),
            ["customdata"] = customData,
            ["hovertemplate"] = "<b>Topic %{customdata[0]}</b><br>Words: %{customdata[1]}<br>Size: %{customdata[2]}<extra></extra>",
            ["marker"] = new JsonObject
            {
                ["size"] = FigureStyle.Integers(sizes),
                ["sizemode"] = "area",
                ["sizeref"] = 2.0 * maxSize / (SizeMax * SizeMax),
                ["sizemin"] = 2,
                ["color"] = "#B0BEC5",
                ["line"] = new JsonObject { ["width"] = 2, ["color"] = "DarkSlateGrey" },
            },
            ["showlegend"] = false,
        };

        var steps = new JsonArray();
        for (int s = 0; s < topics.Length; s++)
        {
            var colors = new JsonArray();
            for (int i = 0; i < topics.Length; i++) colors.Add(i == s ? "red" : "#B0BEC5");
            steps.Add(new JsonObject
            {
                ["label"] = $"Topic {topics[s]}",
                ["method"] = "update",
                ["args"] = new JsonArray(new JsonObject { ["marker.color"] = new JsonArray(colors) }),
            });
        }

        var layout = FigureStyle.Layout(options.Title ?? "<b>Intertopic Distance Map</b>", options.ResolveWidth(650), options.ResolveHeight(650));
        var xr = FigureStyle.PaddedRange(Enumerable.Range(0, rows.Length).Select(i => (double)xy[i, 0]));
        var yr = FigureStyle.PaddedRange(Enumerable.Range(0, rows.Length).Select(i => (double)xy[i, 1]));
        layout["xaxis"] = new JsonObject { ["visible"] = false, ["range"] = FigureStyle.Numbers([xr.Low, xr.High]) };
        layout["yaxis"] = new JsonObject { ["visible"] = false, ["range"] = FigureStyle.Numbers([yr.Low, yr.High]) };
        layout["sliders"] = new JsonArray(new JsonObject { ["active"] = 0, ["pad"] = new JsonObject { ["t"] = 50 }, ["steps"] = steps });
        FigureStyle.AddPlusGrid(layout, xr, yr, new JsonArray());
        return new PlotlyFigure(new JsonArray(trace), layout);
    }

    /// <summary>2-d positions of the selected topic rows from their embeddings or c-TF-IDF rows.</summary>
    private static float[,] ProjectTopics(TopicChartData data, int[] rows, TopicsChartOptions options, IProgress<double>? progress, CancellationToken ct)
    {
        // Python: UMAP(n_neighbors=2, n_components=2, random_state=42), hellinger on c-TF-IDF, cosine on embeddings.
        const int Neighbors = 2, Seed = 42;
        if ((options.UseCTfIdf || data.TopicEmbeddings is null) && data.CTfIdf is not null)
            return PlanarProjection.Project(SelectRows(data.CTfIdf, rows), options.Reducer, options.Projection, Neighbors, Seed, progress, ct);
        if (data.TopicEmbeddings is not null)
            return PlanarProjection.Project(SelectRows(data.TopicEmbeddings, rows), options.Reducer, options.Projection, Neighbors, 0.1, Seed, progress, ct);
        throw new ArgumentException("This chart needs topic vectors: set TopicChartData.TopicEmbeddings or TopicChartData.CTfIdf.", nameof(data));
    }

    /// <summary>Cosine similarity between the selected topics (n × n), from embeddings or c-TF-IDF rows.</summary>
    private static double[] TopicSimilarity(TopicChartData data, int[] rows, bool useCTfIdf)
    {
        if ((useCTfIdf || data.TopicEmbeddings is null) && data.CTfIdf is not null)
            return PlanarProjection.SparseCosineSimilarity(SelectRows(data.CTfIdf, rows));
        if (data.TopicEmbeddings is not null)
            return PlanarProjection.CosineSimilarity(SelectRows(data.TopicEmbeddings, rows));
        throw new ArgumentException("This chart needs topic vectors: set TopicChartData.TopicEmbeddings or TopicChartData.CTfIdf.", nameof(data));
    }

    private static float[,] SelectRows(float[,] m, int[] rows)
    {
        int d = m.GetLength(1);
        var r = new float[rows.Length, d];
        for (int i = 0; i < rows.Length; i++)
            for (int c = 0; c < d; c++) r[i, c] = m[rows[i], c];
        return r;
    }

    private static BERTopicNet.Umap.CsrMatrix SelectRows(BERTopicNet.Umap.CsrMatrix m, int[] rows)
    {
        var indPtr = new int[rows.Length + 1];
        for (int i = 0; i < rows.Length; i++) indPtr[i + 1] = indPtr[i] + (m.IndPtr[rows[i] + 1] - m.IndPtr[rows[i]]);
        var indices = new int[indPtr[^1]];
        var values = new float[indPtr[^1]];
        for (int i = 0; i < rows.Length; i++)
        {
            int start = m.IndPtr[rows[i]], len = m.IndPtr[rows[i] + 1] - start;
            Array.Copy(m.Indices, start, indices, indPtr[i], len);
            Array.Copy(m.Values, start, values, indPtr[i], len);
        }
        return new BERTopicNet.Umap.CsrMatrix(rows.Length, m.Columns, indPtr, indices, values);
    }
}
