using BERTopicNet.Clustering;
using BERTopicNet.Reduction;

namespace BERTopicNet.Tests.Goldens;

/// <summary>Supervised topic modeling (a classifier as the clusterer) against Python BERTopic 0.17.4 with scikit-learn's NearestCentroid.</summary>
public class SupervisedGoldenTests
{
    [Fact]
    public void NearestCentroidClassifierEqualsPythonAndSavesAndLoads()
    {
        var g = SteeringGolden.Load();
        var c = g.Case("supervised");
        var y = c.GetProperty("y").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new NearestCentroidClassifier() });
        var (topics, probabilities) = model.FitTransform(g.Docs, g.Embeddings, y);
        Assert.Null(probabilities);
        Assert.Equal(c.GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()), topics);
        foreach (var topic in c.GetProperty("topic_words").EnumerateObject())
            Assert.Equal(topic.Value.EnumerateArray().Select(w => w[0].GetString()), model.GetTopic(int.Parse(topic.Name))!.Select(w => w.Word));
        foreach (var label in c.GetProperty("topic_labels").EnumerateObject())
            Assert.Equal(label.Value.GetString(), model.TopicLabels[int.Parse(label.Name)]);

        int d = g.Embeddings.GetLength(1);
        var blend = new float[40, d];
        for (int i = 0; i < 40; i++)
            for (int j = 0; j < d; j++) blend[i, j] = (g.Embeddings[i, j] * 0.9f) + (g.Embeddings[40 + i, j] * 0.1f);
        var expected = c.GetProperty("transform_blend40").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(expected, model.Transform(g.Docs[..40], blend).Topics);

        string dir = Path.Combine(Path.GetTempPath(), "bertopic-supervised-" + Guid.NewGuid().ToString("N"));
        try
        {
            model.Save(dir);
            Assert.Equal(expected, BERTopic.Load(dir).Transform(g.Docs[..40], blend).Topics);
        }
        finally { Directory.Delete(dir, recursive: true); }
        Assert.Throws<ArgumentException>(() => new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new NearestCentroidClassifier() }).Fit(g.Docs, g.Embeddings));
    }
}
