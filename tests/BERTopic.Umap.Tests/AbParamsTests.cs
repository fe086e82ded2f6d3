namespace BERTopicNet.Umap.Tests;

public class AbParamsTests
{
    // umap-learn 0.5.3: umap.umap_.find_ab_params(spread, min_dist) (scipy curve_fit)
    [Theory]
    [InlineData(1.0f, 0.0f, 1.9328083975546724, 0.7904949734010681)]
    [InlineData(1.0f, 0.1f, 1.5769434601962196, 0.8950608779914887)]
    [InlineData(1.0f, 0.5f, 0.583030020479462, 1.3341669929263487)]
    [InlineData(2.0f, 0.3f, 0.3794946888755375, 0.9488152190879922)]
    public void MatchesUmapLearn(float spread, float minDist, double expectedA, double expectedB)
    {
        var (a, b) = Umap.FindAbParams(spread, minDist);
        Assert.InRange(a, expectedA - 2e-3, expectedA + 2e-3);
        Assert.InRange(b, expectedB - 1e-3, expectedB + 1e-3);
    }

    [Fact]
    public void RejectsNonPositiveSpread() =>
        Assert.Throws<ArgumentException>(() => Umap.FindAbParams(0f, 0f));

    [Fact]
    public void FastPowIsAccurate()
    {
        var rng = new Random(3);
        for (int i = 0; i < 10000; i++)
        {
            float x = (float)Math.Exp(rng.NextDouble() * 20 - 10);
            float y = (float)(rng.NextDouble() * 3 - 1.5);
            double exact = Math.Pow(x, y);
            Assert.InRange(FastMath.Pow(x, y), exact * (1 - 1e-5), exact * (1 + 1e-5));
        }
    }
}
