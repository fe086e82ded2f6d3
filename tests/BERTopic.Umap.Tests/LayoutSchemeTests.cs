namespace BERTopicNet.Umap.Tests;

/// <summary>The deterministic parallel SGD against a sequential replica of umap-learn's loop on the same graph and init.</summary>
public class LayoutSchemeTests
{
    [Fact]
    public void ParallelSchemeMatchesUmapLearnsSequentialLoop()
    {
        var (x, labels) = TestData.Blobs(120, 5, 24, 1.0, 2.5, 21);
        float[,] Run(bool sequential) => new Umap(new UmapOptions
        {
            RandomSeed = 3,
            NEpochs = 200,
            SequentialReferenceLayout = sequential,
            ParallelLayoutMinEdges = 0,
        }).FitTransform(x);
        var par = Run(false);
        var seq = Run(true);
        double tp = Trustworthiness.Compute(x, par, 10), ts = Trustworthiness.Compute(x, seq, 10);
        Assert.True(Math.Abs(tp - ts) < 0.01, $"parallel {tp:F4}, sequential {ts:F4}");
        // same global spread (median pairwise distance) within 35 %
        double mp = MedianPairDistance(par), ms = MedianPairDistance(seq);
        Assert.InRange(mp / ms, 0.65, 1.35);
        Assert.True(TestData.NeighborPurity(par, labels, 5) > 0.9);
    }

    private static double MedianPairDistance(float[,] e)
    {
        var d = new List<double>();
        for (int i = 0; i < e.GetLength(0); i += 3)
            for (int j = i + 1; j < e.GetLength(0); j += 3) d.Add(TestData.Distance(e, i, j));
        d.Sort();
        return d[d.Count / 2];
    }
}
