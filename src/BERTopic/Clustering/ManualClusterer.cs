namespace BERTopicNet.Clustering;

/// <summary>
/// The clusterer of manual topic modeling (Python BERTopic's <c>BaseCluster</c>): the clusters are the labels
/// <c>y</c> the user passes to <c>Fit</c> (-1 = outlier). It gives no membership strengths, so the facade returns
/// no probabilities, as Python does.
/// </summary>
public sealed class ManualClusterer : IClusterer
{
    /// <summary>Returns <paramref name="y"/> as the cluster labels.</summary>
    /// <exception cref="ArgumentException"><paramref name="y"/> is missing, of the wrong length, or holds a label below -1.</exception>
    public ClusterAssignment Fit(float[,] points, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (y is null)
            throw new ArgumentException("ManualClusterer takes its clusters from the labels y: pass y (one topic per document) to Fit/FitTransform, or use a real clusterer.", nameof(y));
        if (y.Length != points.GetLength(0))
            throw new ArgumentException($"y has {y.Length} labels but there are {points.GetLength(0)} documents; give one label per document.", nameof(y));
        for (int i = 0; i < y.Length; i++)
            if (y[i] < -1)
                throw new ArgumentException($"y[{i}] is {y[i]}; labels must be -1 (outlier) or a topic id >= 0.", nameof(y));
        progress?.Report(1);
        return new ClusterAssignment((int[])y.Clone(), null);
    }
}
