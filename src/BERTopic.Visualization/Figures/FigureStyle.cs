using System.Globalization;
using System.Text.Json.Nodes;

namespace BERTopicNet.Visualization.Figures;

/// <summary>Shared look of the charts (Plotly's "simple_white" template, BERTopic's titles and colours) and JSON helpers.</summary>
internal static class FigureStyle
{
    /// <summary>The colour cycle of BERTopic's bar charts (Okabe–Ito, colour-blind safe).</summary>
    public static readonly string[] Palette = ["#D55E00", "#0072B2", "#CC79A7", "#E69F00", "#56B4E9", "#009E73", "#F0E442"];

    /// <summary>ColorBrewer's GnBu sequential scale as a plotly.js colorscale (plotly.js does not know it by name).</summary>
    public static JsonArray GnBu()
    {
        string[] colors = ["#f7fcf0", "#e0f3db", "#ccebc5", "#a8ddb5", "#7bccc4", "#4eb3d3", "#2b8cbe", "#0868ac", "#084081"];
        var scale = new JsonArray();
        for (int i = 0; i < colors.Length; i++) scale.Add(new JsonArray(Math.Round(i / (double)(colors.Length - 1), 4), colors[i]));
        return scale;
    }

    /// <summary>A centred bold title as BERTopic sets it.</summary>
    public static JsonObject Title(string text, double y = 0.95) => new()
    {
        ["text"] = text,
        ["x"] = 0.5,
        ["y"] = y,
        ["xanchor"] = "center",
        ["yanchor"] = "top",
        ["font"] = new JsonObject { ["size"] = 22, ["color"] = "Black" },
    };

    /// <summary>A layout with the simple_white look, the title, size and BERTopic's hover label.</summary>
    public static JsonObject Layout(string title, int width, int height) => new()
    {
        // 30 px below the top edge whatever the height (Python's 0.95 is 30 px of its 600 px figures).
        ["title"] = Title(title, Math.Round(1 - 30.0 / height, 4)),
        ["width"] = width,
        ["height"] = height,
        ["template"] = SimpleWhite(),
        ["hoverlabel"] = new JsonObject { ["bgcolor"] = "white", ["font"] = new JsonObject { ["size"] = 16, ["family"] = "Rockwell" } },
    };

    /// <summary>The part of Plotly's simple_white template that these charts rely on.</summary>
    public static JsonObject SimpleWhite()
    {
        static JsonObject Axis() => new()
        {
            ["showgrid"] = false,
            ["showline"] = true,
            ["linecolor"] = "rgb(36,36,36)",
            ["ticks"] = "outside",
            ["zeroline"] = false,
        };
        return new JsonObject
        {
            ["layout"] = new JsonObject
            {
                ["paper_bgcolor"] = "white",
                ["plot_bgcolor"] = "white",
                ["font"] = new JsonObject { ["color"] = "rgb(36,36,36)" },
                ["xaxis"] = Axis(),
                ["yaxis"] = Axis(),
                ["colorway"] = new JsonArray("#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#7F7F7F", "#BCBD22", "#17BECF"),
            },
        };
    }

    /// <summary>A JSON array of numbers, rounded to 6 significant digits to keep files small.</summary>
    public static JsonArray Numbers(IEnumerable<double> values)
    {
        var a = new JsonArray();
        foreach (var v in values) a.Add(double.IsFinite(v) ? JsonValue.Create(Round(v)) : null);
        return a;
    }

    /// <summary>A JSON array of numbers.</summary>
    public static JsonArray Numbers(IEnumerable<float> values) => Numbers(values.Select(v => (double)v));

    /// <summary>A JSON array of integers.</summary>
    public static JsonArray Integers(IEnumerable<int> values)
    {
        var a = new JsonArray();
        foreach (var v in values) a.Add(v);
        return a;
    }

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Strings(IEnumerable<string?> values)
    {
        var a = new JsonArray();
        foreach (var v in values) a.Add(v);
        return a;
    }

    /// <summary>Rounds to 6 significant digits.</summary>
    public static double Round(double v) =>
        v == 0 || !double.IsFinite(v) ? v : double.Parse(v.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Shortens <paramref name="s"/> to at most <paramref name="max"/> characters, ending with "...".</summary>
    public static string Truncate(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, Math.Max(0, max - 3)), "...");

    /// <summary>
    /// BERTopic's padded range around values: (min − |min|·0.15, max + |max|·0.15), widened when it would be empty.
    /// </summary>
    public static (double Low, double High) PaddedRange(IEnumerable<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values) { if (v < min) min = v; if (v > max) max = v; }
        if (!double.IsFinite(min)) return (-1, 1);
        double lo = min - Math.Abs(min) * 0.15, hi = max + Math.Abs(max) * 0.15;
        if (hi - lo < 1e-9) { lo -= 1; hi += 1; }
        return (lo, hi);
    }

    /// <summary>The "plus"-shaped grid with D1/D2 annotations that BERTopic draws on its 2-d maps.</summary>
    public static void AddPlusGrid(JsonObject layout, (double Low, double High) x, (double Low, double High) y, JsonArray annotations)
    {
        double xm = (x.Low + x.High) / 2, ym = (y.Low + y.High) / 2;
        layout["shapes"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "line", ["x0"] = Round(xm), ["y0"] = Round(y.Low), ["x1"] = Round(xm), ["y1"] = Round(y.High),
                ["line"] = new JsonObject { ["color"] = "#CFD8DC", ["width"] = 2 },
            },
            new JsonObject
            {
                ["type"] = "line", ["x0"] = Round(x.Low), ["y0"] = Round(ym), ["x1"] = Round(x.High), ["y1"] = Round(ym),
                ["line"] = new JsonObject { ["color"] = "#9E9E9E", ["width"] = 2 },
            });
        annotations.Add(new JsonObject { ["x"] = Round(x.Low), ["y"] = Round(ym), ["text"] = "D1", ["showarrow"] = false, ["yshift"] = 10 });
        annotations.Add(new JsonObject { ["x"] = Round(xm), ["y"] = Round(y.High), ["text"] = "D2", ["showarrow"] = false, ["xshift"] = 10 });
        layout["annotations"] = annotations;
    }
}
