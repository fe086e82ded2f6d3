namespace BERTopicNet.Umap.Tests;

public class UmapTests
{
    private static UmapOptions Small(int seed = 42) => new() { RandomSeed = seed, NEpochs = 200, NComponents = 2 };

    [Fact]
    public void SeparatedBlobsStaySeparated()
    {
        var (x, labels) = TestData.Blobs(100, 4, 20, 1.0, 10.0, 1);
        foreach (var metric in new[] { UmapMetric.Euclidean, UmapMetric.Cosine })
        {
            var opts = Small(); opts.Metric = metric;
            var e = new Umap(opts).FitTransform(x);
            Assert.Equal(400, e.GetLength(0));
            Assert.Equal(2, e.GetLength(1));
            Assert.True(TestData.NeighborPurity(e, labels, 10) > 0.99, metric.ToString());
            // every blob is farther from the others than its own diameter
            for (int a = 0; a < 4; a++)
                for (int b = a + 1; b < 4; b++)
                {
                    float between = float.MaxValue, within = 0;
                    for (int i = 0; i < 400; i++)
                        for (int j = 0; j < 400; j++)
                        {
                            float d = TestData.Distance(e, i, j);
                            if (labels[i] == a && labels[j] == b) between = Math.Min(between, d);
                            if (labels[i] == a && labels[j] == a) within = Math.Max(within, d);
                        }
                    Assert.True(between > 0.5f, $"{metric}: blobs {a} and {b} touch ({between})");
                }
        }
    }

