namespace BERTopicNet.Visualization;

/// <summary>One word of a topic's representation and its c-TF-IDF score.</summary>
/// <param name="Word">The word (or n-gram).</param>
/// <param name="Score">Its score in the topic (higher = more representative).</param>
public readonly record struct TopicWord(string Word, float Score);
