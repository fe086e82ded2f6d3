namespace BERTopicNet.Topics;

/// <summary>
/// Tracks how the clusterer's original labels map to the current topic ids through renumbering, merging and
/// deletion (Python BERTopic's <c>TopicMapper</c>): one row per original label, one column per state.
/// </summary>
internal sealed class TopicMapper
{
    private readonly List<List<int>> _rows;

    public TopicMapper(IEnumerable<int> topics)
    {
        _rows = [.. topics.Distinct().Order().Select(t => new List<int> { t, t })];
    }

    private TopicMapper(List<List<int>> rows) => _rows = rows;

    /// <summary>Appends a state: each current topic maps through <paramref name="mapping"/> (unmapped → -1).</summary>
    public void AddMappings(IReadOnlyDictionary<int, int> mapping)
    {
        foreach (var row in _rows)
            row.Add(mapping.TryGetValue(row[^1], out int to) ? to : -1);
    }

    /// <summary>
    /// Adds rows for labels first seen in a later batch (Python's <c>add_new_topics</c>): each row is the label followed
    /// by its new topic in every column (Python leaves the middle columns empty).
    /// </summary>
    public void AddNewTopics(IReadOnlyDictionary<int, int> mapping)
    {
        int length = _rows.Count > 0 ? _rows[0].Count : 2;
        foreach (var (label, topic) in mapping.OrderBy(kv => kv.Key))
        {
            var row = new List<int>(length) { label };
            while (row.Count < length) row.Add(topic);
            _rows.Add(row);
        }
    }

    /// <summary>
    /// Original label → current topic (<paramref name="original"/> true), or the state before the last operation
    /// (third column from the end, as Python) → current topic.
    /// </summary>
    public Dictionary<int, int> GetMappings(bool original = true)
    {
        var map = new Dictionary<int, int>();
        foreach (var row in _rows)
            map[original ? row[0] : row[Math.Max(0, row.Count - 3)]] = row[^1];
        return map;
    }

    /// <summary>The full history (row per original label).</summary>
    public IReadOnlyList<IReadOnlyList<int>> History => _rows;

    /// <summary>Restores a mapper from its history (for loading saved models).</summary>
    public static TopicMapper FromHistory(IEnumerable<IEnumerable<int>> rows) => new([.. rows.Select(r => r.ToList())]);
}
