namespace BERTopicNet.Hdbscan.Tests;

public class HdbscanTests
{
    [Fact]
    public void TwoSeparatedGroupsOnALine()
    {
        // 0..4 and 100..104: two clusters of five, nothing else.
        var x = new float[10, 1];
        for (int i = 0; i < 5; i++) { x[i, 0] = i; x[i + 5, 0] = 100 + i; }
        var r = new Hdbscan(new HdbscanOptions { MinClusterSize = 3, MinSamples = 2 }).Fit(x);
        Assert.Equal(2, r.ClusterCount);
        Assert.All(r.Labels[..5], l => Assert.Equal(r.Labels[0], l));
        Assert.All(r.Labels[5..], l => Assert.Equal(r.Labels[5], l));
        Assert.NotEqual(r.Labels[0], r.Labels[5]);
    }

    [Fact]
    public void HandComputedCoreDistancesAndLambdas()
    {
        // 1-d points 0, 1, 3, 100, 101, 103 with MinSamples 2: core distance = 2nd neighbour counting the point
        // itself plus one (hdbscan's k = min_samples + 1), i.e. 3, 2, 3 for each triple. The triples join at
        // mutual reachability 3 (lambda 1/3) and the two groups split at distance 97 (lambda 1/97).
        var x = new float[,] { { 0 }, { 1 }, { 3 }, { 100 }, { 101 }, { 103 } };
        var h = new Hdbscan(new HdbscanOptions { MinClusterSize = 3, MinSamples = 2 });
        var r = h.Fit(x);
        Assert.Equal(2, r.ClusterCount);
        var t = h.CondensedTree;
        Assert.Equal(6, t.PointCount);
        for (int row = 0; row < t.Count; row++)
        {
            if (t.Child[row] >= 6) { Assert.Equal(6, t.Parent[row]); Assert.Equal(1.0 / 97, t.Lambda[row], 12); Assert.Equal(3, t.ChildSize[row]); }
            else Assert.Equal(1.0 / 3, t.Lambda[row], 12);
        }
        // Every point leaves its cluster at the cluster's last lambda: strength 1, outlier score 0.
        Assert.All(r.Probabilities, p => Assert.Equal(1f, p));
        Assert.All(r.OutlierScores, o => Assert.Equal(0f, o));
    }

    [Fact]
    public void TwoBlobsAndNoise()
    {
        var x = TestData.Blobs(1, 60, 0.3, [(-5, 0), (5, 0)], noise: 12, box: 40);
        var r = new Hdbscan(new HdbscanOptions { MinClusterSize = 10 }).Fit(x);
        Assert.Equal(2, r.ClusterCount);
        Assert.Equal(60, r.Labels[..60].Count(l => l == r.Labels[0]));
        Assert.Equal(60, r.Labels[60..120].Count(l => l == r.Labels[60]));
        Assert.NotEqual(r.Labels[0], r.Labels[60]);
        Assert.True(r.Labels[120..].Count(l => l == -1) >= 8, "most uniform noise points are labelled -1");
        for (int i = 0; i < r.Labels.Length; i++)
        {
            Assert.InRange(r.Probabilities[i], 0f, 1f);
            Assert.InRange(r.OutlierScores[i], 0f, 1f);
            if (r.Labels[i] < 0) Assert.Equal(0f, r.Probabilities[i]);
        }
        // Noise points are more outlying than cluster cores.
        Assert.True(r.OutlierScores[120..].Average() > r.OutlierScores[..120].Average());
    }

    [Fact]
    public void EqualSpacedChainIsOneClusterOnlyWhenAllowed()
    {
        var x = new float[30, 1];
        for (int i = 0; i < 30; i++) x[i, 0] = i;
        var plain = new Hdbscan(new HdbscanOptions { MinClusterSize = 5 }).Fit(x);
        Assert.Equal(0, plain.ClusterCount);
        Assert.All(plain.Labels, l => Assert.Equal(-1, l));
        var single = new Hdbscan(new HdbscanOptions { MinClusterSize = 5, AllowSingleCluster = true }).Fit(x);
        Assert.Equal(1, single.ClusterCount);
        Assert.True(single.Labels.Count(l => l == 0) >= 20);
    }

