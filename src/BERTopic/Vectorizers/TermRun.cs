using System.Numerics;

namespace BERTopicNet.Vectorizers;

/// <summary>
/// The distinct terms of one run of counted text and their counts, compact and grouped by
/// <see cref="ShardedVocabulary"/> shard, so merging reads each shard's terms as one contiguous slice. Made from a
/// worker's <see cref="TermTable"/>, which is then cleared and reused for the next run.
/// </summary>
internal sealed class TermRun
{
    private readonly char[] _chars;
    private readonly int[] _starts;

    private TermRun(char[] chars, int[] starts, int[] hashes, int[] counts, int[] shardStarts)
    {
        _chars = chars;
        _starts = starts;
        Hashes = hashes;
        Counts = counts;
        ShardStarts = shardStarts;
    }

    /// <summary>Number of distinct terms.</summary>
    public int Count => Hashes.Length;

    /// <summary>Each term's <see cref="TermTable.Hash"/>.</summary>
    public int[] Hashes { get; }

    /// <summary>Each term's count.</summary>
    public int[] Counts { get; }

    /// <summary>Shard s's terms are [ShardStarts[s], ShardStarts[s + 1]).</summary>
    public int[] ShardStarts { get; }

    /// <summary>The characters of term <paramref name="i"/>.</summary>
    public ReadOnlySpan<char> Key(int i) => _chars.AsSpan(_starts[i], _starts[i + 1] - _starts[i]);

    /// <summary>The entries of a worker's counted <paramref name="table"/> (its values as counts), grouped by <see cref="ShardedVocabulary.ShardOf"/> of their hash.</summary>
    public static TermRun From(TermTable table)
    {
        const int shards = ShardedVocabulary.Shards;
        int n = table.Count;
        var shardStarts = new int[shards + 1];
        var shard = new byte[n];
        int chars = 0;
        for (int e = 0; e < n; e++)
        {
            shard[e] = (byte)ShardedVocabulary.ShardOf(table.HashAt(e));
            shardStarts[shard[e] + 1]++;
            chars += table.KeySpan(e).Length;
        }
        for (int s = 0; s < shards; s++) shardStarts[s + 1] += shardStarts[s];
        var next = shardStarts[..shards];
        var order = new int[n];
        for (int e = 0; e < n; e++) order[next[shard[e]]++] = e;
        var text = new char[chars];
        var starts = new int[n + 1];
        var hashes = new int[n];
        var counts = new int[n];
        for (int p = 0; p < n; p++)
        {
            int e = order[p];
            var key = table.KeySpan(e);
            key.CopyTo(text.AsSpan(starts[p]));
            starts[p + 1] = starts[p] + key.Length;
            hashes[p] = table.HashAt(e);
            counts[p] = table.ValueAt(e);
        }
        return new TermRun(text, starts, hashes, counts, shardStarts);
    }

    /// <summary>
    /// About how many distinct terms <paramref name="runs"/> hold together, by linear counting of their hashes (one bit
    /// per hash modulo a power of two at least the number of entries: −m·ln(the share of bits left clear)); within a
    /// few percent while the hashes are well mixed.
    /// </summary>
    public static int EstimateDistinct(TermRun[] runs)
    {
        long entries = 0;
        foreach (var run in runs) entries += run.Count;
        if (entries == 0) return 0;
        int m = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(entries, 1024, 1 << 26));
        var bits = new ulong[m / 64];
        foreach (var run in runs)
            foreach (int hash in run.Hashes)
            {
                int b = hash & (m - 1);
                bits[b >> 6] |= 1UL << b;
            }
        long clear = m;
        foreach (var word in bits) clear -= BitOperations.PopCount(word);
        double estimate = clear == 0 ? entries : -m * Math.Log((double)clear / m);
        return (int)Math.Min(estimate, Math.Min(entries, int.MaxValue));
    }
}
