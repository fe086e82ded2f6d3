using BERTopicNet.Testing;

namespace BERTopicNet.Umap.Tests;

/// <summary>The graph search Transform uses on large training sets finds (nearly) the exact neighbours.</summary>
public class KnnSearchIndexTests
{
    /// <summary>Clusters on 4-d manifolds inside 96-d space, like sentence embeddings: structured, not isotropic noise.</summary>
    private static float[,] Manifolds(int n, int clusters, int seed)
    {
        const int dim = 96, latent = 4;
        var rng = new Random(seed);
        var centres = new double[clusters, dim];
        var bases = new double[clusters, latent, dim];
        for (int c = 0; c < clusters; c++)
            for (int t = 0; t < dim; t++)
            {
                centres[c, t] = TestData.Gaussian(rng);
                for (int l = 0; l < latent; l++) bases[c, l, t] = TestData.Gaussian(rng) * 0.3;
            }
        var x = new float[n, dim];
        var z = new double[latent];
        for (int i = 0; i < n; i++)
        {
            int c = i % clusters;
            for (int l = 0; l < latent; l++) z[l] = TestData.Gaussian(rng);
            for (int t = 0; t < dim; t++)
            {
                double v = centres[c, t] + 0.02 * TestData.Gaussian(rng);
                for (int l = 0; l < latent; l++) v += z[l] * bases[c, l, t];
                x[i, t] = (float)v;
            }
        }
        return x;
    }

    private static float[,] Rows(float[,] x, int from, int count)
    {
        var r = new float[count, x.GetLength(1)];
        Buffer.BlockCopy(x, from * x.GetLength(1) * sizeof(float), r, 0, count * x.GetLength(1) * sizeof(float));
        return r;
    }

    [Theory]
    [InlineData(UmapMetric.Cosine)]
    [InlineData(UmapMetric.Euclidean)]
    public void SearchFindsTheExactNeighboursOfNewRows(UmapMetric metric)
    {
        const int n = 6000, m = 400, k = 15;
        var all = Manifolds(n + m, 12, 3);
        var train = DataSet.FromDense(Rows(all, 0, n), metric, "train");
        var query = DataSet.FromDense(Rows(all, n, m), metric, "query");
        var po = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        var graph = NNDescent.Compute(train, k, 42, 60, po, null);
        var index = KnnSearchIndex.Build(train, graph.Indices, k);

        var found = index.Query(query, k, po);
        var exact = ExactKnn.Compute(train, query, k, queryIsTrain: false, po);
        int hits = 0;
        for (int i = 0; i < m; i++)
        {
            var row = found.Indices.AsSpan(i * k, k).ToArray();
            Assert.Equal(k, row.Distinct().Count());
            for (int t = 1; t < k; t++) Assert.True(found.Distances[i * k + t - 1] <= found.Distances[i * k + t]);
            for (int t = 0; t < k; t++) Assert.Equal(train.Distance(query, i, row[t]), found.Distances[i * k + t], 5);
            hits += exact.Indices.AsSpan(i * k, k).ToArray().Intersect(row).Count();
        }
        double recall = hits / (double)(m * k);
        Assert.True(recall >= 0.95, $"recall {recall:F3} against the exact neighbours");

        // one query's result does not depend on the others or on the thread count
        var single = index.Query(DataSet.FromDense(Rows(all, n + 7, 1), metric, "one"), k, new ParallelOptions { MaxDegreeOfParallelism = 1 });
        Assert.Equal(found.Indices.AsSpan(7 * k, k).ToArray(), single.Indices);
    }

    [SharedDataFact]
    public void SearchFindsTheNeighboursOfHeldOutNewsgroupsPosts()
    {
        // 20 Newsgroups' sentence embeddings: 16,000 posts indexed, the other 2,846 searched
        var all = BERTopicNet.IO.Npy.ReadMatrix(SharedData.PathOf("20newsgroups", "sentence_transformers.npy"));
        const int n = 16_000, k = 15;
        int m = all.GetLength(0) - n;
        var train = DataSet.FromDense(Rows(all, 0, n), UmapMetric.Cosine, "train");
        var query = DataSet.FromDense(Rows(all, n, m), UmapMetric.Cosine, "query");
        var po = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        var index = KnnSearchIndex.Build(train, NNDescent.Compute(train, k, 42, 60, po, null).Indices, k);
        var found = index.Query(query, k, po);
        var exact = ExactKnn.Compute(train, query, k, queryIsTrain: false, po);
        int hits = 0;
        for (int i = 0; i < m; i++) hits += exact.Indices.AsSpan(i * k, k).ToArray().Intersect(found.Indices.AsSpan(i * k, k).ToArray()).Count();
        double recall = hits / (double)(m * k);
        Assert.True(recall >= 0.96, $"recall {recall:F4} against the exact neighbours");
    }

    [Fact]
    public void TransformAboveTheThresholdSearchesAndSurvivesSaveAndLoad()
    {
        const int n = 3000, m = 300;
        var all = Manifolds(n + m, 6, 8);
        var options = new UmapOptions { RandomSeed = 42, NEpochs = 60, TransformSearchMinRows = 1000 };
        var model = new Umap(options);
        var fitted = model.FitTransform(Rows(all, 0, n));
        var placed = model.Transform(Rows(all, n, m));
        // each new row lands among the training rows of its own cluster
        int right = 0;
        for (int i = 0; i < m; i++)
        {
            int best = -1;
            float bestD = float.MaxValue;
            for (int j = 0; j < n; j++)
            {
                float d = 0;
                for (int t = 0; t < fitted.GetLength(1); t++) { float e = placed[i, t] - fitted[j, t]; d += e * e; }
                if (d < bestD) { bestD = d; best = j; }
            }
            if (best % 6 == (n + i) % 6) right++;
        }
        Assert.True(right >= 0.95 * m, $"{right} of {m} new rows placed in their own cluster");
        // a restored model rebuilds the same search graph from its seed: identical placements
        var restored = Umap.FromState(model.ExportState());
        restored.TransformSearchMinRows = 1000;
        Assert.Equal(placed, restored.Transform(Rows(all, n, m)));
    }
}