    [Fact]
    public void TransformOfTrainingRowsLandsNearTheirFittedPositions()
    {
        var (x, labels) = TestData.Blobs(100, 3, 16, 1.0, 8.0, 2);
        var model = new Umap(Small());
        var fitted = model.FitTransform(x);
        var again = model.Transform(x);
        int n = x.GetLength(0);
        double scale = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j += 7) scale = Math.Max(scale, TestData.Distance(fitted, i, j));
        var moved = new List<double>();
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int t = 0; t < 2; t++) { double d = fitted[i, t] - again[i, t]; s += d * d; }
            moved.Add(Math.Sqrt(s));
            // the nearest fitted point to the transformed row belongs to the same blob
            int best = Enumerable.Range(0, n).MinBy(j => Math.Pow(fitted[j, 0] - again[i, 0], 2) + Math.Pow(fitted[j, 1] - again[i, 1], 2));
            Assert.Equal(labels[i], labels[best]);
        }
        moved.Sort();
        Assert.True(moved[n / 2] < 0.05 * scale, $"median move {moved[n / 2]} vs scale {scale}");
    }

    [Fact]
    public void TransformOfARowDoesNotDependOnTheBatch()
    {
        var (x, _) = TestData.Blobs(60, 3, 8, 1.0, 6.0, 3);
        var model = new Umap(Small());
        model.FitTransform(x);
        var (q, _) = TestData.Blobs(10, 2, 8, 1.5, 6.0, 4);
        var all = model.Transform(q);
        var one = new float[1, 8];
        for (int t = 0; t < 8; t++) one[0, t] = q[7, t];
        var single = model.Transform(one);
        Assert.Equal(all[7, 0], single[0, 0]);
        Assert.Equal(all[7, 1], single[0, 1]);
    }

    [Fact]
    public void SameSeedGivesIdenticalOutputOnOneOrTwoThreads()
    {
        var (x, _) = TestData.Blobs(150, 4, 10, 1.0, 4.0, 5);
        float[,] Run(int threads)
        {
            var o = Small(7);
            o.MaxThreads = threads;
            o.ExactNeighborsThreshold = 100; // NN-descent
            o.ParallelLayoutMinEdges = 0;    // parallel SGD
            return new Umap(o).FitTransform(x);
        }
        var one = Run(1);
        var two = Run(2);
        var twoAgain = Run(2);
        Assert.Equal(one, two);
        Assert.Equal(two, twoAgain);
        var otherSeed = Small(8);
        otherSeed.ExactNeighborsThreshold = 100;
        Assert.NotEqual(one, new Umap(otherSeed).FitTransform(x));
    }

    [Fact]
    public void SparseAndDenseCosineAgree()
    {
        var rng = new Random(9);
        var (x, labels) = TestData.Blobs(80, 3, 30, 0.5, 3.0, 6);
        // make it sparse: zero out about 60% of the entries
        for (int i = 0; i < x.GetLength(0); i++) for (int t = 0; t < 30; t++) if (rng.NextDouble() < 0.6) x[i, t] = 0;
        var csr = TestData.ToCsr(x);
        var dense = DataSet.FromDense(x, UmapMetric.Cosine, "x");
        var sparse = DataSet.FromSparse(csr, UmapMetric.Cosine, "x");
        var po = new ParallelOptions();
        var kd = ExactKnn.Compute(dense, dense, 15, true, po);
        var ks = ExactKnn.Compute(sparse, sparse, 15, true, po);
        for (int e = 0; e < kd.Distances.Length; e++) Assert.InRange(ks.Distances[e] - kd.Distances[e], -1e-5f, 1e-5f);
        for (int i = 0; i < dense.Rows; i++)
            for (int j = 0; j < dense.Rows; j += 5)
                Assert.InRange(sparse.Distance(i, j) - dense.Distance(i, j), -1e-5f, 1e-5f);
        // NN-descent on sparse rows too
        var kn = NNDescent.Compute(sparse, 15, 3, 60, po, null);
        int hit = 0;
        for (int i = 0; i < dense.Rows; i++) foreach (var j in kd.Indices.AsSpan(i * 15, 15)) if (kn.Indices.AsSpan(i * 15, 15).Contains(j)) hit++;
        Assert.True(hit > 0.95 * dense.Rows * 15);
        var ed = new Umap(Small()).FitTransform(x);
        var es = new Umap(Small()).FitTransform(csr);
        Assert.True(TestData.NeighborPurity(ed, labels, 5) > 0.9);
        Assert.True(TestData.NeighborPurity(es, labels, 5) > 0.9);
        var model = new Umap(Small());
        model.FitTransform(csr);
        Assert.Equal(x.GetLength(0), model.Transform(csr).GetLength(0));
        Assert.Throws<ArgumentException>(() => model.Transform(x));
    }

    [Fact]
    public void FewerRowsThanNeighboursFallsBackToRowsMinusOne()
    {
        var (x, _) = TestData.Blobs(4, 2, 5, 1.0, 5.0, 7);
        var e = new Umap(new UmapOptions { RandomSeed = 1, NComponents = 2 }).FitTransform(x);
        Assert.Equal(8, e.GetLength(0));
        foreach (var v in e) Assert.True(float.IsFinite(v));
    }

    [Fact]
    public void BadInputGivesClearErrors()
    {
        var nan = new float[20, 3];
        nan[4, 1] = float.NaN;
        var ex = Assert.Throws<ArgumentException>(() => new Umap(Small()).FitTransform(nan));
        Assert.Contains("Row 4", ex.Message);
        var inf = new float[20, 3];
        inf[0, 0] = float.PositiveInfinity;
        Assert.Throws<ArgumentException>(() => new Umap(Small()).FitTransform(inf));
        var (x, _) = TestData.Blobs(3, 2, 4, 1, 1, 1);
        var e2 = Assert.Throws<ArgumentException>(() => new Umap(new UmapOptions { NComponents = 6 }).FitTransform(x));
        Assert.Contains("NComponents", e2.Message);
        Assert.Throws<ArgumentException>(() => new Umap(Small()).FitTransform(new float[1, 3]));
        Assert.Throws<ArgumentException>(() => new Umap(Small()).FitTransform(x, y: new int[2]));
        Assert.Throws<ArgumentException>(() => new Umap(new UmapOptions { NNeighbors = 1 }));
        Assert.Throws<ArgumentException>(() => new Umap(new UmapOptions { MinDist = 2, Spread = 1 }));
        Assert.Throws<ArgumentException>(() => new Umap(new UmapOptions { Metric = UmapMetric.Euclidean }).FitTransform(TestData.ToCsr(x)));
        Assert.Throws<InvalidOperationException>(() => new Umap().Transform(x));
        Assert.Throws<InvalidOperationException>(() => new Umap().Embedding);
        var model = new Umap(Small());
        model.FitTransform(x);
        Assert.Throws<ArgumentException>(() => model.Transform(new float[2, 5]));
    }

    [Fact]
    public void ZeroRowsUnderCosineAreHandled()
    {
        var (x, labels) = TestData.Blobs(50, 2, 6, 0.5, 4.0, 8);
        for (int i = 0; i < 10; i++) for (int t = 0; t < 6; t++) x[i, t] = 0;
        var data = DataSet.FromDense(x, UmapMetric.Cosine, "x");
        Assert.Equal(0f, data.Distance(0, 1));
        Assert.Equal(1f, data.Distance(0, 20));
        var e = new Umap(Small()).FitTransform(x);
        foreach (var v in e) Assert.True(float.IsFinite(v));
        // the zero rows sit together: most of each one's nearest embedded neighbours are zero rows too
        // (they also link, at distance 1, to the first non-zero rows, as in umap-learn)
        for (int i = 0; i < 10; i++)
        {
            int n = x.GetLength(0);
            var nn = Enumerable.Range(0, n).Where(j => j != i).OrderBy(j => TestData.Distance(e, i, j)).Take(5);
            Assert.True(nn.Count(j => j < 10) >= 3);
        }
    }

    [Fact]
    public void StateRoundTripGivesIdenticalTransform()
    {
        var (x, _) = TestData.Blobs(60, 3, 12, 1.0, 5.0, 9);
        var model = new Umap(Small());
        var fitted = model.FitTransform(x);
        var (q, _) = TestData.Blobs(20, 3, 12, 1.3, 5.0, 10);
        var before = model.Transform(q);
        var state = model.ExportState();
        Assert.Equal(x.GetLength(0) * 2, state.Embedding.Length);
        var loaded = Umap.FromState(state);
        Assert.True(loaded.IsFitted);
        Assert.Equal(fitted, loaded.Embedding);
        Assert.Equal(before, loaded.Transform(q));
        // sparse state too
        var csrModel = new Umap(Small());
        var csr = TestData.ToCsr(x);
        csrModel.FitTransform(csr);
        var s2 = csrModel.ExportState();
        Assert.Null(s2.Data);
        Assert.Equal(csrModel.Transform(csr), Umap.FromState(s2).Transform(csr));
        state.Embedding = new float[3];
        Assert.Throws<ArgumentException>(() => Umap.FromState(state));
    }

    [Fact]
    public void SupervisedLabelsPullClassesApart()
    {
        // two overlapping blobs: the labels should separate them
        var (x, labels) = TestData.Blobs(100, 2, 10, 1.0, 0.3, 12);
        var unsup = new Umap(Small()).FitTransform(x);
        var sup = new Umap(Small()).FitTransform(x, labels);
        double pu = TestData.NeighborPurity(unsup, labels, 5), ps = TestData.NeighborPurity(sup, labels, 5);
        Assert.True(ps > 0.95 && ps > pu, $"supervised {ps}, unsupervised {pu}");
        // unknown labels (-1) are allowed
        var partial = labels.Select((l, i) => i % 2 == 0 ? l : -1).ToArray();
        Assert.Equal(200, new Umap(Small()).FitTransform(x, partial).GetLength(0));
    }

    [Fact]
    public void ReportsProgressAndHonoursCancellation()
    {
        var (x, _) = TestData.Blobs(50, 2, 5, 1.0, 5.0, 13);
        var seen = new List<double>();
        new Umap(Small()).FitTransform(x, progress: new SyncProgress(seen.Add));
        Assert.NotEmpty(seen);
        Assert.Equal(1.0, seen[^1]);
        Assert.All(seen, v => Assert.InRange(v, 0, 1));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new Umap(Small()).FitTransform(x, ct: cts.Token));
    }

    [Fact]
    public void RandomInitAlsoWorks()
    {
        var (x, labels) = TestData.Blobs(60, 3, 10, 1.0, 8.0, 14);
        var o = Small(); o.Init = UmapInit.Random;
        Assert.True(TestData.NeighborPurity(new Umap(o).FitTransform(x), labels, 5) > 0.95);
    }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) { lock (this) report(value); }
    }
}
