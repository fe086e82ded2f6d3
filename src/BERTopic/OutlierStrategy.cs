namespace BERTopicNet;

/// <summary>How <see cref="BERTopic.ReduceOutliers"/> picks a topic for an outlier document (Python's <c>strategy</c>).</summary>
public enum OutlierStrategy
{
    /// <summary>
    /// The topic with the largest share of the document's <see cref="BERTopic.ApproximateDistribution(IReadOnlyList{string}, ApproximateDistributionOptions, IProgress{BERTopicProgress}, CancellationToken)"/>
    /// (threshold = its minimum similarity). Python's default, "distributions".
    /// </summary>
    Distributions,

    /// <summary>The topic of highest soft-clustering probability, if at least the threshold ("probabilities"; needs a document × topic matrix).</summary>
    Probabilities,

    /// <summary>The topic whose c-TF-IDF is most cosine-similar to the document's ("c-tf-idf").</summary>
    CTfidf,

    /// <summary>The topic whose embedding is most cosine-similar to the document's embedding ("embeddings").</summary>
    Embeddings,
}
