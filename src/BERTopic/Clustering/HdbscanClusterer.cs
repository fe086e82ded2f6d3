using BERTopicNet.Hdbscan;

namespace BERTopicNet.Clustering;

/// <summary>
/// The default clusterer: our HDBSCAN (<see cref="Hdbscan.Hdbscan"/>) behind <see cref="IClusterer"/>, with prediction
/// data kept so that new documents can be assigned (approximate_predict) and soft memberships computed.
/// </summary>
public sealed class HdbscanClusterer : IClusterer
{
    /// <summary>Wraps a new HDBSCAN with the given options (BERTopic's defaults when null). Prediction data is always kept.</summary>
    public HdbscanClusterer(HdbscanOptions? options = null)
    {
        var o = options?.Clone() ?? BERTopicDefaults();
        o.PredictionData = true;
        Model = new Hdbscan.Hdbscan(o);
    }

    /// <summary>Wraps an existing HDBSCAN instance, fitted or not (e.g. one restored by <see cref="Hdbscan.Hdbscan.FromState"/>).</summary>
    public HdbscanClusterer(Hdbscan.Hdbscan model) => Model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>The wrapped HDBSCAN.</summary>
    public Hdbscan.Hdbscan Model { get; }

    /// <summary>BERTopic 0.17.4's HDBSCAN settings: min_cluster_size = <paramref name="minTopicSize"/>, euclidean, eom, prediction data.</summary>
    public static HdbscanOptions BERTopicDefaults(int minTopicSize = 10) => new()
    {
        MinClusterSize = minTopicSize,
        ClusterSelectionMethod = ClusterSelectionMethod.Eom,
        PredictionData = true,
    };

    /// <inheritdoc />
    public ClusterAssignment Fit(float[,] points, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var result = Model.Fit(points, progress, cancellationToken);
        return new ClusterAssignment(result.Labels, result.Probabilities);
    }

    /// <inheritdoc />
    public float[,]? SoftMemberships(CancellationToken cancellationToken = default) =>
        Model.ClusterCount == 0 ? null : Model.AllPointsMembershipVectors(null, cancellationToken);

    /// <inheritdoc />
    public ClusterPrediction Predict(float[,] points, bool withMembership = false)
    {
        var (labels, strengths) = Model.ApproximatePredict(points);
        return new ClusterPrediction(labels, strengths, withMembership && Model.ClusterCount > 0 ? Model.MembershipVector(points) : null);
    }
}
