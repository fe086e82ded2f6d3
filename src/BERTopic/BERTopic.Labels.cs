namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>
    /// The default label of each topic: the id and its first four words joined by '_' (Python's
    /// <c>topic_labels_</c>), e.g. <c>3_space_nasa_orbit_launch</c>. The empty filler words
    /// (<see cref="TopicWord.IsFiller"/>) of a topic with fewer words are left out (Python keeps them:
    /// <c>3_space_nasa__</c>). A zero-shot topic's label is its zero-shot label.
    /// </summary>
    public IReadOnlyDictionary<int, string> TopicLabels
    {
        get
        {
            RequireFitted();
            var labels = new SortedDictionary<int, string>();
            foreach (var (topic, words) in _representations)
                labels[topic] = $"{topic}_" + string.Join("_", words.Take(4).Where(w => !w.IsFiller).Select(w => w.Word));
            if (_zeroShotLabels is { } zeroShot)
                foreach (var (topic, index) in _zeroShotTopics)
                    if (labels.ContainsKey(topic)) labels[topic] = zeroShot[index];
            return labels;
        }
    }

    /// <summary>The custom labels (one per topic, ascending id), or null when none were set (Python's <c>custom_labels_</c>).</summary>
    public IReadOnlyList<string>? CustomLabels => RequireFitted()._customLabels;

    /// <summary>Sets a custom label for every topic, in ascending topic order (-1 first when present).</summary>
    /// <exception cref="ArgumentException">The number of labels differs from the number of topics, or a label is null.</exception>
    public void SetTopicLabels(IReadOnlyList<string> labels)
    {
        RequireFitted();
        ArgumentNullException.ThrowIfNull(labels);
        int topics = _topicSizes.Count;
        if (labels.Count != topics)
            throw new ArgumentException($"{labels.Count} labels were given but the model has {topics} topics; give one label per topic in ascending id order (-1 first when present), or pass a dictionary.", nameof(labels));
        for (int i = 0; i < labels.Count; i++)
            if (labels[i] is null) throw new ArgumentException($"Label {i} is null.", nameof(labels));
        _customLabels = [.. IO.Utf16Text.Sanitize(labels)];
    }

    /// <summary>
    /// Sets the labels of some topics; the others keep their current custom label, or their default label
    /// (<see cref="TopicLabels"/>) when none was set. Unknown topic ids are ignored, as in Python.
    /// </summary>
    public void SetTopicLabels(IReadOnlyDictionary<int, string> labels)
    {
        RequireFitted();
        ArgumentNullException.ThrowIfNull(labels);
        var sortedTopics = _topicSizes.Select(s => s.Topic).Order().ToArray();
        var defaults = TopicLabels;
        var result = new string[sortedTopics.Length];
        for (int i = 0; i < sortedTopics.Length; i++)
        {
            int t = sortedTopics[i];
            result[i] = labels.TryGetValue(t, out var label) && !string.IsNullOrEmpty(label) ? IO.Utf16Text.Sanitize(label)
                : _customLabels is not null && _customLabels.Length == sortedTopics.Length ? _customLabels[i]
                : defaults.TryGetValue(t, out var d) ? d : $"{t}_";
        }
        _customLabels = result;
    }

    /// <summary>
    /// Labels for every topic in ascending id order (Python's <c>generate_topic_labels</c>), without the empty
    /// filler words (<see cref="TopicWord.IsFiller"/>) that Python would join in.
    /// </summary>
    /// <param name="nrWords">Words per label. Default 3.</param>
    /// <param name="topicPrefix">Start with the topic id and the separator. Default true.</param>
    /// <param name="wordLength">Cut each word to this many characters; null (default) keeps them whole.</param>
    /// <param name="separator">Between the prefix and the words. Default "_".</param>
    public IReadOnlyList<string> GenerateTopicLabels(int nrWords = 3, bool topicPrefix = true, int? wordLength = null, string separator = "_")
    {
        RequireFitted();
        ArgumentOutOfRangeException.ThrowIfNegative(nrWords);
        ArgumentNullException.ThrowIfNull(separator);
        if (wordLength is < 0) throw new ArgumentOutOfRangeException(nameof(wordLength), wordLength, "wordLength must be positive or null.");
        var result = new List<string>();
        foreach (var topic in _topicSizes.Select(s => s.Topic).Order())
        {
            var words = (_representations.TryGetValue(topic, out var w) ? w : []).Take(nrWords).Where(x => !x.IsFiller).Select(x => x.Word);
            if (wordLength is int len && len > 0) words = words.Select(x => x.Length > len ? IO.Utf16Text.Sanitize(x[..len]) : x);
            var joined = string.Join(separator, words);
            result.Add(topicPrefix ? $"{topic}{separator}{joined}" : joined);
        }
        return result;
    }
}
