using BERTopicNet.Numerics;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>
    /// The words of one topic with their scores, best first (Python's <c>get_topic(topic)</c>).
    /// </summary>
    /// <returns>The words, or <c>null</c> when the model has no topic <paramref name="topic"/> (Python returns False).</returns>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    public IReadOnlyList<TopicWord>? GetTopic(int topic)
    {
        RequireFitted();
        return _representations.TryGetValue(topic, out var words) ? words : null;
    }

    /// <summary>Gets the words of <paramref name="topic"/>; false when there is no such topic.</summary>
    public bool TryGetTopic(int topic, out IReadOnlyList<TopicWord> words)
    {
        RequireFitted();
        if (_representations.TryGetValue(topic, out var w)) { words = w; return true; }
        words = [];
        return false;
    }

    /// <summary>The words of every topic, by ascending topic id (Python's <c>get_topics()</c>).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<TopicWord>> GetTopics()
    {
        RequireFitted();
        return new SortedDictionary<int, IReadOnlyList<TopicWord>>(_representations);
    }

    /// <summary>
    /// Topics and their sizes, largest first (Python's <c>get_topic_freq()</c>, including its tie order).
    /// </summary>
    public IReadOnlyList<TopicFrequency> GetTopicFreq()
    {
        RequireFitted();
        var order = PandasOrder.Descending(_topicSizes.Select(s => (long)s.Count).ToArray());
        return [.. order.Select(i => new TopicFrequency(_topicSizes[i].Topic, _topicSizes[i].Count))];
    }

    /// <summary>The number of documents in <paramref name="topic"/> (0 when the topic does not exist).</summary>
    public int GetTopicFreq(int topic)
    {
        RequireFitted();
        foreach (var (t, c) in _topicSizes) if (t == topic) return c;
        return 0;
    }

    /// <summary>
    /// One row per topic, ascending id (Python's <c>get_topic_info()</c>): Topic, Count, Name (<c>id_w1_w2_w3_w4</c>),
    /// CustomName, Representation, RepresentativeDocs.
    /// </summary>
    public IReadOnlyList<TopicInfo> GetTopicInfo()
    {
        RequireFitted();
        var labels = TopicLabels;
        var rows = new List<TopicInfo>();
        var sorted = _topicSizes.OrderBy(s => s.Topic).ToList();
        for (int i = 0; i < sorted.Count; i++)
        {
            var (topic, count) = sorted[i];
            string? custom = _customLabels is not null && _customLabels.Length == sorted.Count ? _customLabels[i] : null;
            rows.Add(new TopicInfo(topic, count, labels.TryGetValue(topic, out var name) ? name : $"{topic}_",
                custom,
                _representations.TryGetValue(topic, out var words) ? [.. words.Select(w => w.Word)] : [],
                _representativeDocs.TryGetValue(topic, out var docs) ? docs : []));
        }
        return rows;
    }

    /// <summary>The <see cref="GetTopicInfo()"/> row of one topic, or null when it does not exist.</summary>
    public TopicInfo? GetTopicInfo(int topic) => GetTopicInfo().FirstOrDefault(r => r.Topic == topic);

    /// <summary>The (up to) three most representative documents of every topic (Python's <c>get_representative_docs()</c>).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> GetRepresentativeDocs()
    {
        RequireFitted();
        return new SortedDictionary<int, IReadOnlyList<string>>(_representativeDocs);
    }

    /// <summary>The representative documents of one topic, or null when the topic has none (Python returns None).</summary>
    public IReadOnlyList<string>? GetRepresentativeDocs(int topic)
    {
        RequireFitted();
        return _representativeDocs.TryGetValue(topic, out var docs) && docs.Count > 0 ? docs : null;
    }
}
