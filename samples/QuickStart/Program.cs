// Quick start (the article's first section): fit BERTopic with its default settings on 20 Newsgroups
// (18,846 posts) and print the topic table and the words of the largest topics.
//
//   dotnet run -c Release --project samples/QuickStart
//
// The corpus: ../shared/data/20newsgroups/docs.jsonl when present, else downloaded once (14 MB) into
// ~/.cache/bertopic-dotnet/datasets. The embeddings: that folder's sentence_transformers.npy when present (what
// sentence-transformers gives, and what our encoder reproduces), else the cache
// file ~/.cache/bertopic-dotnet/embeddings/all-MiniLM-L6-v2-<corpus hash>.npy, else computed (the slow part of a
// first run: minutes on 2 cores) and written there, so later runs only fit.
using System.Diagnostics;
using System.Text.Json.Nodes;
using BERTopicNet;
using BERTopicNet.Samples;

ConsoleErrors.Install();

var total = Stopwatch.StartNew();
var corpus = SampleCorpus.TwentyNewsgroupsAll();
double loadSeconds = total.Elapsed.TotalSeconds;
var options = new BERTopicOptions(); // Python BERTopic's defaults: all-MiniLM-L6-v2, UMAP, HDBSCAN, c-TF-IDF
var (embeddings, origin) = EmbeddingCache.GetOrCreate(corpus, EmbeddingCache.DefaultModelName, () => DefaultStages.CreateEmbeddingModel(options));
double embedSeconds = total.Elapsed.TotalSeconds - loadSeconds;

Console.Error.WriteLine($"Fitting BERTopic on {corpus.Documents.Count:N0} documents");
var stages = new StageProgressPrinter();
var model = new BERTopic(options);
var fit = Stopwatch.StartNew();
var (topics, probabilities) = model.FitTransform(corpus.Documents, embeddings, progress: stages);
stages.Finish();
Console.Error.WriteLine($"Fit: {fit.Elapsed.TotalSeconds:F1} s");

Console.WriteLine();
TopicTable.PrintFrequencies(model, rows: 11);
Console.WriteLine();
foreach (var f in model.GetTopicFreq().Where(f => f.Topic != -1).Take(5))
    TopicTable.PrintTopic(model, f.Topic);
Console.WriteLine();
Console.WriteLine($"Document 0 is in topic {topics[0]} (probability {probabilities?.PerDocument?[0]:F2}).");
Console.WriteLine($"Total time: {total.Elapsed.TotalSeconds:F1} s");

// One JSON line for scripts: where the inputs came from, seconds per step, peak memory.
var seconds = new JsonObject { ["load"] = Math.Round(loadSeconds, 2), ["embed"] = Math.Round(embedSeconds, 2) };
foreach (var (stage, s) in stages.Seconds) seconds[stage] = Math.Round(s, 2);
seconds["fit"] = Math.Round(fit.Elapsed.TotalSeconds, 2);
seconds["total"] = Math.Round(total.Elapsed.TotalSeconds, 2);
Console.WriteLine(new JsonObject
{
    ["corpus"] = corpus.Source,
    ["embeddings"] = origin,
    ["seconds"] = seconds,
    ["peak_mb"] = Math.Round(PeakMemory.Megabytes(), 1),
}.ToJsonString());