    [Fact]
    public void AllowSingleClusterOnOneBlob()
    {
        var x = TestData.Blobs(3, 200, 1.0, [(0, 0)]);
        var single = new Hdbscan(new HdbscanOptions { MinClusterSize = 15, AllowSingleCluster = true }).Fit(x);
        Assert.Equal(1, single.ClusterCount);
        Assert.Contains(0, single.Labels);
        Assert.All(single.Labels, l => Assert.True(l is 0 or -1));
        var plain = new Hdbscan(new HdbscanOptions { MinClusterSize = 15 }).Fit(x);
        Assert.True(plain.Labels.Count(l => l == 0) < single.Labels.Count(l => l == 0), "without it the root cannot be the cluster");
    }

    [Fact]
    public void LeafFindsTheSubclustersThatEomMerges()
    {
        // Two tight pairs of blobs far apart: leaf sees four clusters, eom keeps the two pairs.
        (double, double)[] centres = [(-20, 0), (-18.5, 0), (20, 0), (21.5, 0)];
        var x = TestData.Blobs(5, 50, 0.25, centres);
        var eom = new Hdbscan(new HdbscanOptions { MinClusterSize = 10 }).Fit(x);
        var leaf = new Hdbscan(new HdbscanOptions { MinClusterSize = 10, ClusterSelectionMethod = ClusterSelectionMethod.Leaf }).Fit(x);
        Assert.Equal(4, leaf.ClusterCount);
        Assert.True(eom.ClusterCount < leaf.ClusterCount, $"eom {eom.ClusterCount} vs leaf {leaf.ClusterCount}");
        // Epsilon larger than the gap inside a pair merges the leaves back into pairs.
        var eps = new Hdbscan(new HdbscanOptions { MinClusterSize = 10, ClusterSelectionMethod = ClusterSelectionMethod.Leaf, ClusterSelectionEpsilon = 3 }).Fit(x);
        Assert.Equal(2, eps.ClusterCount);
        Assert.Equal(eps.Labels[0], eps.Labels[50]);
        Assert.NotEqual(eps.Labels[0], eps.Labels[100]);
        // ... and a tiny epsilon changes nothing.
        var tiny = new Hdbscan(new HdbscanOptions { MinClusterSize = 10, ClusterSelectionMethod = ClusterSelectionMethod.Leaf, ClusterSelectionEpsilon = 1e-6 }).Fit(x);
        Assert.Equal(leaf.Labels, tiny.Labels);
    }

    [Fact]
    public void MaxClusterSizeSplitsLargeClusters()
    {
        (double, double)[] centres = [(-20, 0), (-18.5, 0), (20, 0), (21.5, 0)];
        var x = TestData.Blobs(5, 50, 0.25, centres);
        var eom = new Hdbscan(new HdbscanOptions { MinClusterSize = 10 }).Fit(x);
        Assert.Contains(Enumerable.Range(0, eom.ClusterCount), c => eom.Labels.Count(l => l == c) > 60);
        var capped = new Hdbscan(new HdbscanOptions { MinClusterSize = 10, MaxClusterSize = 60 }).Fit(x);
        for (int c = 0; c < capped.ClusterCount; c++) Assert.True(capped.Labels.Count(l => l == c) <= 60);
        Assert.Equal(4, capped.ClusterCount);
    }

