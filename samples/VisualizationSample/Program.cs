// The article's "Visualize Topics" and "Visualize Probabilities" (and the other five charts of Python BERTopic)
// on 20 Newsgroups, written as self-contained HTML files and, where Chromium is installed, PNG screenshots.
//
//   dotnet run -c Release --project samples/VisualizationSample -- [--data ../shared/data] [--out out/visualization]
//                                                                [--python-topics] [--no-screenshots]
//
// The model is fitted by this library's default pipeline (UMAP + HDBSCAN, seed 42, soft probabilities) on the
// precomputed all-MiniLM-L6-v2 embeddings (sentence_transformers.npy, which our encoder reproduces). With --python-topics it is fitted instead on the topic of each document
// that Python BERTopic 0.17.4 found (reference/20newsgroups/bertopic.json, as a manual clustering), and the
// distribution chart uses Python's soft HDBSCAN memberships; the embeddings are then Python's own input, embeddings.npy.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BERTopicNet;
using BERTopicNet.Clustering;
using BERTopicNet.IO;
using BERTopicNet.Reduction;
using BERTopicNet.Visualization;
using BERTopicNet.Visualization.Figures;

string? dataDir = null, outDir = null;
bool screenshots = true, pythonTopics = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--data": dataDir = args[++i]; break;
        case "--out": outDir = args[++i]; break;
        case "--no-screenshots": screenshots = false; break;
        case "--python-topics": pythonTopics = true; break;
        default: Console.Error.WriteLine($"error: unknown argument '{args[i]}'"); return 2;
    }
}
dataDir ??= FindSharedData();
if (dataDir is null || !File.Exists(Path.Combine(dataDir, "20newsgroups", "docs.jsonl")))
{
    Console.Error.WriteLine("error: 20 Newsgroups not found; pass --data DIR (the folder holding 20newsgroups/ and reference/).");
    return 2;
}
outDir = Path.GetFullPath(outDir ?? Path.Combine("out", "visualization"));
Directory.CreateDirectory(outDir);

var total = Stopwatch.StartNew();
var docs = JsonlCorpus.ReadTexts(Path.Combine(dataDir, "20newsgroups", "docs.jsonl"));
var embeddings = Npy.ReadMatrix(Path.Combine(dataDir, "20newsgroups", pythonTopics ? "embeddings.npy" : "sentence_transformers.npy"));
var refDir = Path.Combine(dataDir, "reference", "20newsgroups");
using var reference = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(refDir, "bertopic.json")));
var pythonTopics_ = reference.RootElement.GetProperty("fit").GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()).ToArray();
Console.WriteLine($"{docs.Count} documents, embeddings {embeddings.GetLength(0)} x {embeddings.GetLength(1)}");

