using BERTopicNet.Embedding;
using BERTopicNet.IO;
using BERTopicNet.Models;
using BERTopicNet.Testing;
using Microsoft.ML.OnnxRuntime;

namespace BERTopicNet.Onnx.Tests;

/// <summary>The optional int8 path: every weight MatMul is quantised (down-projections blockwise), outlying channels smoothed, and the vectors stay close to fp32's.</summary>
public sealed class Int8QuantizerTests(MiniLmFixture fx) : IClassFixture<MiniLmFixture>
{
    [Fact]
    public void Quantizes_All_36_Weight_MatMuls_And_Shrinks_The_Model()
    {
        byte[] model;
        using (var s = MiniLmModel.OpenOnnx()) using (var ms = new MemoryStream()) { s.CopyTo(ms); model = ms.ToArray(); }
        var q = Int8Quantizer.Quantize(model, out int count);
        Assert.Equal(36, count); // 6 layers × (Q, K, V, attention output, FFN in, FFN out)
        // The 36 weights shrink from 42.5 MB to 10.6 MB; the 47 MB word-embedding table (a Gather) stays fp32.
        Assert.InRange(q.Length, model.Length - 33_000_000, model.Length - 31_000_000);
    }

    [Fact]
    public void Calibration_Sees_Each_MatMul_Input_Once_And_Smooths_Each_With_One_Mul()
    {
        byte[] model;
        using (var s = MiniLmModel.OpenOnnx()) using (var ms = new MemoryStream()) { s.CopyTo(ms); model = ms.ToArray(); }
        IReadOnlyList<string>? asked = null;
        var q = Int8Quantizer.Quantize(model, (augmented, names) =>
        {
            asked = names;
            // Run the augmented model on "[CLS] hello [SEP]": the extra outputs must exist and be [1, 3, channels].
            using var session = new InferenceSession(augmented);
            long[] shape = [1, 3];
            using var ids = OrtValue.CreateTensorValueFromMemory(new long[] { 101, 7592, 102 }, shape);
            using var mask = OrtValue.CreateTensorValueFromMemory(new long[] { 1, 1, 1 }, shape);
            using var types = OrtValue.CreateTensorValueFromMemory(new long[3], shape);
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, ["input_ids", "attention_mask", "token_type_ids"], [ids, mask, types], names.ToArray());
            var ranges = new Dictionary<string, float[]>();
            for (int o = 0; o < names.Count; o++)
            {
                var data = outputs[o].GetTensorDataAsSpan<float>();
                int k = (int)outputs[o].GetTensorTypeAndShape().Shape[^1];
                Assert.Equal(3 * k, data.Length);
                var r = new float[k];
                for (int t = 0; t < 3; t++) for (int c = 0; c < k; c++) r[c] = Math.Max(r[c], Math.Abs(data[t * k + c]));
                ranges[names[o]] = r;
            }
            return ranges;
        }, out int count);
        Assert.Equal(36, count);
        // Per layer: the attention input (Q, K, V share it), the attention context and the FFN input; the FFN's inner
        // activation meets a down-projection, which is quantised blockwise and not smoothed.
        Assert.Equal(18, asked!.Count);
        Assert.Equal(asked.Count, asked.Distinct().Count());
        Assert.Equal(18, CountOps(q, "Mul") - CountOps(Int8Quantizer.Quantize(model, out _), "Mul"));
    }

    [Fact]
    public void Down_Projections_Are_Blockwise_And_The_Rest_Dynamic()
    {
        byte[] model;
        using (var s = MiniLmModel.OpenOnnx()) using (var ms = new MemoryStream()) { s.CopyTo(ms); model = ms.ToArray(); }
        var q = Int8Quantizer.Quantize(model, out _);
        Assert.Equal(6, CountOps(q, "MatMulNBits")); // one FFN output (1536 → 384) per layer
        Assert.Equal(30, CountOps(q, "DynamicQuantizeMatMul"));
        Assert.Equal(12, CountOps(q, "MatMul")); // the attention products Q·Kᵀ and P·V: two activations, no weight
        Assert.Equal(12, CountOps(model, "MatMul") - 36);
    }

    private static int CountOps(byte[] model, string op)
    {
        var graph = ProtoWire.Parse(ProtoWire.Parse(model).First(f => f.Number == 7).Value);
        return graph.Where(f => f.Number == 1).Count(f => ProtoWire.Parse(f.Value).Any(x => x.Number == 4 && ProtoWire.String(x) == op));
    }

    [Fact]
    public void Int8_Vectors_Stay_Close_To_Fp32()
    {
        string[] sentences = ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium.", "Quarterly revenue rose by twelve percent.", ""];
        using var int8 = EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { QuantizeInt8 = true });
        Assert.True(int8.IsInt8);
        var a = fx.Encoder.Encode(sentences);
        var b = int8.Encode(sentences);
        for (int i = 0; i < sentences.Length; i++)
        {
            float cos = 0;
            for (int j = 0; j < a.GetLength(1); j++) cos += a[i, j] * b[i, j];
            Assert.True(cos > 0.985f, $"sentence {i}: cosine {cos}");
        }
        // The documented similarities keep their order and stay within 0.05.
        Assert.Equal(0.6660, MiniLmFixture.Dot(b, 0, 1), 0.05);
        Assert.True(MiniLmFixture.Dot(b, 0, 1) > MiniLmFixture.Dot(b, 1, 2));
    }

    /// <summary>
    /// int8 against <c>sentence_transformers.npy</c> on 300 BBC articles (every one cut at 256 word pieces) and
    /// 300 20 Newsgroups posts (short, empty and symbol-only ones among them).
    /// </summary>
    [SharedDataFact]
    public void Int8_Stays_Within_0_99_Of_SentenceTransformers_On_BBC_And_20Newsgroups()
    {
        using var int8 = EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { QuantizeInt8 = true });
        foreach (var (corpus, floor, meanFloor) in new[] { ("bbc_news", 0.995, 0.998), ("20newsgroups", 0.99, 0.997) })
        {
            var docs = JsonlCorpus.ReadTexts(SharedData.PathOf(corpus, "docs.jsonl"));
            var reference = Npy.ReadMatrix(SharedData.PathOf(corpus, "sentence_transformers.npy"));
            var rows = Enumerable.Range(0, 300).Select(i => (int)((long)i * docs.Count / 300)).ToArray();
            var v = int8.Encode(rows.Select(r => docs[r]).ToArray());
            double min = 1, sum = 0;
            for (int i = 0; i < rows.Length; i++)
            {
                double dot = 0, na = 0, nb = 0;
                for (int j = 0; j < v.GetLength(1); j++) { dot += v[i, j] * reference[rows[i], j]; na += v[i, j] * v[i, j]; nb += reference[rows[i], j] * reference[rows[i], j]; }
                double c = dot / Math.Sqrt(na * nb);
                min = Math.Min(min, c);
                sum += c;
            }
            Assert.True(min >= floor, $"{corpus}: lowest cosine {min:F5}");
            Assert.True(sum / rows.Length >= meanFloor, $"{corpus}: mean cosine {sum / rows.Length:F5}");
        }
    }

    [Fact]
    public void Garbage_Is_Rejected_As_Invalid_Onnx()
    {
        Assert.Throws<InvalidDataException>(() => Int8Quantizer.Quantize(new byte[] { 0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }, out _));
    }
}
