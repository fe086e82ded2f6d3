using BERTopicNet.Numerics;

namespace BERTopicNet.Tests;

public class NumpyCompatibilityTests
{
    [Fact]
    public void MersenneTwisterMatchesNumpyRandomState()
    {
        // np.random.RandomState(42).randint(0, 10, 5) == [6, 3, 7, 4, 6]
        Assert.Equal([6, 3, 7, 4, 6], new LegacyRandomState(42).ChoiceWithReplacement(10, 5));
        // np.random.RandomState(42).random_sample() == 0.3745401188473625 (53 bits from two outputs)
        var r = new LegacyRandomState(42);
        ulong a = r.NextUInt32() >> 5, b = r.NextUInt32() >> 6;
        Assert.Equal(0.3745401188473625, (a * 67108864.0 + b) / 9007199254740992.0);
        // std::mt19937 with its default seed 5489 starts with 3499211612.
        Assert.Equal(3499211612u, new LegacyRandomState(5489).NextUInt32());
        Assert.All(new LegacyRandomState(1).ChoiceWithReplacement(1, 4), v => Assert.Equal(0, v));
    }

    [Fact]
    public void QuickSortEmulationSorts()
    {
        var rng = new Random(5);
        foreach (int n in new[] { 1, 2, 15, 16, 17, 40, 1000 })
        {
            var values = Enumerable.Range(0, n).Select(_ => (long)rng.Next(0, 7)).ToArray();
            var order = NumpySort.ArgQuickSort<long>(values);
            Assert.Equal(Enumerable.Range(0, n), order.Order());
            for (int i = 1; i < n; i++) Assert.True(values[order[i - 1]] <= values[order[i]]);
        }
        // Up to 16 elements NumPy's introsort is an insertion sort: stable.
        Assert.Equal([1, 3, 0, 2], NumpySort.ArgQuickSort<long>([5L, 4, 5, 4]));
    }

    [Fact]
    public void ArgPartitionPutsTheLargestLast()
    {
        var rng = new Random(9);
        foreach (int n in new[] { 3, 4, 10, 100, 777 })
            for (int keep = 1; keep <= Math.Min(3, n); keep++)
            {
                var values = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
                var part = NumpySort.ArgPartition(values, n - keep);
                Assert.Equal(Enumerable.Range(0, n), part.Order());
                var top = values.OrderDescending().Take(keep).ToHashSet();
                Assert.All(part[(n - keep)..], i => Assert.Contains(values[i], top));
                double kth = values[part[n - keep]];
                for (int i = 0; i < n - keep; i++) Assert.True(values[part[i]] <= kth);
            }
    }

    [Fact]
    public void PandasDescendingOrder()
    {
        Assert.Equal([1, 3, 0, 2], PandasOrder.Descending([1L, 9, 1, 5]));
        Assert.Equal([0, 1, 2], PandasOrder.Descending([4L, 4, 4])); // ties keep their order for short columns
    }
}
