using BERTopicNet.Evaluation;
using BERTopicNet.Online;
using BERTopicNet.Reduction;
using BERTopicNet.Tests.Goldens;

namespace BERTopicNet.Tests;

/// <summary>PartialFit with IncrementalPcaReducer, MiniBatchKMeansClusterer and OnlineCountVectorizer.</summary>
public class OnlineTopicModelingTests
{
    private static BERTopicOptions OnlineOptions(double? decay = null) => new()
    {
        UmapModel = new IncrementalPcaReducer(components: 5),
        HdbscanModel = new MiniBatchKMeansClusterer(clusters: 5, seed: 1),
        VectorizerModel = new OnlineCountVectorizer(new OnlineCountVectorizerOptions { Decay = decay }),
    };

    private static (string[] Docs, float[,] X, int[] Labels) Rows(SteeringGolden g, IEnumerable<int> rows)
    {
        var r = rows.ToArray();
        var x = new float[r.Length, g.Embeddings.GetLength(1)];
        for (int i = 0; i < r.Length; i++)
            for (int j = 0; j < x.GetLength(1); j++) x[i, j] = g.Embeddings[r[i], j];
        return ([.. r.Select(i => g.Docs[i])], x, [.. r.Select(i => g.Labels[i])]);
    }

    [Fact]
    public void BatchesBuildOneModelWhoseTopicsKeepTheirWords()
    {
        var g = SteeringGolden.Load();
        var themed = Enumerable.Range(0, g.Docs.Length).Where(i => g.Labels[i] >= 0).ToArray();
        var first = Rows(g, themed.Where((_, k) => k % 2 == 0));
        var second = Rows(g, themed.Where((_, k) => k % 2 == 1 && g.Labels[themed[k]] != 4));
        var third = Rows(g, themed.Where((_, k) => k % 2 == 1 && g.Labels[themed[k]] == 4));

        var model = new BERTopic(OnlineOptions());
        model.PartialFit(first.Docs, first.X);
        Assert.True(model.IsOnline);
        model.PartialFit(second.Docs, second.X);
        var thirdTopic = model.Transform(third.Docs, third.X).Topics[0];
        var wordsBefore = model.GetTopics().Where(kv => kv.Key != thirdTopic).ToDictionary(kv => kv.Key, kv => kv.Value.Select(w => w.Word).ToArray());
        model.PartialFit(third.Docs, third.X);

        int total = first.Docs.Length + second.Docs.Length + third.Docs.Length;
        Assert.Equal(total, model.DocumentTopics.Count);
        Assert.Equal(total, model.TopicSizes.Values.Sum());
        Assert.Equal(5, model.TopicIds.Count);
        int[] labels = [.. first.Labels, .. second.Labels, .. third.Labels];
        Assert.True(ClusteringMetrics.AdjustedRandIndex(labels, [.. model.DocumentTopics]) > 0.9);
        // The last batch held one theme only: the other topics keep their words (Python issue #1222 lost them).
        Assert.Equal(4, wordsBefore.Count);
        foreach (var (topic, words) in wordsBefore)
            Assert.Equal(words.Order(), model.GetTopic(topic)!.Select(w => w.Word).Order());

        // Transform: training documents keep their topic; the others go to the nearest centre.
        var (topics, probabilities) = model.Transform(first.Docs, first.X);
        Assert.Equal(model.DocumentTopics.Take(first.Docs.Length), topics);
        var shifted = (float[,])third.X.Clone();
        for (int i = 0; i < shifted.GetLength(0); i++) shifted[i, 0] += 1e-3f;
        var (thirdTopics, _) = model.Transform(third.Docs, shifted);
        Assert.True(thirdTopics.GroupBy(t => t).Max(grp => grp.Count()) >= 0.8 * thirdTopics.Length); // one theme: mostly one topic
        Assert.Null(probabilities);

        string dir = Path.Combine(Path.GetTempPath(), "bertopic-online-" + Guid.NewGuid().ToString("N"));
        try
        {
            model.Save(dir);
            var loaded = BERTopic.Load(dir);
            Assert.Equal(thirdTopics, loaded.Transform(third.Docs, shifted).Topics);
            Assert.Equal(model.GetTopics().Select(kv => kv.Value[0].Word), loaded.GetTopics().Select(kv => kv.Value[0].Word));
            Assert.Throws<InvalidOperationException>(() => loaded.PartialFit(third.Docs, third.X));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void OnlineCountVectorizerDecaysAndDeletesAsPython()
    {
        var c = SteeringGolden.Load().Case("online_cv");
        var v = new OnlineCountVectorizer(new OnlineCountVectorizerOptions { Decay = c.GetProperty("decay").GetDouble(), DeleteMinDf = c.GetProperty("delete_min_df").GetDouble() });
        var bags = c.GetProperty("bags").EnumerateArray().ToList();
        int b = 0;
        foreach (var batch in c.GetProperty("batches").EnumerateArray())
        {
            var docs = batch.EnumerateArray().Select(e => e.GetString()!).ToArray();
            v.PartialFit(docs);
            var bag = v.UpdateBagOfWords(docs);
            var expected = bags[b++].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetDouble()).ToArray());
            Assert.Equal(expected.Keys.Order(), v.Vocabulary.Order());
            Assert.Equal(docs.Length, bag.Rows);
            for (int j = 0; j < v.Vocabulary.Count; j++)
                for (int r = 0; r < bag.Rows; r++)
                    Assert.Equal(expected[v.Vocabulary[j]][r], Value(bag, r, j), 12);
        }
    }

