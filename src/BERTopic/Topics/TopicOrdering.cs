using BERTopicNet.Numerics;

namespace BERTopicNet.Topics;

/// <summary>Topic sizes and the size-based renumbering of Python BERTopic's <c>_sort_mappings_by_frequency</c>.</summary>
internal static class TopicOrdering
{
    /// <summary>Topic sizes in order of first appearance (a Python <c>Counter</c> over the document topics).</summary>
    public static List<(int Topic, int Count)> CountInOrderOfAppearance(IReadOnlyList<int> documentTopics)
    {
        var position = new Dictionary<int, int>();
        var sizes = new List<(int Topic, int Count)>();
        foreach (var t in documentTopics)
        {
            if (position.TryGetValue(t, out int p)) sizes[p] = (t, sizes[p].Count + 1);
            else { position[t] = sizes.Count; sizes.Add((t, 1)); }
        }
        return sizes;
    }

    /// <summary>
    /// The mapping old topic → new topic that numbers topics by decreasing size (0 = largest, -1 stays -1),
    /// ties broken exactly as pandas/NumPy do in Python BERTopic.
    /// </summary>
    public static Dictionary<int, int> SortBySize(IReadOnlyList<int> documentTopics)
    {
        var sizes = CountInOrderOfAppearance(documentTopics);
        var order = PandasOrder.Descending(sizes.Select(s => (long)s.Count).ToArray());
        var mapping = new Dictionary<int, int> { [-1] = -1 };
        int next = 0;
        foreach (var i in order)
            if (sizes[i].Topic != -1) mapping[sizes[i].Topic] = next++;
        return mapping;
    }

    /// <summary>The distinct topics, ascending.</summary>
    public static int[] SortedTopics(IEnumerable<int> documentTopics) => [.. documentTopics.Distinct().Order()];
}
