namespace BERTopicNet.Tests;

public class TopicProbabilitiesTests
{
    [Fact]
    public void RowAndIndexerGiveADocumentsProbabilitiesAsTheArticleWritesThem()
    {
        var matrix = new float[,] { { 0.1f, 0.7f, 0.2f }, { 0.5f, 0.25f, 0.25f } };
        var p = TopicProbabilities.FromMatrix(matrix);
        Assert.Equal([0.1f, 0.7f, 0.2f], p[0].ToArray());
        Assert.Equal([0.5f, 0.25f, 0.25f], p.Row(1).ToArray());
        matrix[1, 2] = 0.9f; // the row reads the matrix in place
        Assert.Equal(0.9f, p[1][2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => p.Row(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => p[-1].Length);

        var single = TopicProbabilities.FromVector([0.3f, 0.8f]);
        Assert.Equal([0.8f], single[1].ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => single.Row(2));
    }

    [Fact]
    public void SoftClusteringFitGivesOneRowPerDocumentWithAColumnPerTopic()
    {
        var (docs, _, emb) = TestCorpus.Create([30, 25, 20], noise: 2);
        var model = new BERTopic(new BERTopicOptions { CalculateProbabilities = true, UmapModel = new Reduction.NoDimensionalityReduction() });
        var (topics, probabilities) = model.FitTransform(docs, emb);
        Assert.NotNull(probabilities);
        Assert.Equal(model.TopicCount, probabilities[0].Length);
        for (int i = 0; i < docs.Length; i++)
            if (topics[i] >= 0)
            {
                var row = probabilities.Row(i);
                Assert.Equal(topics[i], row.IndexOf(MaxOf(row)));
            }
    }

    private static float MaxOf(ReadOnlySpan<float> row)
    {
        float m = float.MinValue;
        foreach (var v in row) m = Math.Max(m, v);
        return m;
    }

    [Fact]
    public void ApproximateDistributionRows()
    {
        var (docs, labels, emb) = TestCorpus.Create([10, 10, 10], noise: 0);
        var model = new BERTopic(new BERTopicOptions { UmapModel = new Reduction.NoDimensionalityReduction(), HdbscanModel = new Clustering.ManualClusterer() });
        model.FitTransform(docs, emb, labels);
        var d = model.ApproximateDistribution(docs.Take(2).ToArray());
        Assert.Equal(Enumerable.Range(0, d.Distributions.GetLength(1)).Select(c => d.Distributions[1, c]), d.Row(1).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Row(2));
    }
}
