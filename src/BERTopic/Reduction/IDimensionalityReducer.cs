using BERTopicNet.Umap;

namespace BERTopicNet.Reduction;

/// <summary>
/// Reduces document embeddings to a few dimensions before clustering (Python BERTopic's <c>umap_model</c>).
/// </summary>
public interface IDimensionalityReducer
{
    /// <summary>Fits the reducer on dense embeddings and returns their reduced form (N × d).</summary>
    /// <param name="embeddings">N × D embeddings.</param>
    /// <param name="y">Optional class per row (supervised / guided modeling); -1 = unknown.</param>
    /// <param name="progress">Receives the fraction of work done, from 0 to 1.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    float[,] FitTransform(float[,] embeddings, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Fits the reducer on sparse embeddings (e.g. a TF-IDF matrix) and returns their reduced form.</summary>
    /// <exception cref="NotSupportedException">The reducer does not accept sparse input.</exception>
    float[,] FitTransform(CsrMatrix embeddings, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException($"{GetType().Name} does not accept sparse embeddings; densify them or use UmapReducer.");

    /// <summary>Reduces new embeddings with the fitted reducer.</summary>
    float[,] Transform(float[,] embeddings, CancellationToken cancellationToken = default);

    /// <summary>Reduces new sparse embeddings with the fitted reducer.</summary>
    /// <exception cref="NotSupportedException">The reducer does not accept sparse input.</exception>
    float[,] Transform(CsrMatrix embeddings, CancellationToken cancellationToken = default)
        => throw new NotSupportedException($"{GetType().Name} does not accept sparse embeddings.");
}
