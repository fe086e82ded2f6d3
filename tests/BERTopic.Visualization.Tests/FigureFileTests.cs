using BERTopicNet.Visualization;
using BERTopicNet.Visualization.Figures;

namespace BERTopicNet.Visualization.Tests;

public sealed class FigureFileTests
{
    [Fact]
    public void Html_embeds_plotly_and_references_no_network_resource()
    {
        var (data, _, _) = SyntheticTopics.Create(6, 200);
        var html = data.VisualizeBarchart().ToHtml();
        Assert.Contains("plotly.js v" + PlotlyJs.Version, html, StringComparison.Ordinal);
        // Every script is inline: no element loads anything (plotly.js mentions CDN URLs only as defaults for geo maps).
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex("<script[^>]*\\bsrc\\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex("<link[^>]*\\bhref\\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase), html);
        Assert.True(html.Length > 3_000_000, "plotly.js (several MB) must be inside the file");
    }

    [Fact]
    public void Text_from_documents_cannot_close_the_script_element()
    {
        var (data, emb, docs) = SyntheticTopics.Create(4, 120);
        var html = data.VisualizeDocuments(emb, docs).ToHtml();
        int plotCall = html.LastIndexOf("Plotly.newPlot(", StringComparison.Ordinal);
        var tail = html[plotCall..];
        // Exactly one closing tag after the call: the one that ends the figure's own script.
        Assert.Equal(1, CountOf(tail, "</script>"));
        Assert.Contains("\\u003C/script\\u003E", tail, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveHtml_writes_the_page_and_creates_the_folder()
    {
        var (data, _, _) = SyntheticTopics.Create(5, 100);
        var dir = Path.Combine(Path.GetTempPath(), "bertopic-viz-" + Guid.NewGuid().ToString("N"), "nested");
        try
        {
            var path = Path.Combine(dir, "term_rank.html");
            data.VisualizeTermRank().SaveHtml(path);
            var text = File.ReadAllText(path);
            Assert.StartsWith("<!DOCTYPE html>", text, StringComparison.Ordinal);
            Assert.Contains("<title>Term score decline per Topic</title>", text, StringComparison.Ordinal);
        }
        finally { Directory.Delete(Path.GetDirectoryName(dir)!, true); }
    }

    [Fact]
    public void Fragment_loads_plotly_once_and_uses_the_given_div()
    {
        var fig = SyntheticTopics.Create(3, 50).Data.VisualizeTermRank();
        var withJs = fig.ToHtmlFragment("my-div");
        Assert.StartsWith("<div id=\"my-div\"></div>", withJs, StringComparison.Ordinal);
        Assert.Contains("if (!window.Plotly)", withJs, StringComparison.Ordinal);
        var without = fig.ToHtmlFragment("d2", includePlotlyJs: false);
        Assert.True(without.Length < 100_000);
        Assert.Contains("Plotly.newPlot(\"d2\"", without, StringComparison.Ordinal);
    }

    [Fact]
    public void Notebook_formatter_follows_the_dotnet_interactive_convention()
    {
        // .NET Interactive looks for an attribute named TypeFormatterSourceAttribute with FormatterSourceType.
        var attr = typeof(PlotlyFigure).GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attr.GetType().GetProperty("FormatterSourceType")!.GetValue(attr)!;
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = (IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        var html = formatters.Single(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == "text/html");
        var writer = new StringWriter();
        var fig = SyntheticTopics.Create(3, 50).Data.VisualizeTermRank();
        Assert.True((bool)html.GetType().GetMethod("Format")!.Invoke(html, [fig, writer])!);
        Assert.Contains("Plotly.newPlot(", writer.ToString(), StringComparison.Ordinal);
        Assert.False((bool)html.GetType().GetMethod("Format")!.Invoke(html, ["not a figure", new StringWriter()])!);
    }

    [Fact]
    public void Json_round_trips_with_data_layout_and_config()
    {
        var fig = SyntheticTopics.Create(5, 100).Data.VisualizeHeatmap();
        using var doc = System.Text.Json.JsonDocument.Parse(fig.ToJson());
        Assert.Equal(1, doc.RootElement.GetProperty("data").GetArrayLength());
        Assert.Equal("heatmap", doc.RootElement.GetProperty("data")[0].GetProperty("type").GetString());
        Assert.Equal(800, doc.RootElement.GetProperty("layout").GetProperty("width").GetInt32());
        Assert.False(doc.RootElement.GetProperty("config").GetProperty("displaylogo").GetBoolean());
    }

    private static int CountOf(string s, string sub)
    {
        int n = 0;
        for (int i = s.IndexOf(sub, StringComparison.Ordinal); i >= 0; i = s.IndexOf(sub, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