var sw = Stopwatch.StartNew();
BERTopic model;
float[]? distribution = null;
int distributionDoc = -1;
if (pythonTopics)
{
    model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });
    model.Fit(docs, embeddings, pythonTopics_);
    (distribution, distributionDoc) = PythonDistribution(refDir, pythonTopics_, model);
}
else
{
    model = new BERTopic(new BERTopicOptions { CalculateProbabilities = true, Seed = 42 });
    model.Fit(docs, embeddings);
    var m = model.Probabilities?.Matrix;
    if (m is not null)
    {
        // The document of the space topic spread over the most topics.
        int space = model.TopicIds.FirstOrDefault(t => t >= 0 && (model.GetTopic(t)?.Take(3).Any(w => w.Word == "space") ?? false), -1);
        int best = -1;
        for (int d = 0; d < docs.Count; d++)
        {
            if (space >= 0 && model.DocumentTopics[d] != space) continue;
            int above = 0;
            for (int t = 0; t < m.GetLength(1); t++) if (m[d, t] >= 0.015f) above++;
            if (above > best) { best = above; distributionDoc = d; }
        }
        if (distributionDoc >= 0)
            distribution = Enumerable.Range(0, m.GetLength(1)).Select(t => m[distributionDoc, t]).ToArray();
    }
}
Console.WriteLine($"fit ({(pythonTopics ? "Python's topics as manual clusters" : "UMAP + HDBSCAN + soft probabilities")}): {sw.Elapsed.TotalSeconds:F1} s, {model.TopicCount} topics");

var charts = new List<(string File, string What, Func<PlotlyFigure> Draw)>
{
    ("topics.html", "intertopic distance map (UMAP of topic embeddings, circle area = topic size, slider highlights a topic)", () => model.VisualizeTopics()),
    ("barchart.html", "top 5 words by c-TF-IDF of the 8 largest topics", () => model.VisualizeBarchart()),
    ("heatmap.html", "cosine similarity of the 30 largest topics' embeddings, ordered by 6 clusters", () => model.VisualizeHeatmap(new HeatmapOptions { TopN = 30, ClusterCount = 6 })),
    ("hierarchy.html", "Ward dendrogram of all topics from 1 - cosine of c-TF-IDF rows", () => model.VisualizeHierarchy()),
    ("documents.html", "all documents placed by UMAP of their embeddings (10 neighbours, cosine), coloured by topic", () => model.VisualizeDocuments(embeddings, docs, new DocumentsChartOptions { HideAnnotations = false })),
    ("term_rank.html", "c-TF-IDF score against word rank, one line per topic (log scale)", () => model.VisualizeTermRank(new TermRankOptions { LogScale = true })),
};
if (distribution is not null)
    charts.Add(("distribution.html", $"topic probabilities of document {distributionDoc} ({(pythonTopics ? "Python's" : "our")} soft HDBSCAN memberships)", () => model.VisualizeDistribution(distribution)));

string? chromium = new[] { Environment.GetEnvironmentVariable("BERTOPIC_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }
    .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
var summary = new List<object>();
foreach (var (file, what, draw) in charts)
{
    sw.Restart();
    var fig = draw();
    double build = sw.Elapsed.TotalSeconds;
    var path = Path.Combine(outDir, file);
    fig.SaveHtml(path);
    string? png = null;
    if (screenshots && chromium is not null)
    {
        png = Path.ChangeExtension(path, ".png");
        Screenshot(chromium, path, png, fig.Layout["width"]?.GetValue<int>() ?? 1200, fig.Layout["height"]?.GetValue<int>() ?? 800);
    }
    Console.WriteLine($"{file,-18} {build,6:F2} s  {new FileInfo(path).Length / 1e6,5:F1} MB  {what}");
    summary.Add(new { file, seconds = Math.Round(build, 3), png, what });
}
Console.WriteLine(JsonSerializer.Serialize(new { out_dir = outDir, total_seconds = Math.Round(total.Elapsed.TotalSeconds, 2), charts = summary }));
return 0;

// Python's soft HDBSCAN memberships (hdbscan_soft.npy), columns mapped from HDBSCAN clusters to topics through the
// documents' labels, for a document of the space topic spread over the most topics.
static (float[]? Row, int Doc) PythonDistribution(string refDir, int[] topics, BERTopic model)
{
    if (!File.Exists(Path.Combine(refDir, "hdbscan_soft.npy")) || !File.Exists(Path.Combine(refDir, "hdbscan_labels.npy"))) return (null, -1);
    var soft = Npy.ReadMatrix(Path.Combine(refDir, "hdbscan_soft.npy"));
    var labels = Npy.ReadInt32Vector(Path.Combine(refDir, "hdbscan_labels.npy"));
    var clusterToTopic = new Dictionary<int, int>();
    for (int i = 0; i < labels.Length; i++)
        if (labels[i] >= 0 && topics[i] >= 0) clusterToTopic.TryAdd(labels[i], topics[i]);
    int topicCount = model.TopicCount;
    float[]? bestRow = null;
    int best = -1, bestDoc = -1;
    for (int d = 0; d < topics.Length; d++)
    {
        if (topics[d] < 0 || !(model.GetTopic(topics[d])?.Any(w => w.Word == "space") ?? false)) continue;
        var row = new float[topicCount];
        foreach (var (c, t) in clusterToTopic) if (t < topicCount && c < soft.GetLength(1)) row[t] = soft[d, c];
        int above = row.Count(p => p >= 0.015f);
        if (above > best) { best = above; bestRow = row; bestDoc = d; }
    }
    return (bestRow, bestDoc);
}

static void Screenshot(string chromium, string html, string png, int width, int height)
{
    var psi = new ProcessStartInfo(chromium)
    {
        RedirectStandardError = true,
        RedirectStandardOutput = true,
    };
    foreach (var a in new[]
    {
        "--headless", "--no-sandbox", "--disable-gpu-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
        "--hide-scrollbars", "--disable-background-networking", "--no-first-run",
        $"--window-size={width + 40},{height + 40}", "--virtual-time-budget=15000", $"--screenshot={png}", new Uri(html).AbsoluteUri,
    }) psi.ArgumentList.Add(a);
    using var p = Process.Start(psi)!;
    p.StandardOutput.ReadToEndAsync();
    p.StandardError.ReadToEndAsync();
    if (!p.WaitForExit(120_000)) { p.Kill(true); Console.Error.WriteLine($"warning: screenshot of {html} timed out"); }
}

static string? FindSharedData()
{
    var env = Environment.GetEnvironmentVariable("BERTOPIC_SHARED_DATA");
    if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "BERTopic.sln")))
        {
            var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    return null;
}
