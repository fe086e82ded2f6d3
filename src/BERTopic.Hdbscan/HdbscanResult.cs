namespace BERTopicNet.Hdbscan;

/// <summary>What <see cref="Hdbscan.Fit"/> returns.</summary>
/// <param name="Labels">Cluster of each point, -1 for noise (hdbscan's <c>labels_</c>).</param>
/// <param name="Probabilities">Membership strength of each point in its cluster, in [0, 1]; 0 for noise (<c>probabilities_</c>).</param>
/// <param name="OutlierScores">GLOSH outlier score of each point, in [0, 1]; larger is more outlying (<c>outlier_scores_</c>).</param>
/// <param name="ClusterPersistence">Stability of each cluster scaled to [0, 1] (<c>cluster_persistence_</c>).</param>
public sealed record HdbscanResult(int[] Labels, float[] Probabilities, float[] OutlierScores, float[] ClusterPersistence)
{
    /// <summary>Number of clusters found (labels run from 0 to ClusterCount - 1).</summary>
    public int ClusterCount => ClusterPersistence.Length;
}
