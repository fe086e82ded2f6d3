using System.Globalization;
using System.Text.Json.Nodes;
using BERTopicNet.Visualization.Figures;

namespace BERTopicNet.Visualization;

public static partial class TopicVisualizations
{
    /// <summary>
    /// Token-level topic distribution of one document as a heatmap: one column per token, one row per topic that any
    /// token touches, cells coloured on Python's "Blues" scale and labelled with 3 decimals, zero cells blank (Python's
    /// <c>visualize_approximate_distribution</c>, which draws the same table as a styled pandas frame).
    /// </summary>
    /// <param name="data">The fitted topics (row names).</param>
    /// <param name="tokens">The document's tokens (<see cref="TopicDistribution.Tokens"/>[d]).</param>
    /// <param name="tokenDistribution">Its tokens × topics matrix (<see cref="TopicDistribution.TokenDistributions"/>[d]); column c is the c-th topic without -1.</param>
    /// <param name="options">Normalisation, title and size; null for defaults.</param>
    /// <exception cref="ArgumentException">No tokens, shapes that do not match, or no topic with a non-zero cell.</exception>
    public static PlotlyFigure VisualizeApproximateDistribution(this TopicChartData data, IReadOnlyList<string> tokens, float[,] tokenDistribution,
        ApproximateDistributionChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(tokenDistribution);
        options ??= new ApproximateDistributionChartOptions();
        if (tokens.Count == 0) throw new ArgumentException("Make sure that the document contains at least 1 token.", nameof(tokens));
        var topicRows = Enumerable.Range(0, data.Count).Where(r => data.TopicIds[r] != -1).OrderBy(r => data.TopicIds[r]).ToArray();
        if (tokenDistribution.GetLength(0) != tokens.Count || tokenDistribution.GetLength(1) != topicRows.Length)
            throw new ArgumentException($"The distribution is {tokenDistribution.GetLength(0)} × {tokenDistribution.GetLength(1)} but there are {tokens.Count} tokens and {topicRows.Length} topics besides -1.", nameof(tokenDistribution));
        double total = 0;
        foreach (var v in tokenDistribution) total += v;
        double scale = options.Normalize && total != 0 ? 1 / total : 1;
        var kept = Enumerable.Range(0, topicRows.Length).Where(c => Enumerable.Range(0, tokens.Count).Any(t => tokenDistribution[t, c] != 0)).ToArray();
        if (kept.Length == 0) throw new ArgumentException("No topic has a non-zero similarity with any token of the document.", nameof(tokenDistribution));
        var z = new JsonArray();
        var text = new JsonArray();
        foreach (var c in kept)
        {
            var zr = new JsonArray();
            var tr = new JsonArray();
            for (int t = 0; t < tokens.Count; t++)
            {
                double v = tokenDistribution[t, c] * scale;
                zr.Add(v == 0 ? null : JsonValue.Create(FigureStyle.Round(v)));
                tr.Add(v == 0 ? "" : v.ToString("0.000", CultureInfo.InvariantCulture));
            }
            z.Add(zr);
            text.Add(tr);
        }
        var traces = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "heatmap",
                ["z"] = z,
                ["x"] = FigureStyle.Integers(Enumerable.Range(0, tokens.Count)),
                ["y"] = FigureStyle.Strings(kept.Select(c => data.Label(topicRows[c], 4, options.UseCustomLabels))),
                ["text"] = text,
                ["texttemplate"] = "%{text}",
                ["colorscale"] = "Blues",
                ["reversescale"] = true,   // plotly's Blues runs dark to light; matplotlib's (Python's) light to dark
                ["hoverongaps"] = false,
                ["hovertemplate"] = "%{y}<br>token %{x}: %{z:.3f}<extra></extra>",
            },
        };
        int width = options.Width ?? Math.Max(600, 200 + 60 * tokens.Count);
        var layout = FigureStyle.Layout(options.Title ?? "<b>Topic distribution per token</b>", Math.Min(width, 20000), options.ResolveHeight(Math.Max(300, 150 + 40 * kept.Length)));
        layout["xaxis"] = new JsonObject
        {
            ["tickmode"] = "array",
            ["tickvals"] = FigureStyle.Integers(Enumerable.Range(0, tokens.Count)),
            ["ticktext"] = FigureStyle.Strings(tokens),
            ["side"] = "top",
            ["showline"] = false,
        };
        layout["yaxis"] = new JsonObject { ["automargin"] = true, ["autorange"] = "reversed", ["showline"] = false };
        return new PlotlyFigure(traces, layout);
    }
}
