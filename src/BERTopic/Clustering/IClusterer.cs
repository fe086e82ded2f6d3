namespace BERTopicNet.Clustering;

/// <summary>
/// Groups reduced embeddings into clusters (Python BERTopic's <c>hdbscan_model</c>). Label -1 marks outliers.
/// </summary>
public interface IClusterer
{
    /// <summary>Fits the clusterer.</summary>
    /// <param name="points">N × d reduced embeddings.</param>
    /// <param name="y">Optional labels given by the user (manual topic modeling); may be ignored.</param>
    /// <param name="progress">Receives the fraction of work done, from 0 to 1.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A label per point (-1 = outlier) and, when available, a membership strength in [0, 1] per point.</returns>
    ClusterAssignment Fit(float[,] points, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Soft membership of every training point in every cluster (N × clusters), or null when the
    /// clusterer cannot provide it.
    /// </summary>
    float[,]? SoftMemberships(CancellationToken cancellationToken = default) => null;

    /// <summary>Assigns new points to the fitted clusters.</summary>
    /// <param name="points">M × d reduced embeddings.</param>
    /// <param name="withMembership">Also compute soft membership vectors (M × clusters).</param>
    /// <exception cref="NotSupportedException">The clusterer cannot predict new points.</exception>
    ClusterPrediction Predict(float[,] points, bool withMembership = false)
        => throw new NotSupportedException($"{GetType().Name} cannot assign new points to clusters.");
}

/// <summary>The result of fitting a clusterer.</summary>
/// <param name="Labels">A cluster per point, -1 for outliers.</param>
/// <param name="Strengths">Membership strength per point in [0, 1], or null when the clusterer has no notion of it
/// (then, as in Python BERTopic, the facade returns no probabilities).</param>
public sealed record ClusterAssignment(int[] Labels, float[]? Strengths);

/// <summary>The result of assigning new points to fitted clusters.</summary>
/// <param name="Labels">A cluster per point, -1 for outliers.</param>
/// <param name="Strengths">Membership strength per point in [0, 1], or null when the clusterer has no notion of it
/// (then Transform returns no probabilities, as Python BERTopic does for clusterers without probabilities).</param>
/// <param name="Memberships">Soft membership per point and cluster (M × clusters), when asked for.</param>
public sealed record ClusterPrediction(int[] Labels, float[]? Strengths, float[,]? Memberships);
