using BERTopicNet.Numerics;

namespace BERTopicNet.Hdbscan.Tests;

/// <summary>
/// The pieces that make our fit reproduce hdbscan's tie order: NumPy 1.24's argsort, libstdc++'s nth_element,
/// scikit-learn's k-d tree and k-NN order, checked against outputs recorded from those libraries (NumPy 1.24.2,
/// GCC 12 libstdc++, scikit-learn 1.2.1, hdbscan 0.8 built against them).
/// </summary>
public class ReferenceOrderTests
{
    [Theory]
    // np.argsort(np.array(keys, float)) with NumPy 1.24.2.
    [InlineData(new[] { 4, 4, 0, 4, 2, 3, 3, 1, 5, 0, 1, 2 }, new[] { 2, 9, 7, 10, 4, 11, 5, 6, 0, 1, 3, 8 })]
    [InlineData(new[] { 3, 2, 0, 0, 0, 0, 0, 5, 1, 3, 4, 1, 1, 2, 1, 5, 1, 5, 4, 5, 0, 2, 3, 2, 3, 4, 3, 0, 5, 3, 5, 1, 2, 5, 1, 0, 2, 4, 0, 5 },
        new[] { 35, 38, 2, 3, 4, 5, 6, 27, 20, 14, 12, 16, 31, 34, 11, 8, 21, 23, 32, 36, 13, 1, 22, 9, 24, 26, 29, 0, 10, 25, 37, 18, 33, 19, 28, 17, 15, 7, 30, 39 })]
    [InlineData(new[] { 2, 1, 3, 5, 5, 5, 1, 0, 4, 4, 4, 0, 0, 3, 2, 2, 5, 1, 3, 1, 1, 4, 0, 1, 0, 0, 1, 4, 3, 2, 1, 4, 4, 1, 0, 1, 0, 4, 3, 3, 1, 3, 5, 1, 4, 0, 1, 5, 5, 0, 5, 5, 2, 2, 5, 5, 4, 2, 1, 5, 1, 3, 4, 1, 1, 4, 1, 4, 5, 4 },
        new[] { 34, 49, 12, 11, 7, 22, 25, 36, 24, 45, 23, 43, 40, 20, 26, 19, 35, 46, 33, 58, 6, 60, 63, 64, 66, 1, 17, 30, 52, 53, 57, 0, 29, 15, 14, 41, 18, 61, 39, 13, 2, 28, 38, 62, 65, 8, 9, 67, 56, 10, 32, 69, 31, 27, 37, 44, 21, 68, 3, 4, 42, 5, 59, 16, 47, 55, 54, 48, 51, 50 })]
    public void ArgsortMatchesNumpyOnTies(int[] keys, int[] expected)
    {
        var order = NumpySort.ArgQuickSort<double>(keys.Select(k => (double)k).ToArray());
        Assert.Equal(expected, order);
        // Beyond 16 keys (insertion sort only below) it is not the stable order: equal keys come out permuted, which is
        // the point of reproducing it.
        if (keys.Length > 16) Assert.NotEqual(Enumerable.Range(0, keys.Length).OrderBy(i => keys[i]).ToArray(), order);
    }

    [Fact]
    public void ArgsortPutsNanLastAsNumpyDoes()
    {
        double nan = double.NaN;
        double[] v = [3, nan, 1, 2, nan, 1, 0.5, 3, 2, 1, 0, 3, 2, 1, nan, 0.5, 2, 3, 1, 0];
        Assert.Equal([19, 10, 15, 6, 13, 18, 9, 2, 5, 8, 3, 12, 16, 7, 11, 17, 0, 4, 14, 1], NumpySort.ArgQuickSort<double>(v));
    }

    [Fact]
    public void ArgsortSortsLargeInputs()
    {
        // A sorted run followed by its reverse and many ties: whichever branch runs, the keys must come out sorted.
        var rng = new Random(3);
        var v = Enumerable.Range(0, 5000).Select(i => (double)(i < 2500 ? i / 7 : rng.Next(50))).ToArray();
        var order = NumpySort.ArgQuickSort<double>(v);
        Assert.Equal(Enumerable.Range(0, v.Length), order.Order());
        for (int i = 1; i < order.Length; i++) Assert.True(v[order[i - 1]] <= v[order[i]]);
    }

