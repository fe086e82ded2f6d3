namespace BERTopicNet;

/// <summary>One row of <see cref="BERTopic.GetTopicInfo()"/> (Python's <c>get_topic_info()</c> data frame).</summary>
/// <param name="Topic">The topic id (-1 = outliers).</param>
/// <param name="Count">Number of documents in the topic.</param>
/// <param name="Name">The default label <c>id_w1_w2_w3_w4</c>.</param>
/// <param name="CustomName">The label set with <see cref="BERTopic.SetTopicLabels(IReadOnlyList{string})"/>, or null.</param>
/// <param name="Representation">The topic's words, best first.</param>
/// <param name="RepresentativeDocs">Up to three documents typical of the topic.</param>
public sealed record TopicInfo(int Topic, int Count, string Name, string? CustomName, IReadOnlyList<string> Representation, IReadOnlyList<string> RepresentativeDocs);

/// <summary>A topic and its number of documents (a row of <see cref="BERTopic.GetTopicFreq()"/>).</summary>
/// <param name="Topic">The topic id.</param>
/// <param name="Count">Number of documents.</param>
public readonly record struct TopicFrequency(int Topic, int Count);
