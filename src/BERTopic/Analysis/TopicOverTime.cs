namespace BERTopicNet.Analysis;

/// <summary>One row of <see cref="BERTopic.TopicsOverTime(IReadOnlyList{string}, IReadOnlyList{DateTime}, TopicsOverTimeOptions?, CancellationToken)"/> (Python's <c>topics_over_time</c> data frame).</summary>
/// <param name="Topic">The topic id.</param>
/// <param name="Words">Its top five words at this time, joined by ", ".</param>
/// <param name="Frequency">The number of the topic's documents at this time.</param>
/// <param name="Timestamp">The time: the document timestamp, or the left edge of its bin when binning.</param>
public sealed record TopicOverTime(int Topic, string Words, int Frequency, DateTime Timestamp);
