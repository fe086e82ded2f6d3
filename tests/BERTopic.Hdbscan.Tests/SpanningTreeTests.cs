namespace BERTopicNet.Hdbscan.Tests;

public class SpanningTreeTests
{
    /// <summary>Core distances and k-NN lists (input indices, the point first) as <see cref="Hdbscan"/> computes them.</summary>
    private static (double[] coords, double[] core, KdTree tree, int[] knn) Prepare(float[,] x, int minSamples)
    {
        int n = x.GetLength(0), d = x.GetLength(1), k = minSamples + 1;
        var coords = new double[n * d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) coords[i * d + j] = x[i, j];
        var tree = KdTree.Build(coords, n, d, leafSize: 8);
        var core = new double[n];
        var knn = new int[n * k];
        var pos = new int[k];
        var dist = new double[k];
        for (int p = 0; p < n; p++)
        {
            tree.Query(tree.Point(p), k, pos, dist);
            int i = tree.Index[p];
            core[i] = dist[minSamples];
            for (int j = 0; j < k; j++) knn[i * k + j] = tree.Index[pos[j]];
        }
        return (coords, core, tree, knn);
    }

    [Theory]
    [InlineData(1, 300, 2, 5, 1.0)]
    [InlineData(2, 500, 5, 10, 1.0)]
    [InlineData(3, 400, 3, 1, 1.0)]
    [InlineData(4, 400, 5, 10, 1.7)]
    public void BoruvkaIsAMinimumSpanningTree(int seed, int n, int d, int minSamples, double alpha)
    {
        var x = TestData.Random(seed, n, d);
        // Snap to a coarse grid so that many distances (and mutual reachability values) tie exactly.
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) x[i, j] = MathF.Round(x[i, j] * 4) / 4;
        var (coords, core, _, knn) = Prepare(x, minSamples);
        var prim = PrimMst.Compute(coords, n, d, core, alpha);
        var boruvka = HdbscanBoruvka.Compute(new SklearnKdTree(coords, n, d, 5), core, knn, minSamples + 1, alpha, null, default);
        // Ties make the edges non-unique, but every minimum spanning tree has the same multiset of weights. hdbscan's
        // squares of square-rooted core distances can differ from a squared distance in the last bit, so one-ulp
        // near-ties may resolve either way: compare to 1e-12.
        var expected = prim.Select(e => e.Weight).Order().ToArray();
        var actual = boruvka.Select(e => e.Weight).Order().ToArray();
        Assert.Equal(n - 1, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-12 * Math.Max(1, expected[i]));
        // And the edges connect every point.
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int v) { while (parent[v] != v) v = parent[v] = parent[parent[v]]; return v; }
        foreach (var e in boruvka) parent[Find(e.A)] = Find(e.B);
        Assert.Single(Enumerable.Range(0, n).Select(Find).Distinct());
    }

    [Fact]
    public void KdTreeQueryMatchesBruteForce()
    {
        var x = TestData.Random(9, 700, 5);
        var (coords, _, tree, _) = Prepare(x, 1);
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
