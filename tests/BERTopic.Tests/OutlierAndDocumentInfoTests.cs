using BERTopicNet.Clustering;
using BERTopicNet.Reduction;

namespace BERTopicNet.Tests;

public class OutlierAndDocumentInfoTests
{
    /// <summary>A corpus where every fifth themed document was labelled an outlier; returns its true theme too.</summary>
    private static (BERTopic Model, string[] Docs, int[] Topics, int[] TrueTopics, float[,] Emb) Fitted()
    {
        var (docs, labels, emb) = TestCorpus.Create([10, 16, 13], noise: 0);
        var y = labels.Select((l, i) => i % 5 == 0 ? -1 : l).ToArray();
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });
        var (topics, _) = model.FitTransform(docs, emb, y);
        // Theme → topic id through the non-outlier documents.
        var themeToTopic = new Dictionary<int, int>();
        for (int i = 0; i < docs.Length; i++) if (topics[i] >= 0) themeToTopic[labels[i]] = topics[i];
        return (model, docs, topics, [.. labels.Select(l => themeToTopic[l])], emb);
    }

    [Theory]
    [InlineData(OutlierStrategy.CTfidf)]
    [InlineData(OutlierStrategy.Distributions)]
    [InlineData(OutlierStrategy.Embeddings)]
    public void OutliersFindTheirTopic(OutlierStrategy strategy)
    {
        var (model, docs, topics, truth, emb) = Fitted();
        var before = model.DocumentTopics.ToArray();
        var reduced = model.ReduceOutliers(docs, topics, strategy, embeddings: strategy == OutlierStrategy.Embeddings ? emb : null);
        Assert.Equal(truth, reduced);
        Assert.Equal(before, model.DocumentTopics); // the model is unchanged
    }

    [Fact]
    public void ProbabilitiesStrategyAndThreshold()
    {
        var (model, docs, topics, _, _) = Fitted();
        var p = new float[docs.Length, 3];
        for (int i = 0; i < docs.Length; i++) p[i, i % 3] = i % 2 == 0 ? 0.9f : 0.2f;
        var reduced = model.ReduceOutliers(docs, topics, OutlierStrategy.Probabilities, threshold: 0.5, probabilities: p);
        for (int i = 0; i < docs.Length; i++)
            Assert.Equal(topics[i] != -1 ? topics[i] : i % 2 == 0 ? i % 3 : -1, reduced[i]);
        Assert.Throws<ArgumentException>(() => model.ReduceOutliers(docs, topics, OutlierStrategy.Probabilities));
        Assert.Throws<ArgumentException>(() => model.ReduceOutliers(docs, topics[1..]));
    }

    [Fact]
    public void ModelsWithoutOutliersRefuse()
    {
        var (docs, labels, emb) = TestCorpus.Create([5, 6, 7], noise: 0);
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });
        var (topics, _) = model.FitTransform(docs, emb, labels);
        Assert.Contains("no outlier topic", Assert.Throws<InvalidOperationException>(() => model.ReduceOutliers(docs, topics)).Message);
    }

    [Fact]
    public void ApproximateDistributionFavoursTheDocumentsTopic()
    {
        var (model, docs, topics, truth, _) = Fitted();
        var distr = model.ApproximateDistribution(docs).Distributions;
        Assert.Equal(3, distr.GetLength(1));
        for (int i = 0; i < docs.Length; i++)
        {
            double sum = 0;
            int arg = 0;
            for (int t = 0; t < 3; t++) { sum += distr[i, t]; if (distr[i, t] > distr[i, arg]) arg = t; }
            Assert.Equal(1.0, sum, 5);
            Assert.Equal(truth[i], arg);
        }
        var empty = model.ApproximateDistribution(["", "unknown words only"]).Distributions;
        Assert.Equal(0f, empty[0, 0]);
        Assert.ThrowsAny<ArgumentException>(() => model.ApproximateDistribution(docs, window: 0));
    }

    [Fact]
    public void DocumentInfoDescribesEachDocument()
    {
        var (model, docs, topics, _, _) = Fitted();
        var info = model.GetDocumentInfo(docs);
        Assert.Equal(docs.Length, info.Count);
        for (int i = 0; i < docs.Length; i++)
        {
            Assert.Equal(topics[i], info[i].Topic);
            Assert.Equal(model.TopicLabels[topics[i]], info[i].Name);
            Assert.Equal(string.Join(" - ", model.GetTopic(topics[i])!.Select(w => w.Word)), info[i].TopNWords);
            Assert.Null(info[i].Probability);
        }
        Assert.Equal(model.GetRepresentativeDocs().Values.Sum(d => d.Count), info.Count(r => r.RepresentativeDocument));
    }
}
