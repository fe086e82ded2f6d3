using System.Text.Json;
using BERTopicNet.Evaluation;
using BERTopicNet.IO;
using BERTopicNet.Reduction;
using BERTopicNet.Testing;
using BERTopicNet.Umap;

namespace BERTopicNet.Tests.Goldens;

/// <summary>Runs only where ../shared/data and the golden file written by make_steering_shared.py under /work/shared-goldens exist.</summary>
public sealed class SharedGoldenFactAttribute : FactAttribute
{
    public const string Folder = "/work/shared-goldens";

    public SharedGoldenFactAttribute(string file)
    {
        if (!SharedData.Available || !File.Exists(Path.Combine(Folder, file)))
            Skip = $"Skipped: needs ../shared/data and {Folder}/{file} (written by tests/BERTopic.Tests/Goldens/make_steering_shared.py).";
    }
}

/// <summary>
/// Zero-shot and guided fits on 20 Newsgroups against Python BERTopic 0.17.4, both given Python's UMAP output
/// (reference/20newsgroups/umap5.npy) and our encoder's label and seed vectors.
/// </summary>
public class SteeringSharedGoldenTests
{
    private sealed class Precomputed(float[,] reduced) : IDimensionalityReducer
    {
        public float[,] FitTransform(float[,] embeddings, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
            (float[,])reduced.Clone();

        public float[,] Transform(float[,] embeddings, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("Only the fit is replayed.");
    }

    private static (BERTopic Model, JsonElement Expected) Fit(string mode)
    {
        var golden = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedGoldenFactAttribute.Folder, "steering_20newsgroups.json"))).RootElement;
        var labels = golden.GetProperty("labels").EnumerateArray().Select(e => e.GetString()!).ToArray();
        IReadOnlyList<IReadOnlyList<string>> seeds = [.. golden.GetProperty("seeds").EnumerateArray().Select(s => (IReadOnlyList<string>)[.. s.EnumerateArray().Select(e => e.GetString()!)])];
        var vectors = SteeringGolden.Matrix(golden.GetProperty("vectors"));
        var texts = labels.Concat(seeds.Select(s => string.Join(' ', s))).ToArray();
        var lookup = texts.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => Enumerable.Range(0, vectors.GetLength(1)).Select(j => vectors[p.i, j]).ToArray());
        var docs = JsonlCorpus.ReadTexts(SharedData.PathOf("20newsgroups", "docs.jsonl"));
        var embeddings = Npy.ReadMatrix(SharedData.PathOf("20newsgroups", "embeddings.npy"));
        var umap5 = Npy.ReadMatrix(SharedData.PathOf("reference", "20newsgroups", "umap5.npy"));
        var model = new BERTopic(new BERTopicOptions
        {
            // Python sets language = None when an embedding model is passed, which turns off its English character
            // cleaning before c-TF-IDF; a non-English language does the same here.
            Language = "multilingual",
            EmbeddingModel = new LookupEmbedder(lookup),
            UmapModel = new Precomputed(umap5),
            ZeroShotTopicList = mode == "zeroshot" ? labels : null,
            ZeroShotMinSimilarity = golden.GetProperty("zeroshot_min_similarity").GetDouble(),
            SeedTopicList = mode == "guided" ? seeds : null,
        });
        model.Fit(docs, embeddings);
        return (model, golden.GetProperty(mode));
    }

    [SharedGoldenFact("steering_20newsgroups.json")]
    public void ZeroShotEqualsPython() => AssertSame(Fit("zeroshot"));

    [SharedGoldenFact("steering_20newsgroups.json")]
    public void GuidedEqualsPython() => AssertSame(Fit("guided"));

    private static void AssertSame((BERTopic Model, JsonElement Expected) fit)
    {
        var (model, expected) = fit;
        var topics = expected.GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRandIndex(topics, [.. model.DocumentTopics]), 12);
        Assert.Equal(topics, model.DocumentTopics);
        int wordsDiffer = 0;
        foreach (var topic in expected.GetProperty("topic_words").EnumerateObject())
        {
            var ours = model.GetTopic(int.Parse(topic.Name))!.Select(w => w.Word).ToArray();
            var theirs = topic.Value.EnumerateArray().Select(w => w[0].GetString()!).ToArray();
            if (!ours.SequenceEqual(theirs)) wordsDiffer++;
        }
        Assert.Equal(0, wordsDiffer);
        foreach (var label in expected.GetProperty("topic_labels").EnumerateObject())
            Assert.Equal(label.Value.GetString(), model.TopicLabels[int.Parse(label.Name)]);
    }
}
