using System.Text.Json;
using BERTopicNet.Evaluation;
using BERTopicNet.Reduction;

namespace BERTopicNet.Tests.Goldens;

/// <summary>
/// Guided, zero-shot and semi-supervised fits against Python BERTopic 0.17.4 (steering.json, made by
/// make_steering.py): identity reducer + HDBSCAN, so both sides are deterministic and must agree exactly.
/// </summary>
public class SteeringGoldenTests
{
    private static BERTopic Fit(JsonElement c, Func<BERTopicOptions, BERTopicOptions>? more = null)
    {
        var g = SteeringGolden.Load();
        var options = new BERTopicOptions
        {
            EmbeddingModel = g.Embedder,
            UmapModel = new NoDimensionalityReduction(),
            ZeroShotTopicList = c.TryGetProperty("zeroshot_topic_list", out var z) ? [.. z.EnumerateArray().Select(e => e.GetString()!)] : null,
            ZeroShotMinSimilarity = c.TryGetProperty("zeroshot_min_similarity", out var s) ? s.GetDouble() : 0.7,
            SeedTopicList = c.TryGetProperty("seed_topic_list", out var st)
                ? [.. st.EnumerateArray().Select(l => (IReadOnlyList<string>)[.. l.EnumerateArray().Select(e => e.GetString()!)])]
                : null,
        };
        var model = new BERTopic(more is null ? options : more(options));
        model.Fit(g.Docs, (float[,])g.Embeddings.Clone());
        return model;
    }

    private static void AssertWords(BERTopic model, int ours, JsonElement expectedWords)
    {
        var words = model.GetTopic(ours)!;
        var exp = expectedWords.EnumerateArray().ToList();
        Assert.Equal(exp.Count, words.Count);
        for (int i = 0; i < exp.Count; i++)
        {
            Assert.Equal(exp[i][0].GetString(), words[i].Word);
            Assert.True(Math.Abs(exp[i][1].GetDouble() - words[i].Score) <= 1e-6, $"topic {ours} word {i}: {exp[i][1].GetDouble()} vs {words[i].Score}");
        }
    }

    private static void AssertSame(BERTopic model, JsonElement c)
    {
        var expected = c.GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(expected, model.DocumentTopics);
        foreach (var size in c.GetProperty("topic_sizes").EnumerateObject())
            Assert.Equal(size.Value.GetInt32(), model.TopicSizes[int.Parse(size.Name)]);
        foreach (var topic in c.GetProperty("topic_words").EnumerateObject())
            AssertWords(model, int.Parse(topic.Name), topic.Value);
        foreach (var label in c.GetProperty("topic_labels").EnumerateObject())
            Assert.Equal(label.Value.GetString(), model.TopicLabels[int.Parse(label.Name)]);
    }

    [Theory]
    [InlineData("zeroshot_mixed")]
    [InlineData("zeroshot_none")]
    [InlineData("guided")]
    public void EqualsPython(string name)
    {
        var c = SteeringGolden.Load().Case(name);
        var model = Fit(c);
        AssertSame(model, c);
        var probabilities = c.GetProperty("probabilities").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var ours = model.Probabilities!.PerDocument!;
        for (int i = 0; i < probabilities.Length; i++) Assert.True(Math.Abs(probabilities[i] - ours[i]) < 1e-5, $"doc {i}: {probabilities[i]} vs {ours[i]}");
    }

    [Fact]
    public void ZeroShotMixedKeepsLabelsAndTransformsByCosine()
    {
        var g = SteeringGolden.Load();
        var c = g.Case("zeroshot_mixed");
        var model = Fit(c);
        Assert.Equal("space exploration", model.ZeroShotTopicLabels[0]);
        Assert.Equal("football", model.ZeroShotTopicLabels[1]);
        Assert.Equal(c.GetProperty("topic_labels").GetProperty("0").GetString(), model.TopicLabels[0]);

        // Python replaces the clusterer and assigns new documents by cosine similarity with the topic embeddings.
        var shifted = new float[20, g.Embeddings.GetLength(1)];
        for (int i = 0; i < 20; i++)
            for (int j = 0; j < shifted.GetLength(1); j++) shifted[i, j] = g.Embeddings[i, j] + 1e-4f;
        var (topics, _) = model.Transform(g.Docs[..20], shifted);
        Assert.Equal(c.GetProperty("transform_first20").EnumerateArray().Select(e => e.GetInt32()), topics);
    }

    /// <summary>
    /// Every document zero-shot: Python 0.17.4 loses the labels and numbers the topics by size (its issue #2447); we keep
    /// label order and labels. The partition and the words per group are Python's.
    /// </summary>
    [Fact]
    public void ZeroShotAllKeepsLabelsWithPythonsPartition()
    {
        var c = SteeringGolden.Load().Case("zeroshot_all");
        var model = Fit(c);
        var expected = c.GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var map = new Dictionary<int, int>();
        for (int i = 0; i < expected.Length; i++)
        {
            if (map.TryGetValue(expected[i], out int m)) Assert.Equal(m, model.DocumentTopics[i]);
            else map[expected[i]] = model.DocumentTopics[i];
        }
        Assert.Equal(map.Count, map.Values.Distinct().Count());
        foreach (var topic in c.GetProperty("topic_words").EnumerateObject())
            AssertWords(model, map[int.Parse(topic.Name)], topic.Value);
        Assert.Equal(["space exploration", "football", "gardening"], model.TopicLabels.Values);
        Assert.DoesNotContain(-1, model.DocumentTopics);
    }

    [Fact]
    public void SemiSupervisedQualityAtLeastPythons()
    {
        var g = SteeringGolden.Load();
        var c = g.Case("semi_supervised");
        var y = c.GetProperty("y").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        double pythonMean = c.GetProperty("python_ari_mean").GetDouble();
        var model = new BERTopic();
        var (topics, _) = model.FitTransform(g.Docs, g.Embeddings, y);
        double ari = ClusteringMetrics.AdjustedRandIndex(g.Labels, topics);
        Assert.True(ari >= pythonMean - 1e-9, $"ARI {ari:F4} < Python's mean {pythonMean:F4}");
    }
}
