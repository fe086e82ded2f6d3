namespace BERTopicNet.Analysis;

/// <summary>One row of <see cref="BERTopic.TopicsPerClass"/> (Python's <c>topics_per_class</c> data frame).</summary>
/// <param name="Topic">The topic id.</param>
/// <param name="Words">Its top five words within the class, joined by ", ".</param>
/// <param name="Frequency">The number of the topic's documents in the class.</param>
/// <param name="Class">The class.</param>
public sealed record TopicPerClass(int Topic, string Words, int Frequency, string Class);
