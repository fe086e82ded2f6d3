using System.Text.Json;
using PuppeteerSharp;

namespace BERTopicNet.Visualization.Tests.Browser;

/// <summary>What a rendered figure left in the page: counts of DOM elements plus any error or network request.</summary>
public sealed record RenderReport(
    int Traces, int Points, int Bars, int Lines, int HeatmapImages, int GlPoints, int SliderTicks, int YTicks,
    int Annotations, bool HasGlCanvas, IReadOnlyList<string> Errors, IReadOnlyList<string> Requests);

/// <summary>
/// One headless Chromium shared by every browser test (starting it is the slow part). Pages are opened from
/// file:// URLs with request interception on: any non-file request is recorded and aborted, so a figure that
/// needed the network would fail to render and be reported.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IBrowser? _browser;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is null) return;
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
    }

    /// <summary>Opens <paramref name="htmlPath"/>, waits for plotly to finish, and reports what was drawn.</summary>
    /// <param name="htmlPath">The HTML file.</param>
    /// <param name="screenshotPath">Where to write a PNG screenshot, or null.</param>
    public async Task<RenderReport> RenderAsync(string htmlPath, string? screenshotPath = null, int width = 1300, int height = 900)
    {
        if (_browser is null) throw new InvalidOperationException("Chromium is not available; the test should have been skipped.");
        await _gate.WaitAsync();
        try
        {
            await using var page = await _browser.NewPageAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
            var errors = new List<string>();
            var requests = new List<string>();
            page.PageError += (_, e) => { lock (errors) errors.Add("pageerror: " + e.Message); };
            page.Console += (_, e) =>
            {
                if (e.Message.Type == ConsoleType.Error) lock (errors) errors.Add("console: " + e.Message.Text);
            };
            await page.SetRequestInterceptionAsync(true);
            page.Request += async (_, e) =>
            {
                if (e.Request.Url.StartsWith("file:", StringComparison.Ordinal) || e.Request.Url.StartsWith("data:", StringComparison.Ordinal))
                    await e.Request.ContinueAsync();
                else
                {
                    lock (requests) requests.Add(e.Request.Url);
                    await e.Request.AbortAsync();
                }
            };
            await page.GoToAsync(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 60_000 });
            // Plotly.newPlot is asynchronous: the figure marks its div once everything is drawn.
            await page.WaitForSelectorAsync(".js-plotly-plot[data-rendered='true']", new WaitForSelectorOptions { Timeout = 30_000 });
            await page.EvaluateExpressionAsync("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            var json = await page.EvaluateExpressionAsync<string>(ProbeScript);
            if (screenshotPath is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(screenshotPath))!);
                await page.ScreenshotAsync(screenshotPath, new ScreenshotOptions { FullPage = true });
            }
            using var doc = JsonDocument.Parse(json);
            var r = doc.RootElement;
            lock (errors)
                return new RenderReport(
                    r.GetProperty("traces").GetInt32(), r.GetProperty("points").GetInt32(), r.GetProperty("bars").GetInt32(),
                    r.GetProperty("lines").GetInt32(), r.GetProperty("heatmaps").GetInt32(), r.GetProperty("glPoints").GetInt32(),
                    r.GetProperty("sliderTicks").GetInt32(), r.GetProperty("yticks").GetInt32(), r.GetProperty("annotations").GetInt32(),
                    r.GetProperty("glCanvas").GetBoolean(), errors.ToArray(), requests.ToArray());
        }
        finally { _gate.Release(); }
    }

    private const string ProbeScript = """
        (() => {
          const gd = document.querySelector('.js-plotly-plot');
          const q = s => gd.querySelectorAll(s).length;
          const gl = gd._fullData.filter(t => t.type === 'scattergl').reduce((n, t) => n + (t._length || 0), 0);
          const canvas = Array.from(gd.querySelectorAll('canvas')).some(c => c.width > 0 && c.height > 0);
          return JSON.stringify({
            traces: gd._fullData.length,
            points: q('.scatterlayer .trace .points path.point'),
            bars: q('.barlayer .trace .point path'),
            lines: q('.scatterlayer .trace path.js-line'),
            heatmaps: q('.heatmaplayer .hm image'),
            glPoints: gl,
            glCanvas: canvas,
            sliderTicks: q('.slider-container .slider-tick-rect'),
            yticks: q('.yaxislayer-above .ytick text'),
            annotations: q('.annotation'),
          });
        })()
        """;
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "headless chromium";
}
