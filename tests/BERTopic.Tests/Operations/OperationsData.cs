using System.Text.Json;
using BERTopicNet.Clustering;
using BERTopicNet.Embedding;
using BERTopicNet.IO;
using BERTopicNet.Reduction;
using BERTopicNet.Testing;

namespace BERTopicNet.Tests.Operations;

/// <summary>Models shared by the topic-operation tests (built once, read-only afterwards).</summary>
internal static class OperationsData
{
    /// <summary>The generated corpus (three themes + outliers) with manual topics and toy 4-d embeddings.</summary>
    public static (BERTopic Model, string[] Docs, int[] Topics, float[,] Embeddings) Manual(IEmbeddingModel? embeddingModel = null)
    {
        var (docs, labels, emb) = TestCorpus.Create([6, 14, 9], noise: 3);
        var model = new BERTopic(new BERTopicOptions
        {
            UmapModel = new NoDimensionalityReduction(),
            HdbscanModel = new ManualClusterer(),
            EmbeddingModel = embeddingModel,
        });
        var (topics, _) = model.FitTransform(docs, emb, labels);
        return (model, docs, topics, emb);
    }

    /// <summary>The topic of each theme in <see cref="Manual"/> (themes renumbered by size: 14 → 0, 9 → 1, 6 → 2).</summary>
    public static readonly int[] ThemeTopic = [2, 0, 1];

    private static readonly Lazy<(List<string> Docs, string[] Labels, float[,] Embeddings, int[] PythonTopics)> BbcData = new(() =>
    {
        var corpus = JsonlCorpus.Read(SharedData.PathOf("bbc_news", "docs.jsonl"));
        var embeddings = Npy.ReadMatrix(SharedData.PathOf("bbc_news", "embeddings.npy"));
        using var reference = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("reference", "bbc_news", "bertopic.json")));
        var topics = reference.RootElement.GetProperty("fit").GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        return (corpus.ConvertAll(d => d.Text), [.. corpus.Select(d => d.Label!)], embeddings, topics);
    });

    /// <summary>bbc_news (2,225 docs): texts, gold labels, MiniLM embeddings, Python BERTopic 0.17.4's fitted topics.</summary>
    public static (List<string> Docs, string[] Labels, float[,] Embeddings, int[] PythonTopics) Bbc => BbcData.Value;

    private static readonly Lazy<BERTopic> BbcReplayModel = new(() =>
    {
        var (docs, _, embeddings, pythonTopics) = Bbc;
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });
        model.FitTransform(docs, embeddings, pythonTopics);
        return model;
    });

    /// <summary>bbc_news fitted with Python's topic assignment (448 outliers, 37 topics): real topics at c-TF-IDF cost only.</summary>
    public static BERTopic BbcReplay => BbcReplayModel.Value;

    private static readonly Lazy<(BERTopic Model, List<string> Docs, string[] Labels, float[,] Embeddings, TopicModelResult Result)> BbcPipelineModel = new(() =>
    {
        var (allDocs, allLabels, allEmbeddings, _) = Bbc;
        var rows = Enumerable.Range(0, allDocs.Count).Where(i => i % 4 == 0).ToArray();
        var docs = rows.Select(i => allDocs[i]).ToList();
        var labels = rows.Select(i => allLabels[i]).ToArray();
        var embeddings = new float[rows.Length, allEmbeddings.GetLength(1)];
        for (int r = 0; r < rows.Length; r++)
            for (int j = 0; j < embeddings.GetLength(1); j++) embeddings[r, j] = allEmbeddings[rows[r], j];
        var model = new BERTopic(new BERTopicOptions { CalculateProbabilities = true });
        var result = model.FitTransform(docs, embeddings);
        return (model, docs, labels, embeddings, result);
    });

    /// <summary>
    /// A quarter of bbc_news (557 docs) fitted with the default UMAP + HDBSCAN stages and soft probabilities (on this
    /// slice HDBSCAN currently finds six clean clusters and no outliers).
    /// </summary>
    public static (BERTopic Model, List<string> Docs, string[] Labels, float[,] Embeddings, TopicModelResult Result) BbcPipeline => BbcPipelineModel.Value;

    private static readonly Lazy<(BERTopic Model, TopicModelResult Result)> BbcHdbscanModel = new(() =>
    {
        var (docs, _, _, _) = Bbc;
        var umap5 = Npy.ReadMatrix(SharedData.PathOf("reference", "bbc_news", "umap5.npy"));
        var model = new BERTopic(new BERTopicOptions { CalculateProbabilities = true, UmapModel = new NoDimensionalityReduction() });
        var result = model.FitTransform(docs, umap5);
        return (model, result);
    });

    /// <summary>
    /// All of bbc_news clustered by the default HDBSCAN (soft probabilities on) on Python's own 5-d UMAP output, so the
    /// partition has Python's outliers; "embeddings" (and topic embeddings) are those 5-d points.
    /// </summary>
    public static (BERTopic Model, TopicModelResult Result) BbcHdbscan => BbcHdbscanModel.Value;
}

/// <summary>
/// A toy embedding model for the generated corpus: one axis per theme (counts of its words) plus a fourth axis for
/// anything else, so a query made of one theme's words lands on that theme's topic embedding.
/// </summary>
internal sealed class ThemeEmbeddingModel : IEmbeddingModel
{
    public string Name => "theme-axes";

    public int Calls { get; private set; }

    public float[,] Embed(IReadOnlyList<string> documents, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        var result = new float[documents.Count, 4];
        for (int i = 0; i < documents.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool any = false;
            foreach (var word in documents[i].ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                for (int t = 0; t < TestCorpus.Themes.Length; t++)
                    if (TestCorpus.Themes[t].Contains(word.Trim('.', ':'))) { result[i, t] += 1; any = true; }
            if (!any) result[i, 3] = 1;
        }
        progress?.Report(1);
        return result;
    }
}

/// <summary>Collects progress reports synchronously.</summary>
internal sealed class RecordingProgress : IProgress<BERTopicProgress>
{
    private readonly List<BERTopicProgress> _reports = [];

    public IReadOnlyList<BERTopicProgress> Reports { get { lock (_reports) return [.. _reports]; } }

    public void Report(BERTopicProgress value) { lock (_reports) _reports.Add(value); }
}
