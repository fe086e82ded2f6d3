using BERTopicNet.Clustering;

namespace BERTopicNet.Online;

/// <summary>A clusterer that learns batch by batch (Python: an <c>hdbscan_model</c> with <c>partial_fit</c>).</summary>
public interface IOnlineClusterer : IClusterer
{
    /// <summary>Updates the clusters with one more batch and returns the batch's cluster labels.</summary>
    /// <param name="points">B × d reduced embeddings.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    int[] PartialFit(float[,] points, CancellationToken cancellationToken = default);
}
