using BERTopicNet.IO;
using BERTopicNet.Testing;

namespace BERTopicNet.Umap.Tests;

public class TrustworthinessTests
{
    [Fact]
    public void MatchesScikitLearn()
    {
        // X[i, j] = sin(0.37 i + 1.3 j) + 0.1 cos(0.11 i j); Y = (X0 + 0.3 cos(0.5 i), X1 X2);
        // sklearn.manifold.trustworthiness(X, Y, n_neighbors=5) = 0.8031994047619048 (scikit-learn 1.2.1)
        var x = new float[120, 8];
        var y = new float[120, 2];
        for (int i = 0; i < 120; i++)
        {
            for (int j = 0; j < 8; j++) x[i, j] = (float)(Math.Sin(0.37 * i + 1.3 * j) + 0.1 * Math.Cos(0.11 * i * j));
            y[i, 0] = (float)(x[i, 0] + 0.3 * Math.Cos(0.5 * i));
            y[i, 1] = x[i, 1] * x[i, 2];
        }
        Assert.Equal(0.8031994047619048, Trustworthiness.Compute(x, y, 5), 4);
        Assert.Equal(1.0, Trustworthiness.Compute(x, x, 5), 9);
    }

    /// <summary>The fidelity check of DESIGN §3 on the smaller real corpus: within 0.01 of umap-learn's output.</summary>
    [SharedDataFact]
    public void BbcNewsTrustworthinessWithinOneHundredthOfUmapLearn()
    {
        var x = Npy.ReadMatrix(SharedData.PathOf("bbc_news", "embeddings.npy"));
        var reference = Npy.ReadMatrix(SharedData.PathOf("reference", "bbc_news", "umap5.npy"));
        var ours = new Umap(new UmapOptions { RandomSeed = 42 }).FitTransform(x);
        double t = Trustworthiness.Compute(x, ours, 15), tr = Trustworthiness.Compute(x, reference, 15);
        Assert.True(Math.Abs(t - tr) <= 0.01, $"ours {t:F4}, umap-learn {tr:F4}");
    }
}
