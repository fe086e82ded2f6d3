using BERTopicNet.Vectorizers;

namespace BERTopicNet.Tests;

public class ClassTfidfTests
{
    // Classes × terms (apple, banana, cherry): A = [2 1 0], B = [0 1 3], C = [1 0 1].
    // Row sums 3, 4, 2 → mean 3 → A = 3. Column sums f = 3, 2, 4.
    private static DocumentTermMatrix Counts() =>
        new([0, 2, 4, 6], [0, 1, 1, 2, 0, 2], [2, 1, 1, 3, 1, 1], ["apple", "banana", "cherry"]);

    [Fact]
    public void DefaultWeightsAreL1TfTimesLogOnePlusAOverF()
    {
        var t = new ClassTfidfTransformer();
        var w = t.FitTransform(Counts());
        Assert.Equal(3, t.AverageClassSize);
        Assert.Equal(Math.Log(2), t.Idf![0], 15);
        Assert.Equal(Math.Log(2.5), t.Idf[1], 15);
        Assert.Equal(Math.Log(1.75), t.Idf[2], 15);
        Assert.Equal(2.0 / 3 * Math.Log(2), w[0, 0], 15);
        Assert.Equal(1.0 / 3 * Math.Log(2.5), w[0, 1], 15);
        Assert.Equal(0.0, w[0, 2]);
        Assert.Equal(0.75 * Math.Log(1.75), w[1, 2], 15);
        Assert.Equal(0.5 * Math.Log(2), w[2, 0], 15);
    }

    [Fact]
    public void Bm25AndReduceFrequentWords()
    {
        var t = new ClassTfidfTransformer(new ClassTfidfOptions { Bm25Weighting = true, ReduceFrequentWords = true });
        var w = t.FitTransform(Counts());
        double apple = Math.Log(1 + (3 - 3 + 0.5) / (3 + 0.5));
        double banana = Math.Log(1 + (3 - 2 + 0.5) / (2 + 0.5));
        double cherry = Math.Log(1 + (3 - 4 + 0.5) / (4 + 0.5)); // negative: cherry is more frequent than A
        Assert.True(cherry < 0);
        Assert.Equal(Math.Sqrt(2.0 / 3) * apple, w[0, 0], 15);
        Assert.Equal(Math.Sqrt(1.0 / 3) * banana, w[0, 1], 15);
        Assert.Equal(Math.Sqrt(0.75) * cherry, w[1, 2], 15);
        Assert.Equal(Math.Sqrt(0.5) * apple, w[2, 0], 15);
    }

    [Fact]
    public void OnlyBm25OrOnlyReduceFrequentWords()
    {
        var bm25 = new ClassTfidfTransformer(new ClassTfidfOptions { Bm25Weighting = true }).FitTransform(Counts());
        Assert.Equal(0.25 * Math.Log(1 + 1.5 / 2.5), bm25[1, 1], 15);
        var sqrt = new ClassTfidfTransformer(new ClassTfidfOptions { ReduceFrequentWords = true }).FitTransform(Counts());
        Assert.Equal(Math.Sqrt(0.25) * Math.Log(2.5), sqrt[1, 1], 15);
    }

    [Fact]
    public void AverageClassSizeIsTruncated()
    {
        // Row sums 3, 4, 4 → mean 3.67 → A = 3.
        var m = new DocumentTermMatrix([0, 1, 2, 3], [0, 0, 1], [3, 4, 4], ["aa", "bb"]);
        var t = new ClassTfidfTransformer().Fit(m);
        Assert.Equal(3, t.AverageClassSize);
        Assert.Equal(Math.Log(3.0 / 7 + 1), t.Idf![0], 15);
    }

    [Fact]
    public void SeedWordsMultiplyTheirIdf()
    {
        var t = new ClassTfidfTransformer(new ClassTfidfOptions { SeedWords = ["banana"], SeedMultiplier = 3 }).Fit(Counts());
        Assert.Equal(3 * Math.Log(2.5), t.Idf![1], 14);
    }

    [Fact]
    public void TransformNeedsAFittedModelWithTheSameTerms()
    {
        var t = new ClassTfidfTransformer();
        Assert.Throws<InvalidOperationException>(() => t.Transform(Counts()));
        t.Fit(Counts());
        Assert.Throws<ArgumentException>(() => t.Transform(new DocumentTermMatrix([0, 1], [0], [1], ["x"])));
    }
}
