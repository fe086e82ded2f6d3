namespace BERTopicNet.Hdbscan.Tests;

/// <summary>
/// hdbscan's <c>prims_kdtree</c> path (inputs of more than 60 dimensions) against hdbscan 0.8.43 on a tiny tie-heavy
/// input: 24 points × 64 dimensions with coordinates in {0, 1, 2}, so that many mutual reachability distances are equal
/// and the labels depend on hdbscan's core-distance convention and its tie order (with hdbscan's core distance
/// taken at min_samples instead of min_samples + 1, Python gives other labels in the first and last cases). The expected values were
/// recorded from Python (hdbscan's Cython rebuilt from source, scikit-learn 1.2.1, NumPy 1.24).
/// </summary>
public class PrimPathTests
{
    /// <summary>The input: a 31-bit linear congruential generator (glibc's constants), coordinate = (state >> 16) mod 3.</summary>
    private static float[,] Points()
    {
        const int n = 24, d = 64;
        var x = new float[n, d];
        long s = 3;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
            {
                s = (s * 1103515245 + 12345) % (1L << 31);
                x[i, j] = (s >> 16) % 3;
            }
        return x;
    }

    [Theory]
    [InlineData(2, null, 1.0, new[] { -1, -1, 0, 1, -1, -1, -1, -1, -1, 1, -1, -1, -1, -1, -1, -1, -1, -1, 1, -1, -1, 0, -1, -1 })]
    [InlineData(3, 1, 1.0, new[] { -1, 1, 0, 0, 1, -1, 0, -1, -1, 0, -1, -1, 1, -1, 0, -1, -1, -1, 0, -1, -1, 0, 1, 0 })]
    [InlineData(2, 2, 1.5, new[] { 0, 0, 1, 1, 1, -1, 1, -1, -1, 1, -1, 1, 1, -1, 1, 0, 1, -1, 1, -1, -1, 1, 1, -1 })]
    public void LabelsEqualHdbscan(int minClusterSize, int? minSamples, double alpha, int[] expected)
    {
        var options = new HdbscanOptions { MinClusterSize = minClusterSize, MinSamples = minSamples, Alpha = alpha };
        Assert.Equal(expected, new Hdbscan(options).Fit(Points()).Labels);
        Assert.Equal(expected, new Hdbscan(new HdbscanOptions { MinClusterSize = minClusterSize, MinSamples = minSamples, Alpha = alpha, MaxThreads = 1 }).Fit(Points()).Labels);
    }

    /// <summary>
    /// The spanning tree in hdbscan's emission order (<c>mst_linkage_core_vector</c> with min_samples 2, core distance =
    /// third nearest counting the point): (source, new point, squared weight; every weight here is the square root of
    /// an integer). On one thread and on four (the scan split in blocks).
    /// </summary>
    [Fact]
    public void EdgesEqualMstLinkageCoreVector()
    {
        int[,] expected =
        {
            { 0, 21, 70 }, { 21, 2, 64 }, { 21, 18, 64 }, { 18, 9, 63 }, { 9, 3, 58 }, { 3, 22, 65 }, { 22, 4, 65 },
            { 4, 12, 65 }, { 18, 11, 66 }, { 2, 14, 66 }, { 21, 16, 67 }, { 9, 6, 68 }, { 22, 1, 70 }, { 21, 15, 70 },
            { 3, 23, 71 }, { 3, 13, 72 }, { 3, 19, 72 }, { 14, 20, 73 }, { 0, 10, 74 }, { 0, 5, 75 }, { 16, 8, 75 },
            { 13, 7, 80 }, { 14, 17, 83 },
        };
        var x = Points();
        int n = x.GetLength(0), d = x.GetLength(1);
        var coords = new double[n * d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) coords[i * d + j] = x[i, j];
        var core = new double[n];
        for (int i = 0; i < n; i++)
            core[i] = Enumerable.Range(0, n).Select(k => Math.Sqrt(KdTree.SquaredDistance(coords.AsSpan(i * d, d), coords.AsSpan(k * d, d)))).Order().ElementAt(2);
        foreach (int threads in new[] { 1, 4 })
        {
            var edges = PrimMst.Compute(coords, n, d, core, 1.0, threads, parallelWork: 0);
            Assert.Equal(n - 1, edges.Length);
            for (int e = 0; e < edges.Length; e++)
            {
                Assert.Equal(expected[e, 0], edges[e].A);
                Assert.Equal(expected[e, 1], edges[e].B);
                Assert.Equal(Math.Sqrt(expected[e, 2]), edges[e].Weight);
            }
        }
    }
}
