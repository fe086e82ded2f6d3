namespace BERTopicNet.Analysis;

/// <summary>The linkage criteria of SciPy's <c>scipy.cluster.hierarchy.linkage</c> that <see cref="HierarchicalClustering"/> implements.</summary>
public enum ClusterLinkage
{
    /// <summary>Nearest point (SciPy's minimum-spanning-tree algorithm).</summary>
    Single,

    /// <summary>Farthest point.</summary>
    Complete,

    /// <summary>UPGMA: the mean distance between the clusters' points.</summary>
    Average,

    /// <summary>WPGMA: the mean of the two merged clusters' distances.</summary>
    Weighted,

    /// <summary>Ward's minimum variance (BERTopic's default for <c>hierarchical_topics</c>).</summary>
    Ward,
}
