using BERTopicNet.Clustering;
using BERTopicNet.Reduction;

namespace BERTopicNet.Tests;

public class TransformTests
{
    [Fact]
    public void ManualModelsAssignTheNearestTopicEmbedding()
    {
        var (docs, labels, emb) = TestCorpus.Create([5, 12, 8], noise: 0);
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });
        var (topics, _) = model.FitTransform(docs, emb, labels);
        var (predicted, probabilities) = model.Transform(docs, emb);
        Assert.Equal(topics, predicted);
        // New documents (jittered rows): the nearest topic embedding.
        var jittered = (float[,])emb.Clone();
        for (int i = 0; i < docs.Length; i++) jittered[i, 0] += 0.01f;
        Assert.Equal(topics, model.Transform(docs, jittered).Topics);
        Assert.All(probabilities!.PerDocument!, p => Assert.InRange(p, 0.9f, 1.0001f));
        Assert.Throws<ArgumentException>(() => model.Transform(docs, new float[docs.Length, 3]));
    }

    [Fact]
    public void PredictionsAreMappedToTheCurrentTopics()
    {
        var (docs, labels, emb) = TestCorpus.Create([5, 12, 8]);
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new PredictingClusterer(labels) });
        var (topics, _) = model.FitTransform(docs, emb);
        var jittered = (float[,])emb.Clone();
        for (int i = 0; i < docs.Length; i++) jittered[i, 1] += 0.001f;
        var (predicted, strengths) = model.Transform(docs, jittered);
        Assert.Equal(topics, predicted);
        Assert.All(strengths!.PerDocument!, s => Assert.Equal(0.5f, s));
        Assert.Equal(docs.Length, strengths!.PerDocument!.Length);
    }

    /// <summary>Fits to given labels and predicts the label of the nearest axis (the toy embeddings' theme).</summary>
    private sealed class PredictingClusterer(int[] labels) : IClusterer
    {
        public ClusterAssignment Fit(float[,] points, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
            new((int[])labels.Clone(), [.. labels.Select(_ => 1f)]);

        public ClusterPrediction Predict(float[,] points, bool withMembership = false)
        {
            var result = new int[points.GetLength(0)];
            for (int i = 0; i < result.Length; i++)
            {
                int arg = 0;
                for (int j = 1; j < 4; j++) if (points[i, j] > points[i, arg]) arg = j;
                result[i] = arg == 3 ? -1 : arg;
            }
            return new ClusterPrediction(result, [.. result.Select(_ => 0.5f)], null);
        }
    }
}