    [Fact]
    public void HeapsortFallbackMatchesNumpy()
    {
        // np.argsort(v, kind="heapsort") runs the same aheapsort that the introsort falls back to.
        int[] keys = [3, 1, 2, 0, 2, 1, 3, 0, 1, 2, 2, 1, 0, 3, 1, 2, 0, 1, 3, 2];
        var order = Enumerable.Range(0, keys.Length).ToArray();
        NumpySort.ArgHeapSort<double>(keys.Select(k => (double)k).ToArray(), order);
        Assert.Equal([12, 16, 3, 7, 5, 8, 11, 14, 17, 1, 2, 10, 9, 4, 15, 19, 13, 6, 18, 0], order);
    }

    [Theory]
    // std::nth_element (GCC 12 libstdc++) of 0..n-1 by (key, index).
    [InlineData(new[] { 5, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4, 3, 3, 8, 3, 2, 7, 9, 5, 0, 2, 8, 8, 4, 1, 9, 7 }, 20,
        new[] { 1, 32, 25, 3, 24, 37, 6, 21, 28, 9, 17, 16, 33, 15, 0, 2, 36, 23, 27, 19, 4, 8, 7, 10, 31, 20, 26, 22, 18, 29, 30, 14, 13, 12, 34, 35, 11, 5, 38, 39 })]
    [InlineData(new[] { 3, 3, 3, 1, 1, 1, 2, 2, 2, 0, 0, 0, 3, 1, 2 }, 7, new[] { 5, 10, 11, 3, 4, 9, 13, 6, 7, 14, 8, 2, 12, 1, 0 })]
    [InlineData(new[] { 4, 3, 2, 1, 0 }, 2, new[] { 4, 3, 2, 0, 1 })]
    public void NthElementMatchesLibstdcxx(int[] keys, int nth, int[] expected)
    {
        var idx = Enumerable.Range(0, keys.Length).ToArray();
        IntroSelect.NthElement(idx, nth, (a, b) => keys[a] == keys[b] ? a < b : keys[a] < keys[b]);
        Assert.Equal(expected, idx);
    }

    [Fact]
    public void KdTreeMatchesScikitLearn()
    {
        // KDTree(X, leaf_size=2).get_arrays() in scikit-learn 1.2.1.
        double[] x = [3, 1, 1, 3, 1, 1, 2, 2, 0, 0, 3, 3, 3, 2, 3, 1, 1, 3, 0, 1, 0, 1, 3, 0, 1, 1, 3, 0, 2, 1, 0, 3, 0, 1];
        var tree = new SklearnKdTree(x, 17, 2, 2);
        Assert.Equal([9, 4, 10, 2, 16, 1, 8, 15, 13, 11, 0, 7, 12, 3, 14, 6, 5], tree.Index);
        Assert.Equal([0, 0, 8, 0, 4, 8, 12, 0, 2, 4, 6, 8, 10, 12, 14], tree.Start);
        Assert.Equal([17, 8, 17, 4, 8, 12, 17, 2, 4, 6, 8, 10, 12, 14, 17], tree.End);
        Assert.Equal(Enumerable.Range(0, 15).Select(i => i >= 7), tree.IsLeaf);
        Assert.Equal([2.1213203435596424, 1.5811388300841898, 1.8027756377319946, 0.7071067811865476, 1.118033988749895, 0.5, 1.4142135623730951,
            0.5, 0.5, 1.118033988749895, 0.5, 0.0, 0.0, 0.7071067811865476, 1.118033988749895], tree.Radius);
    }

