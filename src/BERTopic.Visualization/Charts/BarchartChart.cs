using System.Text.Json.Nodes;
using BERTopicNet.Visualization.Figures;

namespace BERTopicNet.Visualization;

public static partial class TopicVisualizations
{
    /// <summary>
    /// Horizontal bar charts of the top words of each topic by c-TF-IDF score, one subplot per topic (Python's
    /// <c>visualize_barchart</c>): the <see cref="BarchartOptions.TopN"/> most frequent topics in id order, or the
    /// given topics in the given order.
    /// </summary>
    /// <param name="data">The fitted topics.</param>
    /// <param name="options">Selection, words per topic, grid; null for defaults.</param>
    /// <exception cref="ArgumentException">Bad counts or unknown topics.</exception>
    public static PlotlyFigure VisualizeBarchart(this TopicChartData data, BarchartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new BarchartOptions();
        if (options.WordCount < 1)
            throw new ArgumentException($"WordCount must be at least 1 (it was {options.WordCount}).", nameof(options));
        if (options.Columns < 1)
            throw new ArgumentException($"Columns must be at least 1 (it was {options.Columns}).", nameof(options));
        if (options.Topics is null && options.TopN < 1)
            throw new ArgumentException($"TopN must be at least 1 (it was {options.TopN}).", nameof(options));
        // As Python: the TopN most frequent topics, drawn in id order (explicit topics in the order given).
        var topics = options.Topics is null
            ? data.SelectTopics(null, options.TopN)
            : data.SelectTopics(options.Topics, null, keepFrequencyOrder: true);

        int n = topics.Length;
        int columns = Math.Min(options.Columns, n);
        int rows = (n + columns - 1) / columns;
        const double hSpacing = 0.1;
        double vSpacing = rows > 1 ? 0.4 / rows : 0;
        double cellW = (1 - (columns - 1) * hSpacing) / columns;
        double cellH = (1 - (rows - 1) * vSpacing) / rows;

        int width = options.ResolveWidth(250) * columns;
        int cellHeight = options.ResolveHeight(250);
        int height = rows > 1 ? cellHeight * rows : (int)(cellHeight * 1.3);
        var layout = FigureStyle.Layout(options.Title ?? "<b>Topic Word Scores</b>", width, height);
        layout["showlegend"] = false;
        ((JsonObject)layout["title"]!).Remove("y");
        var traces = new JsonArray();
        var annotations = new JsonArray();
        for (int k = 0; k < n; k++)
        {
            int row = data.IndexOf(topics[k]);
            var words = data.Words[row].Take(options.WordCount).Reverse().ToArray();
            string suffix = k == 0 ? string.Empty : (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            traces.Add(new JsonObject
            {
                ["type"] = "bar",
                ["orientation"] = "h",
                ["x"] = FigureStyle.Numbers(words.Select(w => (double)w.Score)),
                ["y"] = FigureStyle.Strings(words.Select(w => w.Word + "  ")),
                ["marker"] = new JsonObject { ["color"] = FigureStyle.Palette[k % FigureStyle.Palette.Length] },
                ["name"] = $"Topic {topics[k]}",
                ["hovertemplate"] = "%{y}: %{x:.4g}<extra></extra>",
                ["xaxis"] = "x" + suffix,
                ["yaxis"] = "y" + suffix,
            });
            int r = k / columns, c = k % columns;
            double x0 = c * (cellW + hSpacing), x1 = x0 + cellW;
            double y1 = 1 - r * (cellH + vSpacing), y0 = y1 - cellH;
            layout["xaxis" + suffix] = new JsonObject
            {
                ["domain"] = FigureStyle.Numbers([x0, x1]),
                ["anchor"] = "y" + suffix,
                ["showgrid"] = true,
                ["gridcolor"] = "#E5E5E5",
                ["showline"] = true,
                ["rangemode"] = options.AutoscaleX ? "normal" : "tozero",
            };
            layout["yaxis" + suffix] = new JsonObject
            {
                ["domain"] = FigureStyle.Numbers([Math.Max(0, y0), Math.Min(1, y1)]),
                ["anchor"] = "x" + suffix,
                ["showgrid"] = true,
                ["gridcolor"] = "#E5E5E5",
                ["showline"] = true,
                ["automargin"] = true,
            };
            string title = options.UseCustomLabels && data.CustomLabels is not null ? data.CustomLabels[row] : $"Topic {topics[k]}";
            annotations.Add(new JsonObject
            {
                ["text"] = FigureStyle.Truncate(title, 40),
                ["x"] = (x0 + x1) / 2,
                ["y"] = Math.Min(1, y1),
                ["xref"] = "paper",
                ["yref"] = "paper",
                ["xanchor"] = "center",
                ["yanchor"] = "bottom",
                ["showarrow"] = false,
                ["font"] = new JsonObject { ["size"] = 16 },
            });
        }
        layout["annotations"] = annotations;
        return new PlotlyFigure(traces, layout);
    }
}
