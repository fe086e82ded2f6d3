namespace BERTopicNet.Hdbscan;

/// <summary>How flat clusters are chosen from the condensed tree.</summary>
public enum ClusterSelectionMethod
{
    /// <summary>Excess of Mass: the most persistent clusters (hdbscan's default, <c>"eom"</c>).</summary>
    Eom,

    /// <summary>The leaves of the condensed cluster tree: many small, homogeneous clusters (<c>"leaf"</c>).</summary>
    Leaf,
}

/// <summary>
/// Settings of <see cref="Hdbscan"/>. Names and defaults follow the Python <c>hdbscan</c> library
/// (McInnes &amp; Healy, 0.8.x); Python BERTopic passes <c>MinClusterSize = 10</c> and keeps prediction data.
/// </summary>
public sealed class HdbscanOptions
{
    /// <summary>Smallest group that counts as a cluster; smaller splits are points falling out. Default 5 (hdbscan's default). At least 2.</summary>
    public int MinClusterSize { get; set; } = 5;

    /// <summary>
    /// Neighbourhood size for core distances, counting the point itself (hdbscan's <c>min_samples</c>); null means
    /// <see cref="MinClusterSize"/>. Larger values make the clustering more conservative (more noise).
    /// </summary>
    public int? MinSamples { get; set; }

    /// <summary>Distance scaling of robust single linkage: mutual reachability uses distance / Alpha. Default 1.0; must be positive.</summary>
    public double Alpha { get; set; } = 1.0;

    /// <summary>Distance below which clusters are not split further (hdbscan's <c>cluster_selection_epsilon</c>). Default 0 (off).</summary>
    public double ClusterSelectionEpsilon { get; set; }

    /// <summary>How flat clusters are chosen. Default <see cref="ClusterSelectionMethod.Eom"/>.</summary>
    public ClusterSelectionMethod ClusterSelectionMethod { get; set; } = ClusterSelectionMethod.Eom;

    /// <summary>Allow the root (all points) to be selected as the one cluster. Default false, as in hdbscan.</summary>
    public bool AllowSingleCluster { get; set; }

    /// <summary>Largest cluster the Excess of Mass selection may return; 0 (the default) means no limit. Ignored by leaf selection.</summary>
    public int MaxClusterSize { get; set; }

    /// <summary>
    /// Keep what <see cref="Hdbscan.ApproximatePredict"/>, <see cref="Hdbscan.MembershipVector"/> and
    /// <see cref="Hdbscan.AllPointsMembershipVectors()"/> need (training points, a search tree, exemplars). Default false.
    /// Those methods build it on first use when it was not kept.
    /// </summary>
    public bool PredictionData { get; set; }

    /// <summary>Upper bound on worker threads; null uses every processor. Results do not depend on it.</summary>
    public int? MaxThreads { get; set; }

    /// <summary>A copy of these options.</summary>
    public HdbscanOptions Clone() => (HdbscanOptions)MemberwiseClone();

    /// <summary>Checks the values and throws an <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (MinClusterSize < 2)
            throw new ArgumentException($"MinClusterSize must be at least 2 (got {MinClusterSize}); use 2 or more.", nameof(MinClusterSize));
        if (MinSamples is < 1)
            throw new ArgumentException($"MinSamples must be at least 1 (got {MinSamples}); use null to take MinClusterSize.", nameof(MinSamples));
        if (!(Alpha > 0) || double.IsInfinity(Alpha))
            throw new ArgumentException($"Alpha must be a positive finite number (got {Alpha}); the usual value is 1.0.", nameof(Alpha));
        if (!(ClusterSelectionEpsilon >= 0) || double.IsInfinity(ClusterSelectionEpsilon))
            throw new ArgumentException($"ClusterSelectionEpsilon must be a finite number >= 0 (got {ClusterSelectionEpsilon}); use 0 to turn it off.", nameof(ClusterSelectionEpsilon));
        if (MaxClusterSize < 0)
            throw new ArgumentException($"MaxClusterSize must be >= 0 (got {MaxClusterSize}); use 0 for no limit.", nameof(MaxClusterSize));
        if (MaxThreads is < 1)
            throw new ArgumentException($"MaxThreads must be at least 1 (got {MaxThreads}); use null for all processors.", nameof(MaxThreads));
        if (!Enum.IsDefined(ClusterSelectionMethod))
            throw new ArgumentException($"ClusterSelectionMethod {ClusterSelectionMethod} is not defined; use Eom or Leaf.", nameof(ClusterSelectionMethod));
    }

    /// <summary>The effective min_samples: <see cref="MinSamples"/> or <see cref="MinClusterSize"/>.</summary>
    internal int EffectiveMinSamples => MinSamples ?? MinClusterSize;
}
