using System.Text.Json;
using BERTopicNet.Reduction;

namespace BERTopicNet.Tests.Goldens;

/// <summary>MergeModels against Python BERTopic 0.17.4's merge_models (steering.json, case "merge").</summary>
public class MergeModelsGoldenTests
{
    private static (BERTopic A, BERTopic B, JsonElement Case) FitParts()
    {
        var g = SteeringGolden.Load();
        var c = g.Case("merge");
        BERTopic Part(string key)
        {
            var rows = c.GetProperty(key).EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var x = new float[rows.Length, g.Embeddings.GetLength(1)];
            for (int r = 0; r < rows.Length; r++)
                for (int j = 0; j < x.GetLength(1); j++) x[r, j] = g.Embeddings[rows[r], j];
            var m = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction() });
            m.Fit([.. rows.Select(r => g.Docs[r])], x);
            return m;
        }
        return (Part("rows_a"), Part("rows_b"), c);
    }

    [Fact]
    public void MergedModelEqualsPythons()
    {
        var (a, b, c) = FitParts();
        var merged = BERTopic.MergeModels([a, b], c.GetProperty("min_similarity").GetDouble());
        Assert.Equal(c.GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()), merged.DocumentTopics);
        Assert.Equal(c.GetProperty("topic_sizes").EnumerateObject().ToDictionary(p => int.Parse(p.Name), p => p.Value.GetInt32()), merged.TopicSizes);
        foreach (var topic in c.GetProperty("topic_words").EnumerateObject())
            Assert.Equal(topic.Value.EnumerateArray().Select(w => w[0].GetString()), merged.GetTopic(int.Parse(topic.Name))!.Select(w => w.Word));
        var expected = SteeringGolden.Matrix(c.GetProperty("topic_embeddings"));
        var ours = merged.TopicEmbeddings!;
        Assert.Equal(expected.GetLength(0), ours.GetLength(0));
        for (int i = 0; i < expected.GetLength(0); i++)
            for (int j = 0; j < expected.GetLength(1); j++) Assert.Equal(expected[i, j], ours[i, j], 5);
    }

    [Fact]
    public void MergedModelTransformsSavesAndMergesAgain()
    {
        var g = SteeringGolden.Load();
        var (a, b, _) = FitParts();
        var merged = BERTopic.MergeModels([a, b]);
        // Training documents keep their merged topic; new ones go to the most similar topic embedding.
        var (topics, _) = merged.Transform(g.Docs, g.Embeddings);
        var rowsA = SteeringGolden.Load().Case("merge").GetProperty("rows_a").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        for (int r = 0; r < rowsA.Length; r++) Assert.Equal(merged.DocumentTopics[r], topics[rowsA[r]]);
        var shifted = (float[,])g.Embeddings.Clone();
        for (int i = 0; i < shifted.GetLength(0); i++) shifted[i, 1] += 1e-3f;
        Assert.Equal(g.Docs.Length, merged.Transform(g.Docs, shifted).Topics.Length);

        string dir = Path.Combine(Path.GetTempPath(), "bertopic-merge-" + Guid.NewGuid().ToString("N"));
        try
        {
            merged.Save(dir);
            var loaded = BERTopic.Load(dir);
            Assert.Equal(merged.DocumentTopics, loaded.DocumentTopics);
            Assert.Equal(merged.Transform(g.Docs, shifted).Topics, loaded.Transform(g.Docs, shifted).Topics);
        }
        finally { Directory.Delete(dir, recursive: true); }

        // Merging the merged model with a third one adds to it (Python issue #2257 replaced the first model).
        var again = BERTopic.MergeModels([merged, b], 0.7);
        Assert.Equal(merged.DocumentTopics.Count + b.DocumentTopics.Count, again.DocumentTopics.Count);
        Assert.Equal(merged.TopicIds, again.TopicIds);
        Assert.Equal(merged.DocumentTopics, again.DocumentTopics.Take(merged.DocumentTopics.Count));
    }

    [Fact]
    public void BadInputGetsClearErrors()
    {
        var (a, _, _) = FitParts();
        Assert.Throws<ArgumentException>(() => BERTopic.MergeModels([a]));
        Assert.Throws<ArgumentException>(() => BERTopic.MergeModels([a, new BERTopic()]));
        var other = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction() });
        var (docs, _, emb) = TestCorpus.Create([20, 15, 12]);
        other.Fit(docs, emb);
        var e = Assert.Throws<ArgumentException>(() => BERTopic.MergeModels([a, other]));
        Assert.Contains("dimensional topic embeddings", e.Message);
        Assert.Throws<ArgumentException>(() => BERTopic.MergeModels([a, a], 1.5));
    }
}
