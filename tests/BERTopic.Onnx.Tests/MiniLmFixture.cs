using BERTopicNet.Embedding;
using BERTopicNet.Onnx;

namespace BERTopicNet.Onnx.Tests;

/// <summary>One encoder over the bundled all-MiniLM-L6-v2, shared by the tests of a class (loading takes about a second).</summary>
public sealed class MiniLmFixture : IDisposable
{
    public SentenceEncoder Encoder { get; } = EmbeddingModels.CreateBundledMiniLm();

    public void Dispose() => Encoder.Dispose();

    public static float Dot(float[,] m, int a, int b)
    {
        float s = 0;
        for (int j = 0; j < m.GetLength(1); j++) s += m[a, j] * m[b, j];
        return s;
    }

    public static float[] Row(float[,] m, int i)
    {
        var r = new float[m.GetLength(1)];
        for (int j = 0; j < r.Length; j++) r[j] = m[i, j];
        return r;
    }
}
