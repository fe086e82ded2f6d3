using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics.X86;
using System.Text.Json.Nodes;
using BERTopicNet.Embedding;
using BERTopicNet.IO;
using BERTopicNet.Onnx;

namespace BERTopicNet.Benchmarks;

/// <summary>
/// Embedding throughput by sequence length against this CPU's fp32 FMA peak, fp32 and int8 in one run, and the
/// int8 vectors' cosine to sentence-transformers' own (<c>sentence_transformers.npy</c>).
/// </summary>
/// <remarks>
/// BBC News articles are all longer than 256 word pieces, so with <see cref="SentenceEncoderOptions.MaxSequenceLength"/>
/// set to L every document is exactly L tokens and no padding is computed. fp32 and int8 embed the same chunks back
/// to back (paired), so that a busy machine slows both alike. The model's arithmetic per token is that of
/// all-MiniLM-L6-v2 (6 layers, hidden 384, intermediate 1536): 2·6·(4·384² + 2·384·1536) flops in the weight
/// MatMuls plus 4·6·L·384 in the attention products. The peak is cores × nominal clock × 2 FMA pipes × SIMD lanes
/// (8 with AVX2, 16 with AVX-512; 8 on AMD Zen 4 and older, whose FMA pipes are 256 bits wide and run an AVX-512
/// instruction in two halves) × 2 flops.
/// </remarks>
internal sealed class EmbedLengthBenchmark : IBenchmark
{
    private const int Layers = 6, Hidden = 384, Intermediate = 1536;

    public string Name => "embed-length";

    public string Usage => "--docs 192 --lengths 64,128,256 [--threads N] [--data DIR]: tokens/s by length vs the FMA peak, fp32 and int8 paired; int8 cosine vs sentence_transformers.npy";

    public JsonObject Run(BenchmarkArgs args)
    {
        int count = args.GetInt("docs", 192);
        var lengths = args.Get("lengths", "64,128,256").Split(',').Select(int.Parse).ToArray();
        int? threads = args.Has("threads") ? args.GetInt("threads", 0) : null;
        string corpus = Path.Combine(args.DataDirectory, "bbc_news");
        var all = JsonlCorpus.ReadTexts(Path.Combine(corpus, "docs.jsonl"));
        var reference = Npy.ReadMatrix(Path.Combine(corpus, "sentence_transformers.npy"));
        var rows = Enumerable.Range(0, Math.Min(count, all.Count)).Select(i => (int)((long)i * all.Count / Math.Min(count, all.Count))).ToArray();
        var docs = rows.Select(r => all[r]).ToArray();

        int cores = threads ?? Environment.ProcessorCount;
        double ghz = NominalGigahertz();
        int lanes = Avx512F.IsSupported && !HalfWidthAvx512() ? 16 : Avx2.IsSupported ? 8 : 4;
        double peak = cores * ghz * 2 * lanes * 2; // GFLOP/s
        var table = new JsonArray();
        JsonObject? cosine = null;
        foreach (int len in lengths)
        {
            using var fp32 = EmbeddingModels.FromName(SentenceModels.English, new SentenceEncoderOptions { MaxSequenceLength = len, IntraOpThreads = threads });
            using var int8 = EmbeddingModels.FromName(SentenceModels.English, new SentenceEncoderOptions { MaxSequenceLength = len, IntraOpThreads = threads, QuantizeInt8 = true });
            long tokens = docs.Sum(d => (long)fp32.Encoder.Tokenize(d).Length);
            fp32.Encoder.Encode(docs.Take(16).ToArray());
            int8.Encoder.Encode(docs.Take(16).ToArray());
            double fpSeconds = 0, qSeconds = 0;
            float[,]? qVectors = len == 256 ? new float[docs.Length, Hidden] : null;
            for (int start = 0; start < docs.Length; start += 32)
            {
                var chunk = docs.Skip(start).Take(32).ToArray();
                var sw = Stopwatch.StartNew();
                fp32.Encoder.Encode(chunk);
                fpSeconds += sw.Elapsed.TotalSeconds;
                sw.Restart();
                var q = int8.Encoder.Encode(chunk);
                qSeconds += sw.Elapsed.TotalSeconds;
                if (qVectors is not null)
                    for (int i = 0; i < chunk.Length; i++)
                        for (int j = 0; j < Hidden; j++) qVectors[start + i, j] = q[i, j];
            }
            double flopsPerToken = 2.0 * Layers * (4.0 * Hidden * Hidden + 2.0 * Hidden * Intermediate) + 4.0 * Layers * len * Hidden;
            JsonObject Row(string kind, double s) => new()
            {
                ["length"] = len, ["kind"] = kind, ["tokens"] = tokens, ["seconds"] = Math.Round(s, 3),
                ["docs_per_s"] = Math.Round(docs.Length / s, 1), ["tokens_per_s"] = Math.Round(tokens / s, 0),
                ["gflops"] = Math.Round(tokens / s * flopsPerToken / 1e9, 1),
                ["share_of_fp32_fma_peak"] = Math.Round(tokens / s * flopsPerToken / 1e9 / peak, 3),
            };
            table.Add(Row("fp32", fpSeconds));
            table.Add(Row("int8", qSeconds));
            Console.Error.WriteLine($"L={len}: fp32 {tokens / fpSeconds:F0} tokens/s, int8 {tokens / qSeconds:F0} tokens/s ({fpSeconds / qSeconds:F2}x)");
            if (qVectors is not null) cosine = EmbedBenchmark.Cosines(qVectors, reference, rows);
        }
        return new JsonObject
        {
            ["docs"] = docs.Length,
            ["threads"] = cores,
            ["cpu"] = new JsonObject { ["nominal_ghz"] = Math.Round(ghz, 3), ["simd_lanes_fp32"] = lanes, ["fma_peak_gflops"] = Math.Round(peak, 1), ["avx512f"] = Avx512F.IsSupported, ["avx_vnni"] = AvxVnni.IsSupported },
            ["rows"] = table,
            ["int8_cosine_vs_sentence_transformers_at_256"] = cosine,
        };
    }

    /// <summary>AMD before Zen 5 (family 0x19 or lower): AVX-512 instructions run on 256-bit FMA pipes.</summary>
    private static bool HalfWidthAvx512()
    {
        try
        {
            string? vendor = null;
            int family = -1;
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("vendor_id", StringComparison.Ordinal)) vendor = line[(line.IndexOf(':') + 1)..].Trim();
                else if (line.StartsWith("cpu family", StringComparison.Ordinal)) family = int.Parse(line[(line.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
                if (vendor is not null && family >= 0) break;
            }
            return vendor == "AuthenticAMD" && family is >= 0 and <= 0x19;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return false;
    }

    private static double NominalGigahertz()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
                if (line.StartsWith("cpu MHz", StringComparison.Ordinal))
                    return double.Parse(line[(line.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture) / 1000;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return double.NaN;
    }
}
