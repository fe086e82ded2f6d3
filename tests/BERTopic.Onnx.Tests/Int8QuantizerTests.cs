using BERTopicNet.Embedding;
using BERTopicNet.Models;

namespace BERTopicNet.Onnx.Tests;

/// <summary>The optional int8 path: every weight MatMul is quantised, and the vectors stay close to fp32's.</summary>
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
            Assert.True(cos > 0.97f, $"sentence {i}: cosine {cos}");
        }
        // The documented similarities keep their order and stay within 0.05.
        Assert.Equal(0.6660, MiniLmFixture.Dot(b, 0, 1), 0.05);
        Assert.True(MiniLmFixture.Dot(b, 0, 1) > MiniLmFixture.Dot(b, 1, 2));
    }

    [Fact]
    public void Garbage_Is_Rejected_As_Invalid_Onnx()
    {
        Assert.Throws<InvalidDataException>(() => Int8Quantizer.Quantize(new byte[] { 0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }, out _));
    }
}
