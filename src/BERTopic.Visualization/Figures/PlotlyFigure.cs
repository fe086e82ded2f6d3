using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BERTopicNet.Visualization.Figures;

/// <summary>
/// A Plotly figure: the <c>data</c> (traces), <c>layout</c> and <c>config</c> objects of plotly.js, as JSON.
/// Save it with <see cref="SaveHtml(string)"/> as one self-contained HTML file that works offline (plotly.js is
/// embedded), or get the JSON with <see cref="ToJson"/>. In a .NET Interactive (Polyglot) notebook a figure shows
/// itself as HTML.
/// </summary>
[TypeFormatterSource(typeof(PlotlyFigureFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class PlotlyFigure
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        // The default encoder escapes <, >, & and quotes, so the JSON can sit inside a <script> element.
        Encoder = JavaScriptEncoder.Default,
    };

    /// <summary>Creates a figure from its traces and layout.</summary>
    /// <param name="data">The traces (plotly.js <c>data</c> array).</param>
    /// <param name="layout">The layout (plotly.js <c>layout</c> object).</param>
    /// <param name="config">The config (plotly.js <c>config</c> object); null gives a responsive figure without the Plotly logo.</param>
    public PlotlyFigure(JsonArray data, JsonObject layout, JsonObject? config = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(layout);
        Data = data;
        Layout = layout;
        Config = config ?? new JsonObject { ["displaylogo"] = false, ["responsive"] = true };
    }

    /// <summary>The traces. Mutable: change them before saving to restyle the figure.</summary>
    public JsonArray Data { get; }

    /// <summary>The layout. Mutable: change it before saving to restyle the figure.</summary>
    public JsonObject Layout { get; }

    /// <summary>The plotly.js config.</summary>
    public JsonObject Config { get; }

    /// <summary>The figure's title text, or null.</summary>
    public string? Title => Layout["title"] is JsonObject t ? t["text"]?.GetValue<string>() : null;

    /// <summary>The figure as plotly.js JSON: <c>{"data": [...], "layout": {...}, "config": {...}}</c>.</summary>
    public string ToJson() =>
        new JsonObject
        {
            ["data"] = Data.DeepClone(),
            ["layout"] = Layout.DeepClone(),
            ["config"] = Config.DeepClone(),
        }.ToJsonString(Compact);

    /// <summary>
    /// One complete HTML page holding plotly.js and the figure; it needs no network to render.
    /// </summary>
    public string ToHtml()
    {
        var sb = new StringBuilder(PlotlyJs.Source.Length + 4096);
        sb.Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\" />\n<title>")
          .Append(WebUtility.HtmlEncode(StripTags(Title) ?? "BERTopic"))
          .Append("</title>\n</head>\n<body style=\"margin:0\">\n");
        AppendFragment(sb, "bertopic-figure", includePlotlyJs: true);
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>
    /// An HTML fragment (a div and scripts) for embedding in another page or a notebook cell. With
    /// <paramref name="includePlotlyJs"/> the fragment loads the embedded plotly.js when the page has none yet.
    /// </summary>
    /// <param name="divId">The id of the figure's div; null picks a unique one.</param>
    /// <param name="includePlotlyJs">Whether to include plotly.js (about 4.7 MB) in the fragment.</param>
    public string ToHtmlFragment(string? divId = null, bool includePlotlyJs = true)
    {
        var sb = new StringBuilder((includePlotlyJs ? PlotlyJs.Source.Length : 0) + 4096);
        AppendFragment(sb, divId ?? "bertopic-" + Guid.NewGuid().ToString("N"), includePlotlyJs);
        return sb.ToString();
    }

    /// <summary>Writes <see cref="ToHtml"/> to <paramref name="path"/> (UTF-8), creating its folder when needed.</summary>
    /// <param name="path">The HTML file to write.</param>
    public void SaveHtml(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllText(path, ToHtml(), new UTF8Encoding(false));
    }

    /// <summary>A short description: title and number of traces.</summary>
    public override string ToString() => $"PlotlyFigure \"{StripTags(Title)}\" with {Data.Count} trace(s)";

    private void AppendFragment(StringBuilder sb, string divId, bool includePlotlyJs)
    {
        var id = JsonSerializer.Serialize(divId, Compact);
        sb.Append("<div id=\"").Append(WebUtility.HtmlEncode(divId)).Append("\"></div>\n");
        if (includePlotlyJs)
        {
            // In a notebook several outputs share one page: load plotly.js once.
            sb.Append("<script type=\"text/javascript\">if (!window.Plotly) {\n")
              .Append(PlotlyJs.Source)
              .Append("\n}</script>\n");
        }
        sb.Append("<script type=\"text/javascript\">\n")
          .Append("Plotly.newPlot(").Append(id).Append(", ")
          .Append(Data.ToJsonString(Compact)).Append(", ")
          .Append(Layout.ToJsonString(Compact)).Append(", ")
          .Append(Config.ToJsonString(Compact))
          // Mark the div once plotly.js has drawn everything (scripts and tests can wait for it).
          .Append(").then(function (gd) { gd.setAttribute(\"data-rendered\", \"true\"); });\n</script>\n");
    }

    private static string? StripTags(string? s) =>
        s is null ? null : System.Text.RegularExpressions.Regex.Replace(s, "<[^>]*>", string.Empty);
}
