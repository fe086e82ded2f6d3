using BERTopicNet.Analysis;
using BERTopicNet.Clustering;
using BERTopicNet.Reduction;
using BERTopicNet.Visualization.Figures;
using Xunit.Abstractions;

namespace BERTopicNet.Visualization.Tests.Browser;

/// <summary>
/// The analysis charts (topics over time, per class, the hierarchy of HierarchicalTopics) of a real model in headless
/// Chromium with the network blocked. Set BERTOPIC_SCREENSHOTS to a folder to keep a PNG of each.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnalysisChartRenderTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bertopic-viz-analysis-").FullName;

    private static readonly Lazy<(BERTopic Model, string[] Docs, DateTime[] Years, string[] Parties)> Fitted = new(() =>
    {
        string[][] themes = [["tax", "budget", "bank", "trade", "tariff"], ["army", "war", "navy", "peace", "treaty"], ["school", "children", "teachers", "college", "reading"],
            ["farm", "crops", "wheat", "land", "cattle"], ["oil", "coal", "energy", "power", "fuel"], ["moon", "space", "rocket", "science", "orbit"]];
        var rng = new Random(11);
        int count = 360;
        var docs = new string[count];
        var years = new DateTime[count];
        var parties = new string[count];
        var y = new int[count];
        for (int i = 0; i < count; i++)
        {
            int t = i % themes.Length;
            y[i] = t;
            docs[i] = string.Join(' ', Enumerable.Range(0, 10).Select(_ => themes[t][rng.Next(5)])) + " nation people";
            years[i] = new DateTime(1900 + rng.Next(0, 40) + t * 10, 1, 1);
            parties[i] = rng.Next(3) switch { 0 => "Democratic", 1 => "Republican", _ => "Whig" };
        }
        var emb = new float[count, 4];
        for (int i = 0; i < count; i++) for (int j = 0; j < 4; j++) emb[i, j] = (float)rng.NextDouble();
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });
        model.Fit(docs, emb, y);
        return (model, docs, years, parties);
    });

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<RenderReport> Render(PlotlyFigure figure, string name)
    {
        var path = Path.Combine(_dir, name + ".html");
        figure.SaveHtml(path);
        var shots = Environment.GetEnvironmentVariable("BERTOPIC_SCREENSHOTS");
        var report = await browser.RenderAsync(path, string.IsNullOrEmpty(shots) ? null : Path.Combine(shots, name + ".png"));
        output.WriteLine($"{name}: {report}");
        Assert.Empty(report.Errors);
        Assert.Empty(report.Requests);
        return report;
    }

    [ChromiumFact]
    public async Task Topics_over_time_draws_a_line_per_topic()
    {
        var (model, docs, years, _) = Fitted.Value;
        var rows = model.TopicsOverTime(docs, years, new TopicsOverTimeOptions { NrBins = 12 });
        var r = await Render(model.VisualizeTopicsOverTime(rows), "topics_over_time");
        Assert.Equal(6, r.Traces);
        Assert.Equal(6, r.Lines);
    }

    [ChromiumFact]
    public async Task Topics_per_class_shows_the_first_topic_and_the_rest_in_the_legend()
    {
        var (model, docs, _, parties) = Fitted.Value;
        var rows = model.TopicsPerClass(docs, parties);
        var fig = model.VisualizeTopicsPerClass(rows, new TopicFrequencyChartOptions { NormalizeFrequency = true });
        var r = await Render(fig, "topics_per_class");
        Assert.Equal(6, fig.Data.Count);
        Assert.Equal(3, r.Bars);          // the visible topic: one bar per class
        Assert.Equal(3, r.YTicks);
    }

    [ChromiumFact]
    public async Task Hierarchy_from_hierarchical_topics_draws_its_merges()
    {
        var (model, docs, _, _) = Fitted.Value;
        var hierarchy = model.HierarchicalTopics(docs);
        var fig = model.VisualizeHierarchy(hierarchy);
        var r = await Render(fig, "hierarchical_topics");
        Assert.Equal(6, r.YTicks);
        Assert.Equal(5, r.Points);
        Assert.Equal(5, r.Lines);
        // The hover text of each merge names it as the rows do.
        var html = fig.ToHtml();
        foreach (var row in hierarchy) Assert.Contains(row.ParentName, html, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task Hierarchical_documents_draws_every_document_at_each_level()
    {
        var (model, docs, _, _) = Fitted.Value;
        var hierarchy = model.HierarchicalTopics(docs);
        var rng = new Random(2);
        var xy = new float[docs.Length, 2];
        for (int i = 0; i < docs.Length; i++) { xy[i, 0] = (model.DocumentTopics[i] % 3) * 5 + (float)rng.NextDouble(); xy[i, 1] = (model.DocumentTopics[i] / 3) * 5 + (float)rng.NextDouble(); }
        var fig = model.VisualizeHierarchicalDocuments(hierarchy, xy, docs, new HierarchicalDocumentsOptions { NrLevels = 3 });
        var r = await Render(fig, "hierarchical_documents");
        Assert.Equal(3, r.SliderTicks);
        Assert.True(r.HasGlCanvas);
        // Python's linear levels over 5 merges in 3 chunks: thresholds at the 1st, 2nd and 4th merge, so 5, 4 and 2
        // (merged) topics; level 1 is visible.
        var levels = fig.Data.Select(t => t!["visible"]!.GetValue<bool>()).ToList();
        Assert.Equal(5, levels.Count(v => v));
        Assert.Equal(5 + 4 + 2, fig.Data.Count);
        Assert.Equal(docs.Length + 5, r.GlPoints);   // every document plus one name point per topic
    }

    [ChromiumFact]
    public async Task Approximate_distribution_draws_a_token_heatmap()
    {
        var (model, docs, _, _) = Fitted.Value;
        var dist = model.ApproximateDistribution([docs[0], docs[1]], new ApproximateDistributionOptions { CalculateTokens = true });
        var fig = model.VisualizeApproximateDistribution(dist, 0);
        var r = await Render(fig, "approximate_distribution");
        Assert.Equal(1, r.HeatmapImages);
        Assert.True(r.YTicks >= 1);
        Assert.Equal(dist.Tokens![0].Count, fig.Layout["xaxis"]!["ticktext"]!.AsArray().Count);
    }
}
