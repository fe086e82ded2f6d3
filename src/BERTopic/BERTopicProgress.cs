namespace BERTopicNet;

/// <summary>Progress of a long <see cref="BERTopic"/> operation: the current stage and the fraction of it done.</summary>
/// <param name="Stage">The stage: one of the <see cref="BERTopicStages"/> names.</param>
/// <param name="Fraction">The fraction of the stage done, from 0 to 1.</param>
public readonly record struct BERTopicProgress(string Stage, double Fraction);

/// <summary>The stage names reported through <see cref="BERTopicProgress"/> and the logger.</summary>
public static class BERTopicStages
{
    /// <summary>Embedding the documents.</summary>
    public const string Embedding = "embedding";

    /// <summary>Reducing the embeddings' dimensionality (UMAP by default).</summary>
    public const string Reduction = "reduction";

    /// <summary>Clustering the reduced embeddings (HDBSCAN by default).</summary>
    public const string Clustering = "clustering";

    /// <summary>Soft cluster memberships (when probabilities are asked for).</summary>
    public const string Probabilities = "probabilities";

    /// <summary>Counting words and computing c-TF-IDF and the topic words.</summary>
    public const string Representation = "representation";

    /// <summary>Merging topics down to <see cref="BERTopicOptions.NrTopics"/>.</summary>
    public const string TopicReduction = "topic-reduction";

    /// <summary>Choosing the representative documents of each topic.</summary>
    public const string RepresentativeDocuments = "representative-documents";

    /// <summary>Approximating topic distributions over token windows (ApproximateDistribution).</summary>
    public const string Distribution = "distribution";

    /// <summary>Reassigning outlier documents (ReduceOutliers).</summary>
    public const string Outliers = "outliers";
}
