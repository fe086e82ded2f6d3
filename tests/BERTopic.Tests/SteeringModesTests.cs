using System.Text.Json;
using BERTopicNet.Reduction;
using BERTopicNet.Tests.Goldens;
using BERTopicNet.Umap;

namespace BERTopicNet.Tests;

/// <summary>Guided and zero-shot fits: save/load, topic operations, bad input.</summary>
public class SteeringModesTests
{
    private static readonly string[] ZeroShotLabels = ["space exploration", "football", "gardening"];

    private static BERTopicOptions ZeroShotOptions(double minSimilarity = 0.7, NrTopics? nrTopics = null) => new()
    {
        EmbeddingModel = SteeringGolden.Load().Embedder,
        UmapModel = new NoDimensionalityReduction(),
        ZeroShotTopicList = ZeroShotLabels,
        ZeroShotMinSimilarity = minSimilarity,
        NrTopics = nrTopics,
    };

    private static string TempDir() => Path.Combine(Path.GetTempPath(), "bertopic-steer-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void ZeroShotModelSavesAndLoadsWithLabelsAndTransform()
    {
        var g = SteeringGolden.Load();
        var model = new BERTopic(ZeroShotOptions());
        model.Fit(g.Docs, g.Embeddings);
        string dir = TempDir();
        try
        {
            model.Save(dir);
            var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "config.json"))).RootElement;
            Assert.Equal(ZeroShotLabels, config.GetProperty("zeroshot_topic_list").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(0.7, config.GetProperty("zeroshot_min_similarity").GetDouble());
            var topicsJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "topics.json"))).RootElement;
            Assert.Equal("space exploration", topicsJson.GetProperty("topic_labels").GetProperty("0").GetString());

            var loaded = BERTopic.Load(dir, g.Embedder);
            Assert.Equal(model.TopicLabels, loaded.TopicLabels);
            Assert.Equal(model.ZeroShotTopicLabels, loaded.ZeroShotTopicLabels);
            Assert.Equal(ZeroShotLabels, loaded.Options.ZeroShotTopicList);
            var shifted = (float[,])g.Embeddings.Clone();
            for (int i = 0; i < shifted.GetLength(0); i++) shifted[i, 0] += 1e-3f;
            Assert.Equal(model.Transform(g.Docs, shifted).Topics, loaded.Transform(g.Docs, shifted).Topics);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void GuidedModelSavesSeedTopicsAndKeepsTheBoostAfterLoad()
    {
        var g = SteeringGolden.Load();
        IReadOnlyList<IReadOnlyList<string>> seeds = [["space", "rocket", "orbit"], ["guitar", "band"]];
        var model = new BERTopic(new BERTopicOptions { EmbeddingModel = g.Embedder, UmapModel = new NoDimensionalityReduction(), SeedTopicList = seeds });
        model.Fit(g.Docs, g.Embeddings);
        Assert.Equal(1.2 * Math.Log(1 + (model.CtfidfModel.AverageClassSize / ColumnSum(model, "orbit"))),
            model.CtfidfModel.Idf![IndexOf(model, "orbit")], 12);
        string dir = TempDir();
        try
        {
            model.Save(dir);
            var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "config.json"))).RootElement;
            Assert.Equal("rocket", config.GetProperty("seed_topic_list")[0][1].GetString());
            var loaded = BERTopic.Load(dir, g.Embedder);
            Assert.Equal(seeds.Select(s => s.ToArray()), loaded.Options.SeedTopicList!.Select(s => s.ToArray()));
            model.ReduceTopics(g.Docs, NrTopics.Of(3));
            loaded.ReduceTopics(g.Docs, NrTopics.Of(3));
            Assert.Equal(model.GetTopics().Select(kv => kv.Value.Select(w => (w.Word, w.Score))), loaded.GetTopics().Select(kv => kv.Value.Select(w => (w.Word, w.Score))));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static int IndexOf(BERTopic m, string word) => m.Vocabulary.ToList().IndexOf(word);

    /// <summary>How often <paramref name="word"/> occurs in the corpus: its column sum over the topic rows.</summary>
    private static double ColumnSum(BERTopic m, string word)
    {
        double sum = 0;
        var docs = SteeringGolden.Load().Docs;
        foreach (var d in docs) sum += d.Split(' ').Count(w => w == word);
        return sum;
    }

    [Fact]
    public void ZeroShotLabelSurvivesTopicReductionWhenItStillFits()
    {
        var g = SteeringGolden.Load();
        var model = new BERTopic(ZeroShotOptions(nrTopics: NrTopics.Of(4)));
        model.Fit(g.Docs, g.Embeddings);
        Assert.Equal(4, model.TopicIds.Count); // nr_topics counts the outlier topic, as in Python
        // The space and football documents stay together and keep their labels under new ids.
        Assert.Contains("space exploration", model.TopicLabels.Values);
        Assert.Contains("football", model.TopicLabels.Values);
        foreach (var (topic, label) in model.ZeroShotTopicLabels) Assert.Equal(label, model.TopicLabels[topic]);
    }

    [Fact]
    public void BadInputGetsClearErrors()
    {
        var g = SteeringGolden.Load();
        var e1 = Assert.Throws<ArgumentException>(() => new BERTopic(new BERTopicOptions { ZeroShotTopicList = [] }));
        Assert.Contains("ZeroShotTopicList is empty", e1.Message);
        Assert.Throws<ArgumentException>(() => new BERTopic(new BERTopicOptions { ZeroShotTopicList = ["a", " "] }));
        Assert.Throws<ArgumentException>(() => new BERTopic(new BERTopicOptions { SeedTopicList = [[]] }));
        Assert.Throws<ArgumentException>(() => new BERTopic(new BERTopicOptions { ZeroShotTopicList = ["a"], ZeroShotMinSimilarity = 2 }));

        var vectors = new Dictionary<string, float[]>(g.TextVectors) { ["space zzqx"] = g.TextVectors["space rocket orbit"] };
        var guided = new BERTopic(new BERTopicOptions
        {
            EmbeddingModel = new LookupEmbedder(vectors), UmapModel = new NoDimensionalityReduction(), SeedTopicList = [["space", "zzqx"]],
        });
        var e2 = Assert.Throws<ArgumentException>(() => guided.Fit(g.Docs, g.Embeddings));
        Assert.Contains("'zzqx'", e2.Message);

        var zs = new BERTopic(ZeroShotOptions());
        Assert.Throws<ArgumentException>(() => zs.Fit(g.Docs, g.Embeddings, y: new int[3]));
        var sparse = new CsrMatrix(g.Docs.Length, 1, [.. Enumerable.Range(0, g.Docs.Length + 1)], new int[g.Docs.Length], [.. Enumerable.Repeat(1f, g.Docs.Length)]);
        Assert.Throws<NotSupportedException>(() => zs.Fit(g.Docs, sparse));
        var e3 = Assert.Throws<ArgumentException>(() => new BERTopic(ZeroShotOptions(nrTopics: NrTopics.Of(2))).Fit(g.Docs, g.Embeddings));
        Assert.Contains("must exceed the number of matched zero-shot topics", e3.Message);
    }
}
