namespace BERTopicNet.Datasets.Tests;

/// <summary>The permutation equals NumPy's <c>RandomState(seed).shuffle(np.arange(n))</c>.</summary>
public sealed class NumpyLegacyShuffleTests
{
    [Theory]
    [InlineData(0u, 10)]
    [InlineData(42u, 25)]
    [InlineData(0u, 11314)]
    [InlineData(42u, 18846)]
    [InlineData(7u, 1000)]
    public void MatchesNumpy(uint seed, int n)
    {
        var expected = SklearnExpected.Permutation($"{seed}_{n}");
        var perm = NumpyLegacyShuffle.Permutation(n, seed);
        Assert.Equal(expected.GetProperty("head").EnumerateArray().Select(e => e.GetInt32()), perm.Take(20));
        long weighted = 0;
        for (int i = 0; i < n; i++) weighted += (long)i * perm[i];
        Assert.Equal(expected.GetProperty("weighted_sum").GetInt64(), weighted);
        Assert.Equal(Enumerable.Range(0, n), perm.Order());
    }

    [Fact]
    public void TinyInputsAreIdentity()
    {
        Assert.Empty(NumpyLegacyShuffle.Permutation(0, 42));
        Assert.Equal([0], NumpyLegacyShuffle.Permutation(1, 42));
    }
}
