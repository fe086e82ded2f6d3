using BERTopicNet.Clustering;
using BERTopicNet.Embedding;
using BERTopicNet.Persistence;
using BERTopicNet.Reduction;

namespace BERTopicNet.Tests.Persistence;

/// <summary>The full pipeline (UMAP + HDBSCAN): Transform gives the same answers after Save and Load.</summary>
public sealed class TransformRoundTripTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("bertopic-transform-");

    public void Dispose() => _root.Delete(recursive: true);

    private sealed class FakeEmbedder : IEmbeddingModel
    {
        public string Name => "fake-embedder";
        public float[,] Embed(IReadOnlyList<string> documents, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the tests pass embeddings");
    }

    private static (List<string> Docs, float[,] Embeddings) Unseen(float[,] train, int count, int seed)
    {
        var rng = new Random(seed);
        int d = train.GetLength(1);
        var e = new float[count, d];
        var docs = new List<string>();
        for (int i = 0; i < count; i++)
        {
            int src = rng.Next(train.GetLength(0));
            for (int j = 0; j < d; j++) e[i, j] = train[src, j] + (float)(rng.NextDouble() - 0.5) * 0.1f;
            docs.Add($"unseen document {i}");
        }
        return (docs, e);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TransformAnswersAreIdenticalAfterLoad(bool calculateProbabilities)
    {
        var (docs, emb, _) = ModelRoundTripTests.Corpus(perTheme: 40);
        var model = new BERTopic(new BERTopicOptions { CalculateProbabilities = calculateProbabilities, EmbeddingModel = new FakeEmbedder(), Seed = 5 });
        var fitted = model.FitTransform(docs, emb);
        Assert.IsType<UmapReducer>(model.Reducer);
        Assert.IsType<HdbscanClusterer>(model.Clusterer);
        Assert.True(model.TopicIds.Count >= 2, "the corpus should give several topics");

        var (newDocs, newEmb) = Unseen(emb, 40, 11);
        var before = model.Transform(newDocs, newEmb);
        string dir = Path.Combine(_root.FullName, "full");
        model.Save(dir);
        Assert.True(File.Exists(Path.Combine(dir, "umap.safetensors")));
        Assert.True(File.Exists(Path.Combine(dir, "hdbscan.safetensors")));

        var loaded = BERTopic.Load(dir);
        Assert.IsType<UmapReducer>(loaded.Reducer);
        Assert.IsType<HdbscanClusterer>(loaded.Clusterer);
        Assert.Equal("fake-embedder", loaded.EmbeddingModel!.Name); // not found locally: kept by name, explained on use
        var after = loaded.Transform(newDocs, newEmb);
        Assert.Equal(before.Topics, after.Topics);
        Assert.Equal(before.Probabilities?.PerDocument, after.Probabilities?.PerDocument);
        Assert.Equal(before.Probabilities?.Matrix, after.Probabilities?.Matrix);

        // Training documents keep their fitted topics and probabilities, before and after.
        var training = loaded.Transform(docs, emb);
        Assert.Equal(fitted.Topics, training.Topics);
        Assert.Equal(fitted.Probabilities?.PerDocument, training.Probabilities?.PerDocument);
        Assert.Equal(fitted.Probabilities?.Matrix, training.Probabilities?.Matrix);
        Assert.Equal(fitted.Probabilities?.Matrix, loaded.Probabilities?.Matrix);
        Assert.Equal(fitted.Probabilities?.PerDocument, loaded.Probabilities?.PerDocument);

        // Without the fitted stages the folder behaves as Python's: cosine similarity to the topic embeddings.
        string slim = Path.Combine(_root.FullName, "slim");
        model.Save(slim, new SaveOptions { SaveFittedStages = false });
        Assert.False(File.Exists(Path.Combine(slim, "umap.safetensors")));
        var cosine = BERTopic.Load(slim);
        Assert.IsType<ManualClusterer>(cosine.Clusterer);
        var python = BERTopic.Load(dir); // same answers as a model whose folder lost its manifest, i.e. Python's reading
        File.Delete(Path.Combine(slim, "bertopic_net.json"));
        var pythonOnly = BERTopic.Load(slim);
        Assert.Equal(cosine.Transform(newDocs, newEmb).Topics, pythonOnly.Transform(newDocs, newEmb).Topics);
        Assert.Equal(python.Transform(newDocs, newEmb).Topics, after.Topics);
    }
}
