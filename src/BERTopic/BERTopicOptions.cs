using BERTopicNet.Clustering;
using BERTopicNet.Embedding;
using BERTopicNet.Reduction;
using BERTopicNet.Representation;
using BERTopicNet.Vectorizers;
using Microsoft.Extensions.Logging;

namespace BERTopicNet;

/// <summary>
/// Settings of <see cref="BERTopic"/>. Defaults are Python BERTopic 0.17.4's; a stage left null gets BERTopic's
/// default stage (see <see cref="DefaultStages"/>).
/// </summary>
public sealed class BERTopicOptions
{
    /// <summary>
    /// The documents' language. "english" (default) selects the English embedding model and the English cleaning
    /// before c-TF-IDF (characters outside [A-Za-z0-9 ] removed); any other value keeps all characters and selects
    /// the multilingual model.
    /// </summary>
    public string Language { get; init; } = "english";

    /// <summary>Words kept per topic. Default 10.</summary>
    public int TopNWords { get; init; } = 10;

    /// <summary>N-gram range of the default vectorizer (ignored when <see cref="VectorizerModel"/> is set). Default (1, 1).</summary>
    public NGramRange NGramRange { get; init; } = NGramRange.Unigrams;

    /// <summary>Minimum topic size: the default clusterer's <c>min_cluster_size</c>. Default 10.</summary>
    public int MinTopicSize { get; init; } = 10;

    /// <summary>Reduce the topics after clustering to this number, or automatically. Default null: no reduction.</summary>
    public NrTopics? NrTopics { get; init; }

    /// <summary>
    /// Return a document × topic matrix of soft memberships instead of one membership strength per document.
    /// Default false.
    /// </summary>
    public bool CalculateProbabilities { get; init; }

    /// <summary>
    /// Seed of every random step (UMAP, sampling of representative documents). Default 42, the value Python
    /// BERTopic uses for its sampling; results are identical for a seed on any thread count.
    /// </summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// Guided topic modeling (Python's <c>seed_topic_list</c>): one list of seed words per topic to converge around.
    /// Each list is embedded (its words joined by spaces) with the embedding model; a document closer to a seed topic
    /// than to the mean document is nudged toward it (¾ document + ¼ seed topic) and labelled with it for the reducer;
    /// the seed words' idf is multiplied by 1.2 in c-TF-IDF. Default null: not guided.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>>? SeedTopicList { get; init; }

    /// <summary>
    /// Zero-shot topic modeling (Python's <c>zeroshot_topic_list</c>): topic labels that documents may be assigned to.
    /// A document whose embedding has cosine similarity ≥ <see cref="ZeroShotMinSimilarity"/> to a label's embedding
    /// goes to that label's topic; the others are clustered; the zero-shot topics come first (ids 0, 1, … in list
    /// order) and keep the label as their <see cref="BERTopic.TopicLabels">topic label</see>. Default null: none.
    /// </summary>
    public IReadOnlyList<string>? ZeroShotTopicList { get; init; }

    /// <summary>The cosine similarity a document needs to a zero-shot label to be assigned to it. Default 0.7.</summary>
    public double ZeroShotMinSimilarity { get; init; } = 0.7;

    /// <summary>Embeds documents. Null: the default sentence-embedding model for <see cref="Language"/>.</summary>
    public IEmbeddingModel? EmbeddingModel { get; init; }

    /// <summary>Reduces the embeddings. Null: UMAP (15 neighbours, 5 components, min_dist 0, cosine).
    /// Use <see cref="NoDimensionalityReduction"/> to skip the step.</summary>
    public IDimensionalityReducer? UmapModel { get; init; }

    /// <summary>Clusters the reduced embeddings. Null: HDBSCAN (min cluster size <see cref="MinTopicSize"/>, eom).
    /// Use <see cref="ManualClusterer"/> to take the labels y passed to Fit.</summary>
    public IClusterer? HdbscanModel { get; init; }

    /// <summary>Counts the words of each topic. Null: <see cref="CountVectorizer"/> with <see cref="NGramRange"/>.</summary>
    public IVectorizer? VectorizerModel { get; init; }

    /// <summary>Weights the counts. Null: <see cref="ClassTfidfTransformer"/> with default options.</summary>
    public ClassTfidfTransformer? CtfidfModel { get; init; }

    /// <summary>Fine-tunes the topic words after c-TF-IDF (e.g. <see cref="MaximalMarginalRelevance"/> or <see cref="KeyBertInspired"/>). Null: none.</summary>
    public IRepresentationModel? RepresentationModel { get; init; }

    /// <summary>Receives one message per stage. Null: no logging.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>True when <see cref="Language"/> is English (case-insensitive).</summary>
    internal bool IsEnglish => string.Equals(Language, "english", StringComparison.OrdinalIgnoreCase);

    internal void Validate()
    {
        if (Language is null) throw new ArgumentException("Language must not be null; use \"english\" or another language name.", "options");
        if (TopNWords < 1) throw new ArgumentException($"TopNWords must be at least 1, not {TopNWords}.", "options");
        if (MinTopicSize < 2) throw new ArgumentException($"MinTopicSize must be at least 2, not {MinTopicSize}.", "options");
        NGramRange.Validate("options");
        if (SeedTopicList is { } seeds)
        {
            if (seeds.Count == 0) throw new ArgumentException("SeedTopicList is empty; give at least one list of seed words, or leave it null.", "options");
            for (int i = 0; i < seeds.Count; i++)
            {
                if (seeds[i] is null || seeds[i].Count == 0)
                    throw new ArgumentException($"SeedTopicList[{i}] is {(seeds[i] is null ? "null" : "empty")}; every seed topic needs at least one word.", "options");
                for (int j = 0; j < seeds[i].Count; j++)
                    if (string.IsNullOrWhiteSpace(seeds[i][j]))
                        throw new ArgumentException($"SeedTopicList[{i}][{j}] is null or blank; seed words must be non-empty.", "options");
            }
        }
        if (ZeroShotTopicList is { } labels)
        {
            if (labels.Count == 0) throw new ArgumentException("ZeroShotTopicList is empty; give at least one topic label, or leave it null.", "options");
            for (int i = 0; i < labels.Count; i++)
                if (string.IsNullOrWhiteSpace(labels[i]))
                    throw new ArgumentException($"ZeroShotTopicList[{i}] is null or blank; every zero-shot topic needs a label.", "options");
            if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
                throw new ArgumentException("ZeroShotTopicList holds the same label twice; give each zero-shot topic once.", "options");
        }
        if (!(ZeroShotMinSimilarity >= -1 && ZeroShotMinSimilarity <= 1))
            throw new ArgumentException($"ZeroShotMinSimilarity must be a cosine similarity in [-1, 1], not {ZeroShotMinSimilarity}.", "options");
    }
}
