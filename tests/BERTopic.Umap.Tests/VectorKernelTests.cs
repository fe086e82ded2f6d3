using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BERTopicNet.Umap.Tests;

/// <summary>The 8-lane pieces of the layout kernel agree with their scalar definitions.</summary>
public class VectorKernelTests
{
    [Fact]
    public void VectorPowMatchesScalarPow()
    {
        var rng = new Random(5);
        var x = new float[8];
        for (int trial = 0; trial < 2000; trial++)
        {
            for (int l = 0; l < 8; l++) x[l] = (float)Math.Exp(rng.NextDouble() * 20 - 10);
            float y = (float)(rng.NextDouble() * 3 - 1.5);
            var v = FastMath.Pow(Vector256.Create((ReadOnlySpan<float>)x), y);
            for (int l = 0; l < 8; l++)
            {
                float scalar = FastMath.Pow(x[l], y);
                Assert.Equal(scalar, v.GetElement(l)); // same operations lane by lane: the same bits
            }
        }
    }

    [Fact]
    public unsafe void SumsGivesEachVectorsSumInItsLane()
    {
        if (!Avx.IsSupported) return; // the kernel that uses it runs only with AVX2
        var rng = new Random(7);
        var v = stackalloc Vector256<float>[8];
        var expected = new float[8];
        for (int l = 0; l < 8; l++)
        {
            var lanes = new float[8];
            for (int t = 0; t < 8; t++) lanes[t] = (float)(rng.NextDouble() * 10 - 5);
            v[l] = Vector256.Create((ReadOnlySpan<float>)lanes);
            expected[l] = lanes.Sum();
        }
        var sums = FastMath.Sums(v);
        for (int l = 0; l < 8; l++) Assert.Equal(expected[l], sums.GetElement(l), 4);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(18_846)]
    [InlineData(1_000_000)]
    [InlineData(int.MaxValue)]
    public void EightDrawsAreTheScalarDrawsAndStayInRange(int rows)
    {
        var seen = new HashSet<int>();
        for (ulong h = 1; h < 400; h++)
        {
            ulong edgeHash = SeededHash.Mix(h);
            for (int q0 = 0; q0 < 16; q0 += 8)
            {
                var eight = Avx2.IsSupported ? NegativeDraws.Eight(edgeHash, q0, rows) : default;
                for (int l = 0; l < 8; l++)
                {
                    int one = NegativeDraws.One(edgeHash, q0 + l, rows);
                    Assert.InRange(one, 0, rows - 1);
                    if (Avx2.IsSupported) Assert.Equal(one, eight.GetElement(l));
                    seen.Add(one);
                }
            }
        }
        // 6,400 uniform draws over n rows hit n(1 − e^(−6400/n)) distinct rows on average (7 for n = 7, ~5,430 for
        // 20 Newsgroups, ~6,380 for a million); a biased or colliding hash falls well below that
        const int draws = 6_400;
        double expected = rows * (1 - Math.Exp(-(double)draws / rows));
        if (rows == 7) Assert.Equal(7, seen.Count);
        else Assert.True(seen.Count > 0.97 * expected, $"{seen.Count} distinct draws of {draws} over {rows} rows, expected about {expected:F0}");
    }
    [Theory]
    [InlineData(UmapMetric.Cosine, 384)]
    [InlineData(UmapMetric.Cosine, 13)]
    [InlineData(UmapMetric.Euclidean, 384)]
    [InlineData(UmapMetric.Euclidean, 5)]
    public void DistancesToManyRowsMatchOneByOne(UmapMetric metric, int dim)
    {
        var rng = new Random(dim);
        var x = new float[40, dim];
        for (int i = 0; i < 40; i++)
            for (int c = 0; c < dim; c++) x[i, c] = i == 7 ? 0f : (float)(rng.NextDouble() * 2 - 1); // row 7 all zero
        var data = DataSet.FromDense(x, metric, "x");
        // 1, 4, 5 and 39 partners: whole and partial groups of four, the zero row and the row itself among them
        foreach (int count in new[] { 1, 4, 5, 39 })
        {
            var qs = Enumerable.Range(0, count).Select(t => (t * 7 + 3) % 40).ToArray();
            foreach (int p in new[] { 0, 7, 3 })
            {
                var d = new float[count];
                data.Distances(p, qs, d);
                for (int t = 0; t < count; t++)
                {
                    float expected = data.Distance(p, qs[t]);
                    Assert.Equal(expected, d[t], 1e-5 * Math.Max(1, expected));
                }
            }
        }
    }
}
