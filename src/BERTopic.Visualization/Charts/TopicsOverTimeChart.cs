using System.Text.Json.Nodes;
using BERTopicNet.Analysis;
using BERTopicNet.Visualization.Figures;

namespace BERTopicNet.Visualization;

public static partial class TopicVisualizations
{
    /// <summary>
    /// One line per topic of its frequency over time, with the words of each time on hover (Python's
    /// <c>visualize_topics_over_time</c>).
    /// </summary>
    /// <param name="data">The fitted topics (names and frequencies).</param>
    /// <param name="rows">The rows of <c>BERTopic.TopicsOverTime</c>.</param>
    /// <param name="options">Selection, normalisation, size; null for defaults (10 most frequent topics, 1250 × 450).</param>
    /// <exception cref="ArgumentException">No rows, or none of the selected topics has rows.</exception>
    public static PlotlyFigure VisualizeTopicsOverTime(this TopicChartData data, IReadOnlyList<TopicOverTime> rows, TopicFrequencyChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        options ??= new TopicFrequencyChartOptions();
        var selected = data.SelectTopics(options.Topics, options.TopN);
        var traces = new JsonArray();
        int index = 0;
        foreach (var topic in selected)
        {
            var series = rows.Where(r => r.Topic == topic).OrderBy(r => r.Timestamp).ToList();
            if (series.Count == 0) continue;
            var trace = FrequencyTrace(data, topic, index, options.UseCustomLabels, series.Select(r => r.Words));
            trace["type"] = "scatter";
            trace["mode"] = "lines";
            trace["x"] = FigureStyle.Strings(series.Select(r => TopicTables.Iso(r.Timestamp)));
            trace["y"] = FigureStyle.Numbers(Frequencies(series.Select(r => r.Frequency), options.NormalizeFrequency));
            traces.Add(trace);
            index++;
        }
        if (traces.Count == 0) throw new ArgumentException("None of the selected topics has rows to draw.", nameof(rows));
        var layout = FigureStyle.Layout(options.Title ?? "<b>Topics over Time</b>", options.ResolveWidth(1250), options.ResolveHeight(450));
        ((JsonObject)layout["title"]!)["x"] = 0.40;
        layout["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = options.NormalizeFrequency ? "Normalized Frequency" : "Frequency" }, ["showgrid"] = true };
        layout["xaxis"] = new JsonObject { ["type"] = "date", ["showgrid"] = true };
        layout["legend"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "<b>Global Topic Representation" } };
        return new PlotlyFigure(traces, layout);
    }

    /// <summary>
    /// Horizontal bars of each topic's frequency per class, the first topic shown and the others a legend click away
    /// (Python's <c>visualize_topics_per_class</c>).
    /// </summary>
    /// <param name="data">The fitted topics (names and frequencies).</param>
    /// <param name="rows">The rows of <c>BERTopic.TopicsPerClass</c>.</param>
    /// <param name="options">Selection, normalisation, size; null for defaults (10 most frequent topics, 1250 × 900).</param>
    /// <exception cref="ArgumentException">No rows, or none of the selected topics has rows.</exception>
    public static PlotlyFigure VisualizeTopicsPerClass(this TopicChartData data, IReadOnlyList<TopicPerClass> rows, TopicFrequencyChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        options ??= new TopicFrequencyChartOptions();
        var selected = data.SelectTopics(options.Topics, options.TopN);
        var traces = new JsonArray();
        int index = 0;
        foreach (var topic in selected)
        {
            var series = rows.Where(r => r.Topic == topic).ToList();
            if (series.Count == 0) continue;
            var trace = FrequencyTrace(data, topic, index, options.UseCustomLabels, series.Select(r => r.Words));
            trace["type"] = "bar";
            trace["orientation"] = "h";
            trace["y"] = FigureStyle.Strings(series.Select(r => r.Class));
            trace["x"] = FigureStyle.Numbers(Frequencies(series.Select(r => r.Frequency), options.NormalizeFrequency));
            trace["visible"] = index == 0 ? true : "legendonly";
            traces.Add(trace);
            index++;
        }
        if (traces.Count == 0) throw new ArgumentException("None of the selected topics has rows to draw.", nameof(rows));
        var layout = FigureStyle.Layout(options.Title ?? "<b>Topics per Class</b>", options.ResolveWidth(1250), options.ResolveHeight(900));
        ((JsonObject)layout["title"]!)["x"] = 0.40;
        layout["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = options.NormalizeFrequency ? "Normalized Frequency" : "Frequency" }, ["showgrid"] = true };
        layout["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "Class" }, ["showgrid"] = true, ["automargin"] = true };
        layout["legend"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "<b>Global Topic Representation" } };
        return new PlotlyFigure(traces, layout);
    }

    /// <summary>The colours of Python's two frequency charts.</summary>
    private static readonly string[] PythonColors = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#D55E00", "#0072B2", "#CC79A7"];

    /// <summary>What a topic's trace shares in both frequency charts: colour, name and the words of each point on hover.</summary>
    private static JsonObject FrequencyTrace(TopicChartData data, int topic, int index, bool customLabels, IEnumerable<string> words) => new()
    {
        ["marker"] = new JsonObject { ["color"] = PythonColors[index % PythonColors.Length] },
        ["hoverinfo"] = "text",
        ["name"] = TopicName(data, topic, customLabels),
        ["hovertext"] = FigureStyle.Strings(words.Select(w => $"<b>Topic {topic}</b><br>Words: {w}")),
    };

    private static IEnumerable<double> Frequencies(IEnumerable<int> counts, bool normalize)
    {
        var values = counts.Select(c => (double)c).ToArray();
        if (!normalize) return values;
        double norm = Math.Sqrt(values.Sum(v => v * v));
        return norm == 0 ? values : values.Select(v => v / norm);
    }

    /// <summary>Python's <c>topic_labels_</c> name ("id_w1_w2_w3_w4"), cut to 40 characters + "...", or the custom label.</summary>
    private static string TopicName(TopicChartData data, int topic, bool custom)
    {
        int row = data.IndexOf(topic);
        if (row < 0) return topic.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = data.Label(row, 4, custom);
        return !custom && name.Length > 40 ? name[..40] + "..." : name;
    }
}
