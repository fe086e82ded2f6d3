using System.Diagnostics;
using System.Text.Json.Nodes;
using BERTopicNet.Embedding;
using BERTopicNet.IO;
using BERTopicNet.Persistence;

namespace BERTopicNet.Benchmarks;

/// <summary>
/// Saved size and load time of a fitted model on a real corpus (default pipeline: UMAP + HDBSCAN from the corpus's
/// precomputed embeddings): the full folder and the Python-compatible one without the UMAP/HDBSCAN extras, each saved
/// and loaded back; Transform of unseen (jittered) embeddings is compared before and after Load.
/// </summary>
internal sealed class PersistenceBenchmark : IBenchmark
{
    public string Name => "persistence";

    public string Usage => "[--corpus 20newsgroups] [--seed 42] [--repeat 3] [--probe 1000] [--keep DIR]";

    private sealed class NoEmbedder : IEmbeddingModel
    {
        public string Name => "all-MiniLM-L6-v2";
        public float[,] Embed(IReadOnlyList<string> documents, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The benchmark passes precomputed embeddings.");
    }

    public JsonObject Run(BenchmarkArgs args)
    {
        string corpus = args.Get("corpus", "20newsgroups");
        int seed = args.GetInt("seed", 42), repeat = args.GetInt("repeat", 3), probeCount = args.GetInt("probe", 1000);
        var docs = JsonlCorpus.ReadTexts(Path.Combine(args.DataDirectory, corpus, "docs.jsonl"));
        var embeddings = Npy.ReadMatrix(Path.Combine(args.DataDirectory, corpus, "embeddings.npy"));

        var sw = Stopwatch.StartNew();
        var model = new BERTopic(new BERTopicOptions { Seed = seed, EmbeddingModel = new NoEmbedder() });
        model.FitTransform(docs, embeddings);
        double fitSeconds = sw.Elapsed.TotalSeconds;

        var rng = new Random(seed);
        int d = embeddings.GetLength(1);
        var probe = new float[probeCount, d];
        for (int i = 0; i < probeCount; i++)
        {
            int src = rng.Next(embeddings.GetLength(0));
            for (int j = 0; j < d; j++) probe[i, j] = embeddings[src, j] + (float)(rng.NextDouble() - 0.5) * 0.02f;
        }
        var probeDocs = Enumerable.Range(0, probeCount).Select(i => $"probe {i}").ToList();
        var before = model.Transform(probeDocs, probe);

        string root = args.Get("keep") ?? Path.Combine(Path.GetTempPath(), $"bertopic-persist-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        var result = new JsonObject
        {
            ["corpus"] = corpus,
            ["documents"] = docs.Count,
            ["topics"] = model.TopicCount,
            ["vocabulary"] = model.Vocabulary.Count,
            ["fit_seconds"] = Math.Round(fitSeconds, 2),
        };
        var resolver = new LoadOptions { EmbeddingModelResolver = _ => new NoEmbedder() };
        var unverified = new LoadOptions { EmbeddingModelResolver = _ => new NoEmbedder(), VerifyChecksums = false };
        try
        {
            foreach (var (name, options) in new[] { ("full", new SaveOptions()), ("without_umap_hdbscan", new SaveOptions { SaveFittedStages = false }) })
            {
                string dir = Path.Combine(root, name);
                var save = new List<double>();
                for (int r = 0; r < repeat; r++) { sw.Restart(); model.Save(dir, options); save.Add(sw.Elapsed.TotalSeconds); }
                var load = new List<double>();
                var loadUnverified = new List<double>();
                BERTopic? loaded = null;
                for (int r = 0; r < repeat; r++)
                {
                    sw.Restart(); loaded = BERTopic.Load(dir, options: resolver); load.Add(sw.Elapsed.TotalSeconds);
                    sw.Restart(); BERTopic.Load(dir, options: unverified); loadUnverified.Add(sw.Elapsed.TotalSeconds);
                }
                var files = new JsonObject();
                long total = 0;
                foreach (var f in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
                {
                    long len = new FileInfo(f).Length;
                    files[Path.GetFileName(f)] = len;
                    total += len;
                }
                var after = loaded!.Transform(probeDocs, probe);
                int same = before.Topics.Zip(after.Topics).Count(p => p.First == p.Second);
                result[name] = new JsonObject
                {
                    ["total_mb"] = Math.Round(total / 1048576.0, 2),
                    ["bytes"] = files,
                    ["save_seconds_min"] = Math.Round(save.Min(), 3),
                    ["load_seconds_min"] = Math.Round(load.Min(), 3),
                    ["load_seconds_min_without_sha256"] = Math.Round(loadUnverified.Min(), 3),
                    ["transform_same_topic_fraction"] = Math.Round(same / (double)probeCount, 4),
                    ["transform_probabilities_identical"] = before.Probabilities?.PerDocument is { } p1 && after.Probabilities?.PerDocument is { } p2 && p1.SequenceEqual(p2),
                };
                Console.Error.WriteLine($"{name}: {result[name]!.ToJsonString()}");
            }
        }
        finally
        {
            if (!args.Has("keep")) Directory.Delete(root, recursive: true);
        }
        return result;
    }
}
