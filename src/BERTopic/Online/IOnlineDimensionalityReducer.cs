using BERTopicNet.Reduction;

namespace BERTopicNet.Online;

/// <summary>A dimensionality reducer that learns batch by batch (Python: a <c>umap_model</c> with <c>partial_fit</c>).</summary>
public interface IOnlineDimensionalityReducer : IDimensionalityReducer
{
    /// <summary>Updates the reducer with one more batch of embeddings.</summary>
    /// <param name="embeddings">B × D embeddings.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    void PartialFit(float[,] embeddings, CancellationToken cancellationToken = default);
}
