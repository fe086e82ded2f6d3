namespace BERTopicNet.Hdbscan.Tests;

public class SpanningTreeTests
{
    private static (double[] coords, double[] core, KdTree tree, double[] coreByPos, int[] knn) Prepare(float[,] x, int minSamples)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var coords = new double[n * d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) coords[i * d + j] = x[i, j];
        var tree = KdTree.Build(coords, n, d, leafSize: 8);
        var core = new double[n];
        var coreByPos = new double[n];
        var knn = new int[n * (minSamples + 1)];
        var pos = new int[minSamples + 1];
        var dist = new double[minSamples + 1];
        for (int p = 0; p < n; p++)
        {
            tree.Query(tree.Point(p), minSamples + 1, pos, dist);
            core[tree.Index[p]] = dist[minSamples];
            coreByPos[p] = dist[minSamples];
            pos.CopyTo(knn, p * (minSamples + 1));
        }
        return (coords, core, tree, coreByPos, knn);
    }

    private static (int, int, double)[] Canonical(MstEdge[] edges) =>
        edges.Select(e => (Math.Min(e.A, e.B), Math.Max(e.A, e.B), e.Squared)).OrderBy(t => t).ToArray();

    [Theory]
    [InlineData(1, 300, 2, 5, 1.0)]
    [InlineData(2, 500, 5, 10, 1.0)]
    [InlineData(3, 400, 3, 1, 1.0)]
    [InlineData(4, 400, 5, 10, 1.7)]
    public void BoruvkaEqualsPrim(int seed, int n, int d, int minSamples, double alpha)
    {
        var x = TestData.Random(seed, n, d);
        // Snap to a coarse grid so that many distances (and mutual reachability values) tie exactly.
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) x[i, j] = MathF.Round(x[i, j] * 4) / 4;
        var (coords, core, tree, coreByPos, knn) = Prepare(x, minSamples);
        var prim = PrimMst.Compute(coords, n, d, core, alpha);
        var bor1 = BoruvkaMst.Compute(tree, coreByPos, alpha, 1, null, default);
        var bor4 = BoruvkaMst.Compute(tree, coreByPos, alpha, 4, null, default);
        var withKnn = BoruvkaMst.Compute(tree, coreByPos, alpha, 4, null, default, knn, minSamples + 1);
        Assert.Equal(Canonical(prim), Canonical(bor1));
        Assert.Equal(Canonical(bor1), Canonical(bor4));
        Assert.Equal(Canonical(bor1), Canonical(withKnn));
    }

    [Fact]
    public void KdTreeQueryMatchesBruteForce()
    {
        var x = TestData.Random(9, 700, 5);
        var (coords, _, tree, _, _) = Prepare(x, 1);
        var pos = new int[12];
        var dist = new double[12];
        var rng = new Random(1);
        for (int t = 0; t < 50; t++)
        {
            var q = new double[5];
            for (int j = 0; j < 5; j++) q[j] = TestData.Gauss(rng);
            tree.Query(q, 12, pos, dist);
            var brute = Enumerable.Range(0, 700)
                .Select(i => (d: Math.Sqrt(KdTree.SquaredDistance(q, coords.AsSpan(i * 5, 5))), i))
                .OrderBy(p => p.d).ThenBy(p => p.i).Take(12).ToArray();
            Assert.Equal(brute.Select(b => b.i), pos.Select(p => tree.Index[p]));
            Assert.Equal(brute.Select(b => b.d), dist);
        }
    }
}
