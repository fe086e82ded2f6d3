using System.Diagnostics;
using System.Text.Json.Nodes;
using BERTopicNet.Clustering;
using BERTopicNet.Hdbscan;
using BERTopicNet.IO;
using BERTopicNet.Persistence;
using BERTopicNet.Reduction;
using BERTopicNet.Umap;
using HdbscanModel = BERTopicNet.Hdbscan.Hdbscan;
using UmapModel = BERTopicNet.Umap.Umap;

namespace BERTopicNet.Benchmarks;

/// <summary>
/// Saved size and load time of a fitted model on a real corpus: UMAP (seed 42) + HDBSCAN (min cluster size 10) on the
/// corpus's embeddings, topics from those labels, then the Python-layout folder (BERTopic.Save) and the UMAP/HDBSCAN
/// state files (what Transform needs), each saved and loaded back; the loaded stages are checked to transform the
/// same way.
/// </summary>
internal sealed class PersistenceBenchmark : IBenchmark
{
    public string Name => "persistence";

    public string Usage => "[--corpus 20newsgroups] [--seed 42] [--repeat 3] [--keep DIR]";

    public JsonObject Run(BenchmarkArgs args)
    {
        string corpus = args.Get("corpus", "20newsgroups");
        int seed = args.GetInt("seed", 42), repeat = args.GetInt("repeat", 3);
        var docs = JsonlCorpus.ReadTexts(Path.Combine(args.DataDirectory, corpus, "docs.jsonl"));
        var embeddings = Npy.ReadMatrix(Path.Combine(args.DataDirectory, corpus, "embeddings.npy"));

        var sw = Stopwatch.StartNew();
        var umap = new UmapModel(new UmapOptions { RandomSeed = seed });
        var reduced = umap.FitTransform(embeddings);
        double umapSeconds = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var hdbscan = new HdbscanModel(new HdbscanOptions { MinClusterSize = 10, PredictionData = true });
        var labels = hdbscan.Fit(reduced).Labels;
        double hdbscanSeconds = sw.Elapsed.TotalSeconds;
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer(), Seed = seed });
        model.FitTransform(docs, embeddings, labels);

        string root = args.Get("keep") ?? Path.Combine(Path.GetTempPath(), $"bertopic-persist-bench-{Environment.ProcessId}");
        string dir = Path.Combine(root, "model");
        string umapPath = Path.Combine(root, "umap.safetensors"), hdbscanPath = Path.Combine(root, "hdbscan.safetensors");
        Directory.CreateDirectory(root);
        try
        {
            var saveTimes = new List<double>();
            var stageSaveTimes = new List<double>();
            for (int r = 0; r < repeat; r++)
            {
                sw.Restart();
                model.Save(dir);
                saveTimes.Add(sw.Elapsed.TotalSeconds);
                sw.Restart();
                StageStateFiles.SaveUmap(umap, umapPath);
                StageStateFiles.SaveHdbscan(hdbscan, hdbscanPath);
                stageSaveTimes.Add(sw.Elapsed.TotalSeconds);
            }
            var files = new JsonObject();
            long pythonLayout = 0, ours = 0;
            foreach (var f in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
            {
                long len = new FileInfo(f).Length;
                files[Path.GetFileName(f)] = len;
                if (Path.GetFileName(f) is "bertopic_net.json" or "probabilities.safetensors") ours += len; else pythonLayout += len;
            }
            long umapBytes = new FileInfo(umapPath).Length, hdbscanBytes = new FileInfo(hdbscanPath).Length;
            files["umap.safetensors"] = umapBytes;
            files["hdbscan.safetensors"] = hdbscanBytes;

            var loadVerified = new List<double>();
            var loadUnverified = new List<double>();
            var loadStages = new List<double>();
            BERTopic? loaded = null;
            UmapModel? umap2 = null;
            HdbscanModel? hdbscan2 = null;
            for (int r = 0; r < repeat; r++)
            {
                sw.Restart();
                loaded = BERTopic.Load(dir, options: new LoadOptions { EmbeddingModelResolver = _ => throw new IOException("not needed") });
                loadVerified.Add(sw.Elapsed.TotalSeconds);
                sw.Restart();
                BERTopic.Load(dir, options: new LoadOptions { VerifyChecksums = false, EmbeddingModelResolver = _ => throw new IOException("not needed") });
                loadUnverified.Add(sw.Elapsed.TotalSeconds);
                sw.Restart();
                umap2 = StageStateFiles.LoadUmap(umapPath);
                hdbscan2 = StageStateFiles.LoadHdbscan(hdbscanPath);
                loadStages.Add(sw.Elapsed.TotalSeconds);
            }

            // The restored stages answer as the originals on unseen rows (here: the first 200 training rows, jittered).
            var probe = new float[200, embeddings.GetLength(1)];
            var rng = new Random(seed);
            for (int i = 0; i < 200; i++) for (int d = 0; d < probe.GetLength(1); d++) probe[i, d] = embeddings[i, d] + (float)(rng.NextDouble() - 0.5) * 0.02f;
            var t1 = umap.Transform(probe);
            var t2 = umap2!.Transform(probe);
            bool sameUmap = t1.Cast<float>().SequenceEqual(t2.Cast<float>());
            var p1 = hdbscan.ApproximatePredict(t1);
            var p2 = hdbscan2!.ApproximatePredict(t2);
            bool sameHdbscan = p1.Labels.SequenceEqual(p2.Labels) && p1.Strengths.SequenceEqual(p2.Strengths);
            bool sameTopics = loaded!.DocumentTopics.SequenceEqual(model.DocumentTopics) && loaded.TopicLabels.SequenceEqual(model.TopicLabels);

            return new JsonObject
            {
                ["corpus"] = corpus,
                ["documents"] = docs.Count,
                ["topics"] = model.TopicIds.Count,
                ["vocabulary"] = model.Vocabulary.Count,
                ["fit_seconds"] = new JsonObject { ["umap"] = Math.Round(umapSeconds, 2), ["hdbscan"] = Math.Round(hdbscanSeconds, 2) },
                ["bytes"] = files,
                ["mb"] = new JsonObject
                {
                    ["python_layout"] = Mb(pythonLayout),
                    ["with_our_manifest_and_probabilities"] = Mb(pythonLayout + ours),
                    ["with_umap_hdbscan"] = Mb(pythonLayout + ours + umapBytes + hdbscanBytes),
                    ["umap"] = Mb(umapBytes),
                    ["hdbscan"] = Mb(hdbscanBytes),
                },
                ["save_seconds_min"] = new JsonObject { ["folder"] = Math.Round(saveTimes.Min(), 3), ["umap_hdbscan"] = Math.Round(stageSaveTimes.Min(), 3) },
                ["load_seconds_min"] = new JsonObject
                {
                    ["folder_verified"] = Math.Round(loadVerified.Min(), 3),
                    ["folder_unverified"] = Math.Round(loadUnverified.Min(), 3),
                    ["umap_hdbscan"] = Math.Round(loadStages.Min(), 3),
                },
                ["restored_identical"] = new JsonObject { ["topics"] = sameTopics, ["umap_transform"] = sameUmap, ["hdbscan_predict"] = sameHdbscan },
            };
        }
        finally
        {
            if (!args.Has("keep")) Directory.Delete(root, recursive: true);
        }
    }

    private static double Mb(long bytes) => Math.Round(bytes / 1048576.0, 2);
}