    [Fact]
    public void EpsilonOverridesMaxClusterSizeInEom()
    {
        // MaxClusterSize forces eom down to the four blobs; an epsilon larger than the gap inside each pair
        // walks the selection back up to the pairs (hdbscan documents that epsilon can override the size limit).
        (double, double)[] centres = [(-20, 0), (-18.5, 0), (20, 0), (21.5, 0)];
        var x = TestData.Blobs(5, 50, 0.25, centres);
        var capped = new Hdbscan(new HdbscanOptions { MinClusterSize = 10, MaxClusterSize = 60 }).Fit(x);
        Assert.Equal(4, capped.ClusterCount);
        var merged = new Hdbscan(new HdbscanOptions { MinClusterSize = 10, MaxClusterSize = 60, ClusterSelectionEpsilon = 3 }).Fit(x);
        Assert.Equal(2, merged.ClusterCount);
        Assert.Equal(merged.Labels[0], merged.Labels[50]);
        Assert.Equal(merged.Labels[100], merged.Labels[150]);
        // An epsilon beyond the gap between the pairs would need the root: only allowed with AllowSingleCluster.
        var wide = new Hdbscan(new HdbscanOptions { MinClusterSize = 10, ClusterSelectionMethod = ClusterSelectionMethod.Leaf, ClusterSelectionEpsilon = 100 }).Fit(x);
        Assert.Equal(2, wide.ClusterCount);
        var single = new Hdbscan(new HdbscanOptions { MinClusterSize = 10, ClusterSelectionMethod = ClusterSelectionMethod.Leaf, ClusterSelectionEpsilon = 100, AllowSingleCluster = true }).Fit(x);
        Assert.Equal(1, single.ClusterCount);
        Assert.All(single.Labels, l => Assert.Equal(0, l));
    }

