using BERTopicNet.Reduction;

namespace BERTopicNet.Benchmarks.Pipeline;

/// <summary>A reducer whose fit returns coordinates computed elsewhere (umap-learn's, for the Python spread over seeds).</summary>
internal sealed class FixedReduction(float[,] coordinates) : IDimensionalityReducer
{
    public float[,] FitTransform(float[,] embeddings, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        embeddings.GetLength(0) == coordinates.GetLength(0)
            ? (float[,])coordinates.Clone()
            : throw new ArgumentException($"The fixed coordinates have {coordinates.GetLength(0)} rows, the embeddings {embeddings.GetLength(0)}.", nameof(embeddings));

    public float[,] Transform(float[,] embeddings, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Fixed coordinates cannot reduce new embeddings.");
}
