// Saving and loading (article section "Serialization"): Save writes a folder in Python BERTopic 0.17.4's
// safetensors layout (config.json, topics.json, topic_embeddings.safetensors, ctfidf*.…) plus this library's
// files (fitted UMAP/HDBSCAN, checksums); Load reads it back, and also reads folders saved by Python's
// `topic_model.save(path, serialization="safetensors")`. No pickle, no code in the files, no network.
//
//   dotnet run -c Release --project samples/SaveLoad -- [OUTPUT_FOLDER]
using BERTopicNet;
using BERTopicNet.Samples;

ConsoleErrors.Install();

string folder = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "bertopic-20newsgroups");
var corpus = SampleCorpus.TwentyNewsgroupsAll();
var (embeddings, _) = EmbeddingCache.GetOrCreate(corpus, EmbeddingCache.DefaultModelName, () => DefaultStages.CreateEmbeddingModel(new BERTopicOptions()));

var model = new BERTopic();
var (topics, _) = model.FitTransform(corpus.Documents, embeddings);
model.Save(folder);
Console.WriteLine($"Saved to {folder}:");
foreach (var file in new DirectoryInfo(folder).EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
    Console.WriteLine($"  {file.Name,-34} {file.Length,12:N0} bytes");

var loaded = BERTopic.Load(folder);
bool same = model.GetTopicFreq().SequenceEqual(loaded.GetTopicFreq())
    && model.GetTopics().All(kv => loaded.GetTopic(kv.Key) is { } words && words.SequenceEqual(kv.Value));
Console.WriteLine($"Loaded: {loaded.TopicCount} topics (and {loaded.OutlierCount} outlier documents); same sizes and words as before saving: {same}");
TopicTable.PrintTopic(loaded, 0);

// The fitted UMAP and HDBSCAN are saved too, so Transform after Load answers as the original model does.
int[] rows = Enumerable.Range(0, 200).Select(i => i * (corpus.Documents.Count / 200)).ToArray();
var subset = new float[rows.Length, embeddings.GetLength(1)];
for (int r = 0; r < rows.Length; r++)
    for (int c = 0; c < embeddings.GetLength(1); c++) subset[r, c] = embeddings[rows[r], c];
var subsetDocs = rows.Select(i => corpus.Documents[i]).ToArray();
var (before, _) = model.Transform(subsetDocs, subset);
var (after, _) = loaded.Transform(subsetDocs, subset);
Console.WriteLine($"Transform of {rows.Length} training documents: {rows.Where((doc, r) => before[r] == topics[doc]).Count()} get their fitted topic; " +
    $"after Load {after.Where((t, r) => t == before[r]).Count()} get the same answer as before saving");

// A folder written by Python BERTopic (when the shared reference data is present).
var pythonFolder = SharedDataFolder.Path is { } data ? Path.Combine(data, "reference", "bbc_news", "python_model") : null;
if (pythonFolder is not null && Directory.Exists(pythonFolder))
{
    var python = BERTopic.Load(pythonFolder);
    Console.WriteLine($"\nPython BERTopic's model from {pythonFolder}: {python.TopicCount} topics");
    TopicTable.PrintFrequencies(python, rows: 5);
}
