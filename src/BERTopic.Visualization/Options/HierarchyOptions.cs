using BERTopicNet.Visualization.Layout;

namespace BERTopicNet.Visualization;

/// <summary>Options of the topic dendrogram (Python's <c>visualize_hierarchy</c>).</summary>
public sealed class HierarchyOptions : ChartOptions
{
    /// <summary>The topics to show. Default null: all topics except -1.</summary>
    public IReadOnlyList<int>? Topics { get; set; }

    /// <summary>Show only the N most frequent topics (ignored when <see cref="Topics"/> is set). Default null: all.</summary>
    public int? TopN { get; set; }

    /// <summary>Cluster the c-TF-IDF rows (true) or the topic embeddings (false). Default true, as 0.17.4; embeddings are used when the c-TF-IDF matrix is absent.</summary>
    public bool UseCTfIdf { get; set; } = true;

    /// <summary>The linkage (distances are 1 − cosine similarity). Default <see cref="LinkageMethod.Ward"/>, as 0.17.4's <c>hierarchical_topics</c>.</summary>
    public LinkageMethod Linkage { get; set; } = LinkageMethod.Ward;

    /// <summary>Links merged below this distance are coloured by cluster. Default 1, as Python.</summary>
    public double ColorThreshold { get; set; } = 1.0;
}
