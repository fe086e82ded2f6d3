namespace BERTopicNet;

/// <summary>How <see cref="BERTopic.ReduceOutliers"/> finds a topic for an outlier document.</summary>
public enum OutlierStrategy
{
    /// <summary>The most frequent topic of the document's approximate topic distribution (Python's default).</summary>
    Distributions,

    /// <summary>The most probable topic of the given document × topic probabilities (soft memberships).</summary>
    Probabilities,

    /// <summary>The topic whose c-TF-IDF is most cosine-similar to the document's.</summary>
    CTfidf,

    /// <summary>The topic whose embedding is most cosine-similar to the document's embedding.</summary>
    Embeddings,
}
