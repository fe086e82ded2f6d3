using BERTopicNet.Clustering;
using BERTopicNet.Embedding;
using BERTopicNet.Reduction;

namespace BERTopicNet;

/// <summary>
/// Creates the stages <see cref="BERTopic"/> uses when <see cref="BERTopicOptions"/> leaves one null
/// (Python BERTopic's defaults: sentence-transformers model, UMAP, HDBSCAN).
/// </summary>
public static class DefaultStages
{
    /// <summary>The default embedding model for <see cref="BERTopicOptions.Language"/>.</summary>
    /// <exception cref="InvalidOperationException">The model for the language is not available locally (the message says where it was looked for).</exception>
    public static IEmbeddingModel CreateEmbeddingModel(BERTopicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return EmbeddingModels.ForLanguage(options.Language);
    }

    /// <summary>The default dimensionality reducer (UMAP: 15 neighbours, 5 components, min_dist 0, cosine, seeded).</summary>
    public static IDimensionalityReducer CreateReducer(BERTopicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new UmapReducer(UmapReducer.BERTopicDefaults(options.Seed));
    }

    /// <summary>The default clusterer (HDBSCAN, min cluster size = <see cref="BERTopicOptions.MinTopicSize"/>, eom).</summary>
    public static IClusterer CreateClusterer(BERTopicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HdbscanClusterer(HdbscanClusterer.BERTopicDefaults(options.MinTopicSize));
    }

    /// <summary>
    /// The clusterer of automatic topic reduction (<c>nr_topics="auto"</c>): HDBSCAN with min cluster size 2, euclidean,
    /// eom, run on the L2-normalised topic embeddings.
    /// </summary>
    public static IClusterer CreateAutoReductionClusterer(BERTopicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HdbscanClusterer(HdbscanClusterer.BERTopicDefaults(minTopicSize: 2));
    }
}
