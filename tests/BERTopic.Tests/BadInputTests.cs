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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void TooFewDocumentsForTheDefaultUmapAreExplainedAtTheFacade(int count)
    {
        var (docs, _, emb) = TestCorpus.Create([count], noise: 0);
        var ex = Assert.Throws<ArgumentException>(() => new BERTopic().FitTransform(docs, emb));
        AssertNames(ex, "documents", $"BERTopic got {count} document");
        Assert.Contains("needs at least 6", ex.Message);
        Assert.Contains("MinTopicSize (10)", ex.Message);
        Assert.Contains("NoDimensionalityReduction", ex.Message);
        Assert.DoesNotContain("rows", ex.Message);
        var small = new BERTopic(new BERTopicOptions { UmapModel = new UmapReducer(new UmapOptions { NComponents = 2, NNeighbors = 3 }) });
        if (count >= 3) small.FitTransform(docs, emb); // the limit follows the reducer's NComponents
        else Assert.Contains("needs at least 3", Assert.Throws<ArgumentException>(() => small.FitTransform(docs, emb)).Message);
    }

    [Fact]
    public void SixDocumentsFitWithTheDefaults()
    {
        var (docs, _, emb) = TestCorpus.Create([6], noise: 0);
        var (topics, _) = new BERTopic().FitTransform(docs, emb);
        Assert.Equal(6, topics.Length);
    }

    [Fact]
    public void TransformAfterASparseFitPointsToTheCsrMatrixOverload()
    {
        var (docs, labels, _) = TestCorpus.Create([8, 8, 8], noise: 0);
        var counts = new Vectorizers.CountVectorizer().FitTransform(docs);
        var rows = new CsrMatrix(counts.Rows, counts.Columns, counts.IndPtr, counts.Indices, [.. counts.Counts.Select(v => (float)v)]);
        var model = new BERTopic(new BERTopicOptions { MinTopicSize = 5 });
        var (fitted, _) = model.FitTransform(docs, rows);
        var noEmbeddings = Assert.Throws<ArgumentException>(() => model.Transform(docs));
        AssertNames(noEmbeddings, "embeddings", "fitted on a sparse matrix");
        Assert.Contains("Transform(documents, CsrMatrix)", noEmbeddings.Message);
        var dense = Assert.Throws<ArgumentException>(() => model.Transform(docs, new float[docs.Length, 384]));
        Assert.Contains("The embeddings have 384 columns, but the model was fitted on a sparse matrix", dense.Message);
        Assert.Contains("vectorizer that made the training matrix", dense.Message);
        Assert.Equal(fitted, model.Transform(docs, rows).Topics);

        var dir = Directory.CreateTempSubdirectory("bertopic-sparse-");
        try
        {
            model.Save(Path.Combine(dir.FullName, "m"));
            var loaded = BERTopic.Load(Path.Combine(dir.FullName, "m"));
            Assert.Contains("Transform(documents, CsrMatrix)", Assert.Throws<ArgumentException>(() => loaded.Transform(docs)).Message);
        }
        finally { dir.Delete(true); }

        var denseModel = Manual();
        var oneHot = new float[docs.Length, 3];
        for (int i = 0; i < docs.Length; i++) oneHot[i, labels[i]] = 1;
        denseModel.FitTransform(docs, oneHot, labels);
        Assert.Contains("fitted on dense 3-dimensional embeddings", Assert.Throws<ArgumentException>(() => denseModel.Transform(docs, rows)).Message);
    }

    [Fact]
    public void QueriesBeforeFitting()
    {
        var model = Manual();
        Assert.Contains("not fitted", Assert.Throws<InvalidOperationException>(() => model.GetTopic(0)).Message);
        Assert.Throws<InvalidOperationException>(() => model.GetTopicInfo());
    }
}
