namespace BERTopicNet;

/// <summary>A topic and its similarity to a query (a row of <see cref="BERTopic.FindTopics(string, int, CancellationToken)"/>).</summary>
/// <param name="Topic">The topic id (-1 = the outlier topic, which Python also ranks).</param>
/// <param name="Similarity">Cosine similarity between the query's embedding and the topic embedding.</param>
public readonly record struct TopicSimilarity(int Topic, double Similarity);