    private static double Value(BERTopicNet.Vectorizers.TermWeightMatrix m, int row, int column)
    {
        for (int k = m.IndPtr[row]; k < m.IndPtr[row + 1]; k++) if (m.Indices[k] == column) return m.Values[k];
        return 0;
    }

    [Fact]
    public void IncrementalPcaEqualsScikitLearns()
    {
        var g = SteeringGolden.Load();
        var c = g.Case("incremental_pca");
        var pca = new IncrementalPcaReducer(c.GetProperty("n_components").GetInt32(), batchSize: c.GetProperty("batch_size").GetInt32());
        var reduced = pca.FitTransform(g.Embeddings);
        var mean = c.GetProperty("mean").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var singular = c.GetProperty("singular_values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int j = 0; j < mean.Length; j++) Assert.Equal(mean[j], pca.Mean![j], 6);
        for (int k = 0; k < singular.Length; k++) Assert.Equal(singular[k], pca.SingularValues![k], 5);
        var expected = SteeringGolden.Matrix(c.GetProperty("transform_first5"));
        for (int i = 0; i < 5; i++)
            for (int k = 0; k < expected.GetLength(1); k++) Assert.Equal(expected[i, k], reduced[i, k], 4);
    }

    [Fact]
    public void StagesThatCannotLearnOnlineGetClearErrors()
    {
        var g = SteeringGolden.Load();
        var e1 = Assert.Throws<ArgumentException>(() => new BERTopic().PartialFit(g.Docs, g.Embeddings));
        Assert.Contains("default HDBSCAN", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => new BERTopic(new BERTopicOptions { HdbscanModel = new MiniBatchKMeansClusterer(3) }).PartialFit(g.Docs, g.Embeddings));
        Assert.Contains("default UMAP", e2.Message);
        var e3 = Assert.Throws<ArgumentException>(() => new BERTopic(new BERTopicOptions
        {
            HdbscanModel = new MiniBatchKMeansClusterer(3), UmapModel = new NoDimensionalityReduction(), VectorizerModel = new BERTopicNet.Vectorizers.CountVectorizer(),
        }).PartialFit(g.Docs, g.Embeddings));
        Assert.Contains("CountVectorizer cannot", e3.Message);
        var fitted = new BERTopic(new BERTopicOptions { HdbscanModel = new MiniBatchKMeansClusterer(3), UmapModel = new NoDimensionalityReduction() });
        fitted.Fit(g.Docs, g.Embeddings);
        Assert.Throws<InvalidOperationException>(() => fitted.PartialFit(g.Docs, g.Embeddings));
        // A first batch smaller than the number of components or clusters.
        var tiny = Rows(g, [0, 1, 2]);
        var e4 = Assert.Throws<ArgumentException>(() => new BERTopic(OnlineOptions()).PartialFit(tiny.Docs, tiny.X));
        Assert.Contains("at least 5 rows", e4.Message);
    }
}