    [Fact]
    public void DuplicatePointsAreHandled()
    {
        var blob = TestData.Blobs(7, 40, 0.5, [(0, 0), (10, 10)]);
        int n = blob.GetLength(0);
        var x = new float[n + 30, 2];
        for (int i = 0; i < n; i++) { x[i, 0] = blob[i, 0]; x[i, 1] = blob[i, 1]; }
        for (int i = n; i < n + 30; i++) { x[i, 0] = 10; x[i, 1] = 10; } // 30 copies of one point
        var r = new Hdbscan(new HdbscanOptions { MinClusterSize = 5 }).Fit(x);
        Assert.True(r.ClusterCount >= 2);
        Assert.All(r.Labels[n..], l => Assert.Equal(r.Labels[n], l));
        Assert.NotEqual(-1, r.Labels[n]);
        Assert.All(r.Probabilities, p => Assert.True(float.IsFinite(p) && p >= 0 && p <= 1));
        Assert.All(r.OutlierScores, p => Assert.True(float.IsFinite(p)));
        var soft = new Hdbscan(new HdbscanOptions { MinClusterSize = 5, PredictionData = true });
        soft.Fit(x);
        var s = soft.AllPointsMembershipVectors();
        foreach (var v in s) Assert.True(float.IsFinite(v));
        var probe = new float[,] { { 10, 10 }, { 0, 0 }, { 5, 5 } };
        foreach (var v in soft.MembershipVector(probe)) Assert.True(float.IsFinite(v));
        var (labels, strengths) = soft.ApproximatePredict(probe);
        Assert.Equal(r.Labels[n], labels[0]);
        Assert.All(strengths, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void FewerPointsThanMinClusterSizeIsAllNoise()
    {
        var x = new float[,] { { 0, 0 }, { 1, 0 }, { 0, 1 } };
        var r = new Hdbscan(new HdbscanOptions { MinClusterSize = 5 }).Fit(x);
        Assert.Equal(0, r.ClusterCount);
        Assert.Equal([-1, -1, -1], r.Labels);
        var one = new Hdbscan().Fit(new float[,] { { 1, 2 } });
        Assert.Equal([-1], one.Labels);
        var h = new Hdbscan(new HdbscanOptions { MinClusterSize = 5 });
        h.Fit(x);
        Assert.Equal(0, h.AllPointsMembershipVectors().GetLength(1));
        var (labels, strengths) = h.ApproximatePredict(new float[,] { { 0.5f, 0.5f } });
        Assert.Equal(-1, labels[0]);
        Assert.Equal(0f, strengths[0]);
    }

    [Fact]
    public void NonFiniteInputGivesAClearError()
    {
        var x = TestData.Random(1, 20, 3);
        x[7, 2] = float.NaN;
        var e = Assert.Throws<ArgumentException>(() => new Hdbscan().Fit(x));
        Assert.Equal("points", e.ParamName);
        Assert.Contains("[7, 2]", e.Message);
        x[7, 2] = float.PositiveInfinity;
        Assert.Throws<ArgumentException>(() => new Hdbscan().Fit(x));
        Assert.Throws<ArgumentException>(() => new Hdbscan().Fit(new float[0, 3]));
    }

    [Theory]
    [InlineData(1, null, 1.0, 0.0, 0)]
    [InlineData(5, 0, 1.0, 0.0, 0)]
    [InlineData(5, null, 0.0, 0.0, 0)]
    [InlineData(5, null, 1.0, -1.0, 0)]
    [InlineData(5, null, 1.0, 0.0, -1)]
    public void BadOptionsAreRejected(int mcs, int? ms, double alpha, double eps, int maxSize)
    {
        var o = new HdbscanOptions { MinClusterSize = mcs, MinSamples = ms, Alpha = alpha, ClusterSelectionEpsilon = eps, MaxClusterSize = maxSize };
        Assert.Throws<ArgumentException>(() => new Hdbscan(o));
    }

    [Fact]
    public void SameResultOnAnyThreadCount()
    {
        var x = TestData.Blobs(11, 300, 0.8, [(0, 0), (4, 0), (0, 4), (9, 9)], noise: 100);
        var one = new Hdbscan(new HdbscanOptions { MinClusterSize = 10, MaxThreads = 1, PredictionData = true });
        var many = new Hdbscan(new HdbscanOptions { MinClusterSize = 10, MaxThreads = 4, PredictionData = true });
        var a = one.Fit(x);
        var b = many.Fit(x);
        Assert.Equal(a.Labels, b.Labels);
        Assert.Equal(a.Probabilities, b.Probabilities);
        Assert.Equal(a.OutlierScores, b.OutlierScores);
        Assert.Equal(one.AllPointsMembershipVectors(), many.AllPointsMembershipVectors());
    }

    [Fact]
    public void CancellationLeavesThePreviousFitAndProgressReachesOne()
    {
        var x = TestData.Blobs(13, 100, 0.5, [(0, 0), (5, 5)]);
        var h = new Hdbscan(new HdbscanOptions { MinClusterSize = 10 });
        var reports = new List<double>();
        var first = h.Fit(x, new SyncProgress(reports.Add));
        Assert.Equal(1.0, reports[^1]);
        Assert.All(reports, f => Assert.InRange(f, 0, 1));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => h.Fit(TestData.Random(2, 300, 2), null, cts.Token));
        Assert.Equal(first.Labels, h.Labels);
    }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    [Fact]
    public void AlphaScalesDistances()
    {
        // Alpha divides distances in mutual reachability; with MinSamples 1 core distances are the nearest
        // neighbour distance, so lambdas of a two-point merge scale by alpha.
        var x = new float[,] { { 0 }, { 1 }, { 2 }, { 10 }, { 11 }, { 12 } };
        var a = new Hdbscan(new HdbscanOptions { MinClusterSize = 2, MinSamples = 1 });
        var b = new Hdbscan(new HdbscanOptions { MinClusterSize = 2, MinSamples = 1, Alpha = 2.0 });
        a.Fit(x);
        b.Fit(x);
        var la = a.CondensedTree.Lambda.Where(l => l > 0 && l < 1).Min();
        var lb = b.CondensedTree.Lambda.Where(l => l > 0).Min();
        Assert.Equal(1.0 / 8, la, 12);
        Assert.True(lb >= la);
    }
}
