namespace BERTopicNet.Evaluation.Tests;

/// <summary>Expected values printed by scikit-learn 1.2.1 (adjusted_rand_score, normalized_mutual_info_score, mutual_info_score, entropy).</summary>
public sealed class ClusteringMetricsTests
{
    public static TheoryData<int[], int[], double, double, double, double> Cases() => new()
    {
        { [0, 0, 1, 1, 2, 2], [5, 5, -1, -1, 3, 3], 1.0, 1.0, 1.0986122886681096, 1.0986122886681096 },
        { [0, 0, 0, 0], [0, 1, 2, 3], 0.0, 0.0, 0.0, 0.0 },
        { [1, 1, 1], [7, 7, 7], 1.0, 1.0, 0.0, 0.0 },
        { [0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2], 0.24242424242424243, 0.5158037429793888, 0.4620981203732969, 0.6931471805599454 },
        { [0, 0, 1, 1], [0, 1, 0, 1], -0.5, 0.0, 0.0, 0.6931471805599453 },
        { [0, 0, 0, 1, 1, 1, 2, 2, 2, 2], [-1, 0, 0, 1, 1, -1, 2, 2, 2, -1], 0.3644067796610169, 0.6185727866539659, 0.7593162887447908, 1.0888999753452238 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchScikitLearn(int[] a, int[] b, double ari, double nmi, double mi, double entropy)
    {
        Assert.Equal(ari, ClusteringMetrics.AdjustedRandIndex(a, b), 12);
        Assert.Equal(nmi, ClusteringMetrics.NormalizedMutualInformation(a, b), 12);
        Assert.Equal(mi, ClusteringMetrics.MutualInformation(a, b), 12);
        Assert.Equal(entropy, ClusteringMetrics.Entropy(a), 12);
    }

    [Fact]
    public void LargerGeneratedLabelingsMatchScikitLearn()
    {
        // Python: a=[(i*7919 + i*i) % 13 ...]; b=[((i*31) % 9) - 1 if i % 3 else a[i] ...] for n = 5000
        const int n = 5000;
        var a = new int[n];
        var b = new int[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = (int)(((long)i * 7919 + (long)i * i) % 13);
            b[i] = i % 3 != 0 ? (i * 31 % 9) - 1 : a[i];
        }
        Assert.Equal(0.12309968371922395, ClusteringMetrics.AdjustedRandIndex(a, b), 12);
        Assert.Equal(0.24607214888764142, ClusteringMetrics.NormalizedMutualInformation(a, b), 12);
    }

    [Fact]
    public void SpecialCasesFollowScikitLearn()
    {
        Assert.Equal(0.0, ClusteringMetrics.NormalizedMutualInformation([0, 0, 1, 1], [0, 0, 0, 0]));
        Assert.Equal(0.0, ClusteringMetrics.AdjustedRandIndex([0, 0, 1, 1], [0, 0, 0, 0]));
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRandIndex([], []));
        Assert.Equal(1.0, ClusteringMetrics.NormalizedMutualInformation([], []));
        Assert.Throws<ArgumentException>(() => ClusteringMetrics.AdjustedRandIndex([1, 2], [1]));
    }

    [Fact]
    public void AdjustedRandIndexIsExactForAMillionItems()
    {
        // Pair counts reach 10^12 and their products 10^24: beyond 64-bit integers.
        const int n = 1_000_000;
        var a = new int[n];
        var b = new int[n];
        for (int i = 0; i < n; i++) { a[i] = i % 20; b[i] = i % 20 == 0 ? 20 : i % 20; }
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRandIndex(a, b));
        b[0] = 1;
        double ari = ClusteringMetrics.AdjustedRandIndex(a, b);
        Assert.InRange(ari, 0.99998, 1.0 - 1e-9);
    }
}