    [Fact]
    public void KnnOrderOnTiesMatchesScikitLearn()
    {
        // An evenly spaced chain: every point has two neighbours at each distance. KDTree(X).query(X, k=6,
        // dualtree=True, breadth_first=True) in scikit-learn 1.2.1 lists them in this order.
        int[][] expected =
        [
            [0, 1, 2, 3, 4, 5], [1, 0, 2, 3, 4, 5], [2, 3, 1, 4, 0, 5], [3, 2, 4, 5, 1, 0], [4, 3, 5, 2, 6, 1], [5, 6, 4, 3, 7, 2],
            [6, 7, 5, 4, 8, 3], [7, 6, 8, 9, 5, 4], [8, 9, 7, 6, 10, 5], [9, 10, 8, 11, 7, 6], [10, 9, 11, 8, 12, 7], [11, 10, 12, 9, 13, 8],
            [12, 13, 11, 14, 10, 9], [13, 12, 14, 15, 11, 10], [14, 13, 15, 12, 16, 11], [15, 16, 14, 13, 17, 12], [16, 17, 15, 14, 18, 13],
            [17, 16, 18, 19, 15, 14], [18, 19, 17, 16, 20, 15], [19, 20, 18, 21, 17, 16], [20, 19, 21, 18, 22, 17], [21, 20, 22, 19, 23, 18],
            [22, 23, 21, 24, 20, 19], [23, 22, 24, 25, 21, 20], [24, 23, 25, 22, 26, 21], [25, 26, 24, 23, 27, 22], [26, 27, 25, 24, 28, 23],
            [27, 26, 28, 29, 25, 24], [28, 29, 27, 26, 25, 24], [29, 28, 27, 26, 25, 24],
        ];
        var x = Enumerable.Range(0, 30).Select(i => (double)i).ToArray();
        var tree = new SklearnKdTree(x, 30, 1, 40);
        var idx = new int[30 * 6];
        var dist = new double[30 * 6];
        SklearnKnn.Query(tree, 0, 30, 6, idx, dist);
        for (int i = 0; i < 30; i++)
        {
            Assert.Equal(expected[i], idx.AsSpan(i * 6, 6).ToArray());
            for (int j = 0; j < 6; j++) Assert.Equal(Math.Abs(i - expected[i][j]), dist[i * 6 + j]);
        }
    }

    [Fact]
    public void FastKnnEqualsScikitLearnOrderWithoutTies()
    {
        // Without tied distances the k nearest are unique, so any exact query lists them as scikit-learn does; the
        // fit relies on that and replays scikit-learn's traversal only when a row has a tie.
        int n = 3000, d = 5, k = 8;
        var x = TestData.Random(21, n, d);
        var coords = new double[n * d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) coords[i * d + j] = x[i, j];
        var idx = new int[n * k];
        var dist = new double[n * k];
        SklearnKnn.Query(new SklearnKdTree(coords, n, d, 40), 0, n, k, idx, dist);
        var kd = KdTree.Build(coords, n, d);
        var pos = new int[k];
        var qd = new double[k];
        for (int p = 0; p < n; p++)
        {
            kd.Query(kd.Point(p), k, pos, qd);
            int i = kd.Index[p];
            Assert.Equal(idx.AsSpan(i * k, k).ToArray(), pos.Select(q => kd.Index[q]).ToArray());
            Assert.Equal(dist.AsSpan(i * k, k).ToArray(), qd);
        }
    }

    [Fact]
    public void TieHeavyGridGetsHdbscansLabelsExactly()
    {
        // 240 points on integer grids (four groups): almost every spanning-tree edge ties with others. hdbscan 0.8
        // (min_cluster_size=8) labels them like this, numbering the groups 2, 3, 0, 1 and leaving three points out.
        var x = new float[240, 2];
        for (int i = 0; i < 240; i++)
        {
            x[i, 0] = i * 7 % 23 + i / 60 * 30;
            x[i, 1] = i * 11 % 19;
        }
        var expected = Enumerable.Range(0, 240).Select(i => (i / 60) switch { 0 => 2, 1 => 3, 2 => 0, _ => 1 }).ToArray();
        expected[69] = expected[95] = expected[138] = -1;
        var r = new Hdbscan(new HdbscanOptions { MinClusterSize = 8 }).Fit(x);
        Assert.Equal(expected, r.Labels);
        Assert.Equal(expected, new Hdbscan(new HdbscanOptions { MinClusterSize = 8, MaxThreads = 1 }).Fit(x).Labels);
        // hdbscan's membership strengths of the first points, rounded to 6 digits.
        double[] strengths = [0.625, 1.0, 1.0, 0.883883, 1.0, 0.980581, 1.0, 0.857493, 1.0, 1.0, 0.790569, 1.0, 0.883883, 0.857493, 1.0, 1.0, 1.0, 0.928477, 1.0, 0.928477];
        for (int i = 0; i < strengths.Length; i++) Assert.Equal(strengths[i], r.Probabilities[i], 1e-6);
    }
}
