namespace BERTopicNet.Evaluation;

/// <summary>Simple descriptive measures of a fitted topic model.</summary>
public static class TopicMetrics
{
    /// <summary>The share of documents assigned to the outlier topic (BERTopic's -1), from 0 to 1; 0 for no documents.</summary>
    /// <param name="topics">The topic of each document.</param>
    /// <param name="outlierTopic">The id of the outlier topic. Default -1.</param>
    public static double OutlierShare(ReadOnlySpan<int> topics, int outlierTopic = -1)
    {
        if (topics.Length == 0) return 0;
        int outliers = topics.Count(outlierTopic);
        return (double)outliers / topics.Length;
    }

    /// <summary>
    /// Topic diversity as OCTIS and the BERTopic paper define it: the number of distinct words among the first
    /// <paramref name="topN"/> words of all topics, divided by <paramref name="topN"/> × number of topics. 1 means
    /// no word is shared between topics. Pass the topics without the outlier topic, as the paper does.
    /// </summary>
    /// <param name="topics">Each topic's words, best first (at least <paramref name="topN"/> each).</param>
    /// <param name="topN">How many words per topic to use. Default 10.</param>
    /// <exception cref="ArgumentException">No topics, a topic with fewer than <paramref name="topN"/> words, or topN &lt; 1.</exception>
    public static double TopicDiversity(IReadOnlyList<IReadOnlyList<string>> topics, int topN = 10)
    {
        ArgumentNullException.ThrowIfNull(topics);
        if (topN < 1) throw new ArgumentException($"topN must be at least 1, not {topN}.", nameof(topN));
        if (topics.Count == 0) throw new ArgumentException("Topic diversity needs at least one topic.", nameof(topics));
        var unique = new HashSet<string>(StringComparer.Ordinal);
        for (int t = 0; t < topics.Count; t++)
        {
            if (topics[t].Count < topN)
                throw new ArgumentException($"Topic {t} has {topics[t].Count} words; topic diversity needs {topN} per topic (lower topN).", nameof(topics));
            for (int i = 0; i < topN; i++) unique.Add(topics[t][i]);
        }
        return (double)unique.Count / (topN * topics.Count);
    }
}
