using BERTopicNet.Umap;

namespace BERTopicNet.Reduction;

/// <summary>
/// The identity reducer (Python BERTopic's <c>BaseDimensionalityReduction</c>): passes the embeddings through
/// unchanged, for clustering on the full embeddings or for manual topic modeling with given labels.
/// </summary>
public sealed class NoDimensionalityReduction : IDimensionalityReducer
{
    /// <summary>Returns <paramref name="embeddings"/> itself (not a copy).</summary>
    public float[,] FitTransform(float[,] embeddings, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        progress?.Report(1);
        return embeddings;
    }

    /// <summary>Returns the dense form of <paramref name="embeddings"/>.</summary>
    public float[,] FitTransform(CsrMatrix embeddings, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        var dense = embeddings.ToDense();
        progress?.Report(1);
        return dense;
    }

    /// <summary>Returns <paramref name="embeddings"/> itself.</summary>
    public float[,] Transform(float[,] embeddings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        return embeddings;
    }

    /// <summary>Returns the dense form of <paramref name="embeddings"/>.</summary>
    public float[,] Transform(CsrMatrix embeddings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        return embeddings.ToDense();
    }
}
