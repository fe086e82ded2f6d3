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
    /// <exception cref="InvalidOperationException">No default embedding model is available in this build.</exception>
    public static IEmbeddingModel CreateEmbeddingModel(BERTopicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        throw new InvalidOperationException(
            "The default embedding model is not available in this build. Pass precomputed embeddings to Fit/FitTransform, " +
            "or set BERTopicOptions.EmbeddingModel.");
    }

    /// <summary>The default dimensionality reducer (UMAP: 15 neighbours, 5 components, min_dist 0, cosine, seeded).</summary>
    /// <exception cref="InvalidOperationException">The default reducer is not available in this build.</exception>
    public static IDimensionalityReducer CreateReducer(BERTopicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        throw new InvalidOperationException(
            "The default dimensionality reducer (UMAP) is not available in this build. Set BERTopicOptions.UmapModel, " +
            "e.g. to new NoDimensionalityReduction().");
    }

    /// <summary>The default clusterer (HDBSCAN, min cluster size = <see cref="BERTopicOptions.MinTopicSize"/>, eom).</summary>
    /// <exception cref="InvalidOperationException">The default clusterer is not available in this build.</exception>
    public static IClusterer CreateClusterer(BERTopicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        throw new InvalidOperationException(
            "The default clusterer (HDBSCAN) is not available in this build. Set BERTopicOptions.HdbscanModel, " +
            "e.g. to new ManualClusterer() and pass your labels as y.");
    }

    /// <summary>
    /// The clusterer of automatic topic reduction (<c>nr_topics="auto"</c>): HDBSCAN with min cluster size 2, euclidean,
    /// eom, run on the L2-normalised topic embeddings.
    /// </summary>
    /// <exception cref="InvalidOperationException">HDBSCAN is not available in this build.</exception>
    public static IClusterer CreateAutoReductionClusterer(BERTopicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        throw new InvalidOperationException(
            "Automatic topic reduction needs HDBSCAN, which is not available in this build. Reduce to a number of topics instead.");
    }
}
