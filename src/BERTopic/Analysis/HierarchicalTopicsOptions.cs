using BERTopicNet.Vectorizers;

namespace BERTopicNet.Analysis;

/// <summary>Settings of <see cref="BERTopic.HierarchicalTopics"/>; the defaults are BERTopic 0.17.4's.</summary>
public sealed class HierarchicalTopicsOptions
{
    /// <summary>Measure distances between the topics' c-TF-IDF rows (default); false: between their topic embeddings.</summary>
    public bool UseCTfidf { get; init; } = true;

    /// <summary>
    /// The distances between the topics (one row per topic, outliers excluded): either a square matrix (n × n,
    /// row-major; its diagonal is set to 0) or SciPy's condensed form (n(n−1)/2 values). Null: 1 − cosine similarity
    /// (<see cref="TopicDistances.CosineDistance"/>).
    /// </summary>
    public Func<TermWeightMatrix, double[]>? DistanceFunction { get; init; }

    /// <summary>
    /// The linkage of the topics from the condensed distances and their number. Null: Ward linkage with optimal leaf
    /// ordering, as <c>scipy.cluster.hierarchy.linkage(x, "ward", optimal_ordering=True)</c>.
    /// </summary>
    public Func<double[], int, LinkageRow[]>? LinkageFunction { get; init; }
}
