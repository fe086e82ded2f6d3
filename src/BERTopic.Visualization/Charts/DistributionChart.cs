using System.Globalization;
using System.Text.Json.Nodes;
using BERTopicNet.Visualization.Figures;

namespace BERTopicNet.Visualization;

public static partial class TopicVisualizations
{
    /// <summary>
    /// Bar chart of one document's topic probabilities, topics under <see cref="DistributionOptions.MinProbability"/>
    /// left out (Python's <c>visualize_distribution</c>). Entry <c>i</c> of <paramref name="probabilities"/> is
    /// topic <c>i</c>'s probability (the outlier topic has no entry), as in Python's probability matrix rows.
    /// </summary>
    /// <param name="data">The fitted topics.</param>
    /// <param name="probabilities">One document's probability per topic 0, 1, 2, …</param>
    /// <param name="options">Threshold and look; null for defaults.</param>
    /// <exception cref="ArgumentException">A bad threshold, a probability vector longer than the topics, or nothing above the threshold.</exception>
    public static PlotlyFigure VisualizeDistribution(this TopicChartData data, ReadOnlySpan<float> probabilities, DistributionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new DistributionOptions();
        if (!(options.MinProbability >= 0 && options.MinProbability <= 1))
            throw new ArgumentException($"MinProbability must be in [0, 1] (it was {options.MinProbability}).", nameof(options));
        if (probabilities.Length == 0)
            throw new ArgumentException("probabilities is empty; pass one document's probability for each topic (e.g. a row of the probability matrix).", nameof(probabilities));
        var ids = new List<int>();
        var values = new List<double>();
        for (int t = 0; t < probabilities.Length; t++)
        {
            float p = probabilities[t];
            if (!float.IsFinite(p) || p < 0)
                throw new ArgumentException($"probabilities[{t}] = {p}; probabilities must be finite and non-negative.", nameof(probabilities));
            if (data.IndexOf(t) < 0)
                throw new ArgumentException($"probabilities has {probabilities.Length} entries but topic {t} does not exist; pass one value per topic 0..{data.TopicIds.Max()}.", nameof(probabilities));
            if (p >= options.MinProbability && p > 0) { ids.Add(t); values.Add(p); }
        }
        if (ids.Count == 0)
            throw new ArgumentException(
                $"No topic has a probability of at least MinProbability = {options.MinProbability.ToString(CultureInfo.InvariantCulture)} (the largest is {Max(probabilities).ToString(CultureInfo.InvariantCulture)}); lower MinProbability.",
                nameof(probabilities));

        var labels = ids.Select(t =>
        {
            int row = data.IndexOf(t);
            if (options.UseCustomLabels && data.CustomLabels is not null) return data.CustomLabels[row];
            var label = $"<b>Topic {t}</b>: {data.JoinWords(row, 5, "_")}";
            return label.Length > 40 ? label[..40] + "..." : label;
        }).ToArray();
        var trace = new JsonObject
        {
            ["type"] = "bar",
            ["orientation"] = "h",
            ["x"] = FigureStyle.Numbers(values),
            ["y"] = FigureStyle.Strings(labels),
            ["marker"] = new JsonObject { ["color"] = "#C8D2D7", ["line"] = new JsonObject { ["color"] = "#6E8484", ["width"] = 1 } },
            ["hovertemplate"] = "%{y}<br>Probability: %{x:.4f}<extra></extra>",
        };
        int height = options.Height is null ? Math.Max(600, 100 + 22 * ids.Count) : options.ResolveHeight(600);
        var layout = FigureStyle.Layout(options.Title ?? "<b>Topic Probability Distribution</b>", options.ResolveWidth(800), height);
        layout["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "Probability" }, ["showline"] = true, ["rangemode"] = "tozero" };
        layout["yaxis"] = new JsonObject { ["showline"] = true, ["automargin"] = true };
        return new PlotlyFigure(new JsonArray(trace), layout);
    }

    private static float Max(ReadOnlySpan<float> v)
    {
        float m = float.NegativeInfinity;
        foreach (var x in v) if (x > m) m = x;
        return m;
    }
}
