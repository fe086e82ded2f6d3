using System.Diagnostics;
using BERTopicNet.Visualization.Figures;
using Xunit.Abstractions;

namespace BERTopicNet.Visualization.Tests.Browser;

/// <summary>Each chart opened in headless Chromium with the network blocked: what the DOM holds must match the data.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserRenderTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bertopic-viz-").FullName;
    private static readonly Lazy<(TopicChartData Data, float[,] Emb, string[] Docs)> Model = new(() => SyntheticTopics.Create(12, 600));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<RenderReport> Render(PlotlyFigure figure, string name)
    {
        var path = Path.Combine(_dir, name + ".html");
        figure.SaveHtml(path);
        var sw = Stopwatch.StartNew();
        var report = await browser.RenderAsync(path);
        output.WriteLine($"{name}: rendered in {sw.ElapsedMilliseconds} ms: {report}");
        Assert.Empty(report.Errors);
        Assert.Empty(report.Requests);
        return report;
    }

    [ChromiumFact]
    public async Task Topics_map_draws_one_circle_and_one_slider_step_per_topic()
    {
        var r = await Render(Model.Value.Data.VisualizeTopics(), "topics");
        Assert.Equal(1, r.Traces);
        Assert.Equal(12, r.Points);
        Assert.Equal(12, r.SliderTicks);
    }

    [ChromiumFact]
    public async Task Topics_map_from_ctfidf_with_top_n()
    {
        var r = await Render(Model.Value.Data.VisualizeTopics(new TopicsChartOptions { UseCTfIdf = true, TopN = 5 }), "topics_ctfidf");
        Assert.Equal(5, r.Points);
        Assert.Equal(5, r.SliderTicks);
    }

    [ChromiumFact]
    public async Task Barchart_draws_words_times_topics_bars()
    {
        var r = await Render(Model.Value.Data.VisualizeBarchart(new BarchartOptions { TopN = 6, WordCount = 4 }), "barchart");
        Assert.Equal(6, r.Traces);
        Assert.Equal(24, r.Bars);
    }

    [ChromiumFact]
    public async Task Heatmap_draws_one_image_of_all_topics()
    {
        var fig = Model.Value.Data.VisualizeHeatmap(new HeatmapOptions { ClusterCount = 3 });
        var r = await Render(fig, "heatmap");
        Assert.Equal(1, r.Traces);
        Assert.Equal(1, r.HeatmapImages);
        Assert.Equal(12, r.YTicks);
    }

    [ChromiumFact]
    public async Task Hierarchy_draws_a_leaf_per_topic_and_a_marker_per_merge()
    {
        var fig = Model.Value.Data.VisualizeHierarchy();
        var r = await Render(fig, "hierarchy");
        Assert.Equal(12, r.YTicks);
        Assert.Equal(11, r.Points);                 // merge markers
        Assert.Equal(11, r.Lines);                  // one path per link (links are null-separated within a colour group)
        Assert.Equal(fig.Data.Count, r.Traces);
    }

    [ChromiumFact]
    public async Task Documents_map_in_svg_draws_every_document()
    {
        var (data, emb, docs) = Model.Value;
        var r = await Render(data.VisualizeDocuments(emb, docs, new DocumentsChartOptions { UseWebGl = false }), "documents");
        Assert.Equal(600, r.Points);
        int topicsWithDocs = data.DocumentTopics!.Where(t => t >= 0).Distinct().Count();
        Assert.Equal(1 + topicsWithDocs, r.Traces);
        Assert.Equal(topicsWithDocs + 2, r.Annotations); // names + D1, D2
    }

    [ChromiumFact]
    public async Task Documents_map_in_webgl_holds_every_document()
    {
        var (data, emb, docs) = Model.Value;
        var r = await Render(data.VisualizeDocuments(emb, docs, new DocumentsChartOptions { UseWebGl = true }), "documents_gl");
        Assert.Equal(600, r.GlPoints);
        Assert.True(r.HasGlCanvas);
    }

    [ChromiumFact]
    public async Task Distribution_draws_only_topics_above_min_probability()
    {
        var p = Enumerable.Range(0, 12).Select(i => 0.4f / (i + 1)).ToArray(); // 0.4, 0.2, ..., 0.033
        var r = await Render(Model.Value.Data.VisualizeDistribution(p, new DistributionOptions { MinProbability = 0.05 }), "distribution");
        Assert.Equal(p.Count(v => v >= 0.05), r.Bars);
    }

    [ChromiumFact]
    public async Task Term_rank_draws_a_line_per_topic()
    {
        var r = await Render(Model.Value.Data.VisualizeTermRank(new TermRankOptions { LogScale = true }), "term_rank");
        Assert.Equal(12, r.Lines);
        Assert.Equal(12, r.Traces);
    }

    [ChromiumFact]
    public async Task At_scale_250_topics_and_12k_documents_render_quickly()
    {
        var (data, emb, docs) = SyntheticTopics.Create(250, 12_000, dim: 32, seed: 7);
        var sw = Stopwatch.StartNew();
        var topics = data.VisualizeTopics();
        var heat = data.VisualizeHeatmap();
        var tree = data.VisualizeHierarchy();
        var map = data.VisualizeDocuments(emb, docs, new DocumentsChartOptions { Projection = PlanarMethod.Pca });
        output.WriteLine($"250 topics / 12k docs: four figures built in {sw.ElapsedMilliseconds} ms");
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Equal(250, (await Render(topics, "big_topics")).Points);
        Assert.Equal(1, (await Render(heat, "big_heatmap")).HeatmapImages);
        Assert.Equal(249, (await Render(tree, "big_hierarchy")).Points);
        var r = await Render(map, "big_documents");
        Assert.Equal(12_000, r.GlPoints);              // under MaxDocuments: all drawn, with WebGL above 5,000 points
    }
}
