namespace BERTopicNet.Umap.Tests;

public class ExactKnnTests
{
    /// <summary>
    /// The blocked scan (6-row tiles, 16-candidate panel pairs, blocks of 256 candidates and 384 queries, symmetric pushes) against a plain loop over
    /// DataSet.Distance, on sizes that leave partial tiles, panels and blocks, with an all-zero row under cosine.
    /// </summary>
    [Theory]
    [InlineData(UmapMetric.Cosine, 901, 37)]
    [InlineData(UmapMetric.Euclidean, 901, 37)]
    [InlineData(UmapMetric.Cosine, 7, 3)]
    public void BlockedScanMatchesAllPairs(UmapMetric metric, int n, int dim)
    {
        var rng = new Random(5);
        var x = new float[n, dim];
        for (int i = 0; i < n; i++) for (int t = 0; t < dim; t++) x[i, t] = (float)(rng.NextDouble() * 2 - 1);
        if (metric == UmapMetric.Cosine) for (int t = 0; t < dim; t++) { x[3, t] = 0; x[n - 1, t] = 0; }
        var data = DataSet.FromDense(x, metric, "x");
        int k = Math.Min(10, n);
        var one = ExactKnn.Compute(data, data, k, true, new ParallelOptions { MaxDegreeOfParallelism = 1 });
        var two = ExactKnn.Compute(data, data, k, true, new ParallelOptions { MaxDegreeOfParallelism = 2 });
        Assert.Equal(one.Indices, two.Indices);
        Assert.Equal(one.Distances, two.Distances);
        for (int i = 0; i < n; i++)
        {
            var expected = Enumerable.Range(0, n).Select(j => (D: j == i ? 0f : data.Distance(i, j), J: j))
                .OrderBy(p => p.J == i ? 0 : 1).ThenBy(p => p.D).ThenBy(p => p.J).Take(k).ToArray();
            Assert.Equal(i, one.Indices[i * k]);
            for (int t = 1; t < k; t++)
            {
                float tol = 1e-4f * Math.Max(1f, expected[t].D);
                Assert.True(Math.Abs(one.Distances[i * k + t] - expected[t].D) <= tol, $"row {i}, rank {t}: {one.Distances[i * k + t]} vs {expected[t].D}");
                // the same set up to near-ties
                int j = one.Indices[i * k + t];
                Assert.True(Math.Abs(data.Distance(i, j) - expected[t].D) <= tol, $"row {i}, rank {t}: {j}");
            }
        }
        // zero rows: each other at distance 0, everything else at 1
        if (metric == UmapMetric.Cosine)
        {
            Assert.Equal(n - 1, one.Indices[3 * k + 1]);
            Assert.Equal(0f, one.Distances[3 * k + 1]);
            Assert.Equal(1f, one.Distances[3 * k + 2]);
        }
    }
}
