using BERTopicNet.Clustering;
using BERTopicNet.Reduction;
using BERTopicNet.Umap;

namespace BERTopicNet.Tests;

public class BadInputTests
{
    private static BERTopic Manual() => new(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });
    private static readonly string[] Docs = ["one doc", "two docs", "three docs"];
    private static float[,] Emb(int rows) => new float[rows, 2];

    private static void AssertNames(ArgumentException ex, string param, string hint)
    {
        Assert.Equal(param, ex.ParamName);
        Assert.Contains(hint, ex.Message);
    }

    [Fact]
    public void NullOrEmptyCorpus()
    {
        AssertNames(Assert.Throws<ArgumentNullException>(() => Manual().FitTransform(null!, Emb(0), [])), "documents", "pass a list");
        AssertNames(Assert.Throws<ArgumentException>(() => Manual().FitTransform([], Emb(0), [])), "documents", "at least one document");
    }

    [Fact]
    public void NullDocument() =>
        AssertNames(Assert.Throws<ArgumentException>(() => Manual().FitTransform(["ok", null!, "ok"], Emb(3), [0, 0, 0])), "documents", "Document 1 is null");

    [Fact]
    public void EmbeddingRowsDifferFromDocuments()
    {
        AssertNames(Assert.Throws<ArgumentException>(() => Manual().FitTransform(Docs, Emb(2), [0, 0, 0])), "embeddings", "one row per document");
        var sparse = new CsrMatrix(2, 2, [0, 0, 0], [], []);
        AssertNames(Assert.Throws<ArgumentException>(() => Manual().FitTransform(Docs, sparse, [0, 0, 0])), "embeddings", "one row per document");
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void NonFiniteEmbeddings(float bad)
    {
        var emb = Emb(3);
        emb[1, 1] = bad;
        AssertNames(Assert.Throws<ArgumentException>(() => Manual().FitTransform(Docs, emb, [0, 0, 0])), "embeddings", "row 1, column 1");
    }

    [Fact]
    public void LabelsOfTheWrongLengthOrValue()
    {
        AssertNames(Assert.Throws<ArgumentException>(() => Manual().FitTransform(Docs, Emb(3), [0, 1])), "y", "one label per document");
        AssertNames(Assert.Throws<ArgumentException>(() => Manual().FitTransform(Docs, Emb(3), [0, -2, 1])), "y", "-1");
        AssertNames(Assert.Throws<ArgumentException>(() => Manual().FitTransform(Docs, Emb(3))), "y", "pass y");
    }

    [Fact]
    public void InvalidOptions()
    {
        Assert.Throws<ArgumentException>(() => new BERTopic(new BERTopicOptions { TopNWords = 0 }));
        Assert.Throws<ArgumentException>(() => new BERTopic(new BERTopicOptions { NGramRange = (3, 1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BERTopicOptions { NrTopics = 0 });
    }

    [Fact]
    public void QueriesBeforeFitting()
    {
        var model = Manual();
        Assert.Contains("not fitted", Assert.Throws<InvalidOperationException>(() => model.GetTopic(0)).Message);
        Assert.Throws<InvalidOperationException>(() => model.GetTopicInfo());
    }
}
