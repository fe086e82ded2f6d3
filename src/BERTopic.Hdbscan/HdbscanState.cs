namespace BERTopicNet.Hdbscan;

/// <summary>
/// Everything a fitted <see cref="Hdbscan"/> needs to predict, as plain arrays and scalars so that it can be written
/// to any container (safetensors, JSON, ...). <see cref="Hdbscan.FromState"/> restores a model whose predictions
/// equal the original's. Version 1.
/// </summary>
public sealed class HdbscanState
{
    /// <summary>Format version of this state (currently 1).</summary>
    public int Version { get; set; } = 1;

    /// <summary>MinClusterSize used for the fit.</summary>
    public int MinClusterSize { get; set; }

    /// <summary>Effective min_samples used for the fit.</summary>
    public int MinSamples { get; set; }

    /// <summary>Alpha used for the fit.</summary>
    public double Alpha { get; set; }

    /// <summary>ClusterSelectionEpsilon used for the fit.</summary>
    public double ClusterSelectionEpsilon { get; set; }

    /// <summary>Cluster selection method used for the fit: 0 = Eom, 1 = Leaf.</summary>
    public int ClusterSelectionMethod { get; set; }

    /// <summary>AllowSingleCluster used for the fit.</summary>
    public bool AllowSingleCluster { get; set; }

    /// <summary>MaxClusterSize used for the fit.</summary>
    public int MaxClusterSize { get; set; }

    /// <summary>Number of training points.</summary>
    public int PointCount { get; set; }

    /// <summary>Dimensions of the training points.</summary>
    public int Dimensions { get; set; }

    /// <summary>Training points, row-major (PointCount × Dimensions).</summary>
    public float[] Points { get; set; } = [];

    /// <summary>Condensed tree: parent cluster of each row.</summary>
    public int[] TreeParent { get; set; } = [];

    /// <summary>Condensed tree: child (point or cluster) of each row.</summary>
    public int[] TreeChild { get; set; } = [];

    /// <summary>Condensed tree: lambda of each row.</summary>
    public double[] TreeLambda { get; set; } = [];

    /// <summary>Condensed tree: child size of each row.</summary>
    public int[] TreeChildSize { get; set; } = [];

    /// <summary>Selected cluster ids of the condensed tree, ascending (label i = SelectedClusters[i]).</summary>
    public int[] SelectedClusters { get; set; } = [];

    /// <summary>Labels of the training points.</summary>
    public int[] Labels { get; set; } = [];

    /// <summary>Membership strengths of the training points.</summary>
    public float[] Probabilities { get; set; } = [];

    /// <summary>GLOSH outlier scores of the training points.</summary>
    public float[] OutlierScores { get; set; } = [];

    /// <summary>Persistence of each cluster.</summary>
    public float[] ClusterPersistence { get; set; } = [];

    /// <summary>Core distances used by prediction (distance to the MinSamples-th neighbour, counting the point).</summary>
    public double[] PredictionCoreDistances { get; set; } = [];
}
