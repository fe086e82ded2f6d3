namespace BERTopicNet.Onnx;

/// <summary>
/// A read-only trie over UTF-16 strings, mapping each string to an id: nodes in breadth-first order, each with a
/// sorted run of (character, child) edges (binary-searched). About 12 bytes a node: XLM-R's 250,000 pieces fit in a
/// few megabytes, and walking it costs one lookup per character.
/// </summary>
internal sealed class PieceTrie
{
    private readonly int[] _firstEdge; // node → its first edge; node + 1 → one past its last
    private readonly char[] _labels;
    private readonly int[] _targets;
    private readonly int[] _values;    // node → id of the string ending there, or -1

    /// <summary>Builds the trie of <paramref name="keys"/> (id = index); empty strings and duplicates are not allowed.</summary>
    public PieceTrie(IReadOnlyList<string> keys, IReadOnlyList<int> ids)
    {
        var order = Enumerable.Range(0, keys.Count).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(keys[a], keys[b]));
        var firstEdge = new List<int>();
        var labels = new List<char>();
        var targets = new List<int>();
        var values = new List<int>();
        // Breadth first: node n covers the sorted keys [Lo, Hi) that share their first Depth characters.
        var queue = new Queue<(int Lo, int Hi, int Depth)>();
        queue.Enqueue((0, order.Length, 0));
        values.Add(-1);
        int nodes = 1;
        while (queue.TryDequeue(out var range))
        {
            var (lo, hi, depth) = range;
            firstEdge.Add(labels.Count);
            int node = firstEdge.Count - 1;
            if (lo < hi && keys[order[lo]].Length == depth)
            {
                if (depth == 0) throw new ArgumentException("Empty strings cannot be stored.", nameof(keys));
                values[node] = ids[order[lo]];
                lo++;
                if (lo < hi && keys[order[lo]].Length == depth)
                    throw new InvalidDataException($"The piece '{keys[order[lo]]}' occurs twice.");
            }
            while (lo < hi)
            {
                char c = keys[order[lo]][depth];
                int end = lo + 1;
                while (end < hi && keys[order[end]][depth] == c) end++;
                labels.Add(c);
                targets.Add(nodes++);
                values.Add(-1);
                queue.Enqueue((lo, end, depth + 1));
                lo = end;
            }
        }
        firstEdge.Add(labels.Count);
        _firstEdge = [.. firstEdge];
        _labels = [.. labels];
        _targets = [.. targets];
        _values = [.. values];
    }

    /// <summary>The root node.</summary>
    public const int Root = 0;

    /// <summary>The child of <paramref name="node"/> along <paramref name="c"/>, or -1.</summary>
    public int Child(int node, char c)
    {
        int i = Array.BinarySearch(_labels, _firstEdge[node], _firstEdge[node + 1] - _firstEdge[node], c);
        return i >= 0 ? _targets[i] : -1;
    }

    /// <summary>The id of the string that ends at <paramref name="node"/>, or -1.</summary>
    public int Value(int node) => _values[node];
}
