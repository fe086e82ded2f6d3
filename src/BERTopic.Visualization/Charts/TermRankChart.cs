using System.Text.Json.Nodes;
using BERTopicNet.Visualization.Figures;

namespace BERTopicNet.Visualization;

public static partial class TopicVisualizations
{
    /// <summary>
    /// How fast the c-TF-IDF score declines with a word's rank in each topic, one line per topic (Python's
    /// <c>visualize_term_rank</c>); a knee suggests how many words describe topics well.
    /// </summary>
    /// <param name="data">The fitted topics.</param>
    /// <param name="options">Selection, log scale, size; null for defaults.</param>
    /// <exception cref="ArgumentException">Unknown topics, or no topic with words.</exception>
    public static PlotlyFigure VisualizeTermRank(this TopicChartData data, TermRankOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TermRankOptions();
        var topics = data.SelectTopics(options.Topics, null);
        var traces = new JsonArray();
        for (int k = 0; k < topics.Length; k++)
        {
            int row = data.IndexOf(topics[k]);
            var words = data.Words[row];
            if (words.Count == 0) continue;
            if (options.LogScale && words.Any(w => !(w.Score > 0)))
                words = words.Where(w => w.Score > 0).ToArray();
            string label = options.UseCustomLabels && data.CustomLabels is not null
                ? data.CustomLabels[row]
                : $"<b>Topic {topics[k]}</b>: {data.JoinWords(row, 3, "_")}";
            traces.Add(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines",
                ["name"] = "",
                ["x"] = FigureStyle.Integers(Enumerable.Range(1, words.Count)),
                ["y"] = FigureStyle.Numbers(words.Select(w => (double)w.Score)),
                ["hovertext"] = label,
                ["hoverinfo"] = "text",
                ["line"] = new JsonObject { ["width"] = 1.5 },
                // Python fades lines by topic index so that the largest topics stand out.
                ["opacity"] = FigureStyle.Round(Math.Max(0.25, 1.0 - (double)k / Math.Max(1, topics.Length))),
                ["showlegend"] = false,
            });
        }
        if (traces.Count == 0)
            throw new ArgumentException("None of the selected topics has words with scores to draw.", nameof(data));
        var layout = FigureStyle.Layout(options.Title ?? "<b>Term score decline per Topic</b>", options.ResolveWidth(800), options.ResolveHeight(500));
        layout["showlegend"] = false;
        layout["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "Term Rank" }, ["showline"] = true, ["showgrid"] = true, ["gridcolor"] = "#E5E5E5" };
        layout["yaxis"] = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = options.LogScale ? "c-TF-IDF score (log scale)" : "c-TF-IDF score" },
            ["type"] = options.LogScale ? "log" : "linear",
            ["showline"] = true,
            ["showgrid"] = true,
            ["gridcolor"] = "#E5E5E5",
        };
        return new PlotlyFigure(traces, layout);
    }
}
