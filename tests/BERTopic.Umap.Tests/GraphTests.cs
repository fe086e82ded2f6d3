namespace BERTopicNet.Umap.Tests;

public class GraphTests
{
    /// <summary>
    /// Three points on a line at 0, 1, 3, k = 3 (self + 2). Each row's nearest other point is at rho, so its weight is 1;
    /// the second one must satisfy 1 + w = log2(3), so w = log2(3) − 1 ≈ 0.585 for every row. The fuzzy union of
    /// w with itself is 2w − w², and of 1 with w is 1.
    /// </summary>
    [Fact]
    public void WeightsOfThreePointsOnALine()
    {
        var x = new float[,] { { 0f }, { 1f }, { 3f } };
        var data = DataSet.FromDense(x, UmapMetric.Euclidean, "x");
        var po = new ParallelOptions();
        var knn = ExactKnn.Compute(data, data, 3, queryIsTrain: true, po);
        Assert.Equal(new[] { 0, 1, 2, 1, 0, 2, 2, 1, 0 }, knn.Indices);
        var g = FuzzySimplicialSet.Build(knn, 3, 1.0, 1.0, Parallelism.PerCore(), out var sigmas, out var rhos);
        Assert.Equal(new[] { 1f, 1f, 2f }, rhos);
        double w = Math.Log2(3) - 1;
        Assert.Equal(2.0 / -Math.Log(w), sigmas[0], 3);
        double Weight(int i, int j)
        {
            for (int p = g.RowPtr[i]; p < g.RowPtr[i + 1]; p++) if (g.ColIdx[p] == j) return g.Vals[p];
            return 0;
        }
        Assert.Equal(1.0, Weight(0, 1), 5);
        Assert.Equal(1.0, Weight(1, 2), 5);
        Assert.Equal(2 * w - w * w, Weight(0, 2), 4);
        Assert.Equal(Weight(2, 0), Weight(0, 2));
        Assert.Equal(0.0, Weight(1, 1));
        Assert.Equal(6, g.EdgeCount);
    }

    [Fact]
    public void FuzzyIntersectionKeepsOnlyMutualEdges()
    {
        var x = new float[,] { { 0f }, { 1f }, { 3f } };
        var data = DataSet.FromDense(x, UmapMetric.Euclidean, "x");
        var knn = ExactKnn.Compute(data, data, 2, queryIsTrain: true, new ParallelOptions());
        // neighbours: 0→1, 1→0, 2→1 ; intersection keeps 0–1 only
        var g = FuzzySimplicialSet.Build(knn, 2, 1.0, 0.0, Parallelism.PerCore(), out _, out _);
        Assert.Equal(2, g.EdgeCount);
        Assert.Equal(1, g.ColIdx[g.RowPtr[0]]);
    }

    [Fact]
    public void NNDescentFindsNearlyAllExactNeighbours()
    {
        var (x, _) = TestData.Blobs(300, 5, 12, 1.0, 3.0, 11);
        foreach (var metric in new[] { UmapMetric.Euclidean, UmapMetric.Cosine })
        {
            var data = DataSet.FromDense(x, metric, "x");
            var po = new ParallelOptions { MaxDegreeOfParallelism = 2 };
            var exact = ExactKnn.Compute(data, data, 10, true, po);
            var approx = NNDescent.Compute(data, 10, 5, 60, po, null);
            int hit = 0;
            for (int i = 0; i < data.Rows; i++)
            {
                var a = approx.Indices.AsSpan(i * 10, 10);
                foreach (var j in exact.Indices.AsSpan(i * 10, 10)) if (a.Contains(j)) hit++;
                Assert.Equal(i, approx.Indices[i * 10]);
            }
            Assert.True(hit >= 0.97 * data.Rows * 10, $"{metric}: recall {hit / (data.Rows * 10.0)}");
        }
    }

    [Theory]
    [InlineData(UmapMetric.Cosine)]
    [InlineData(UmapMetric.Euclidean)]
    public void ForestIsTheSameWhicheverTopLevelsAreSplitTogether(UmapMetric metric)
    {
        // 2,400 rows of 13 dimensions (a tail past the 8-lane loop): the default splits 5 levels for all trees at once
        var (x, _) = TestData.Blobs(400, 6, 13, 1.0, 3.0, 7);
        var data = DataSet.FromDense(x, metric, "x");
        var reference = RandomProjectionForest.Build(data, 5, 15, 9, new ParallelOptions { MaxDegreeOfParallelism = 1 }, sharedLevels: 0);
        foreach (var leaves in reference.Select(tree => tree.Leaves))
        {
            Assert.Equal(0, leaves[0].Start);
            Assert.Equal(data.Rows, leaves[^1].End);
            for (int l = 0; l < leaves.Count; l++)
            {
                Assert.InRange(leaves[l].End - leaves[l].Start, 1, 15);
                if (l > 0) Assert.Equal(leaves[l - 1].End, leaves[l].Start);
            }
        }
        foreach (var (levels, threads) in new (int?, int)[] { (1, 2), (3, 1), (7, 2), (null, 2) })
        {
            var forest = RandomProjectionForest.Build(data, 5, 15, 9, new ParallelOptions { MaxDegreeOfParallelism = threads }, levels);
            for (int t = 0; t < reference.Count; t++)
            {
                Assert.Equal(reference[t].Order, forest[t].Order);
                Assert.Equal(reference[t].Leaves, forest[t].Leaves);
            }
        }
        var otherSeed = RandomProjectionForest.Build(data, 5, 15, 10, new ParallelOptions());
        Assert.NotEqual(reference[0].Order, otherSeed[0].Order);
    }

    [Fact]
    public void LanczosMatchesDenseEigenvectors()
    {
        // a ring lattice with random extra edges: one component, 300 vertices (above the dense cut-off)
        int n = 300;
        var rng = new Random(5);
        var rows = new List<int>(); var cols = new List<int>(); var vals = new List<float>();
        void Edge(int i, int j, float w) { rows.Add(i); cols.Add(j); vals.Add(w); rows.Add(j); cols.Add(i); vals.Add(w); }
        for (int i = 0; i < n; i++) { Edge(i, (i + 1) % n, 1f); Edge(i, (i + 2) % n, 0.5f); }
        for (int e = 0; e < 40; e++) Edge(rng.Next(n), rng.Next(n), (float)rng.NextDouble());
        var g = SparseGraph.FromCoo(n, n, rows.ToArray(), cols.ToArray(), vals.ToArray(), Parallelism.PerCore());
        var vecs = SpectralLayout.Eigenvectors(g, 3, new SplitMix(1), new ParallelOptions());
        Assert.NotNull(vecs);
        // dense reference
        var deg = g.RowSums();
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int p = g.RowPtr[i]; p < g.RowPtr[i + 1]; p++) m[i, g.ColIdx[p]] += g.Vals[p] / Math.Sqrt(deg[i] * deg[g.ColIdx[p]]);
        var (values, _) = SymmetricEigen.Decompose(m);
        for (int t = 0; t < 3; t++)
        {
            var v = new double[n];
            for (int i = 0; i < n; i++) v[i] = vecs![i * 3 + t];
            var mv = new double[n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) mv[i] += m[i, j] * v[j];
            double rq = v.Zip(mv, (a, b) => a * b).Sum() / v.Sum(a => a * a);
            Assert.Equal(values[t + 1], rq, 3);
        }
    }
}
