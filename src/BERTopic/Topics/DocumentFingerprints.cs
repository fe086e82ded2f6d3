using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BERTopicNet.Topics;

/// <summary>
/// A stable 64-bit fingerprint of every training document's text, so that calls that must get the training documents
/// back (<c>ReduceTopics</c>, <c>UpdateTopics</c>, <c>MergeTopics</c>) can tell when they get others. Only the
/// fingerprints are kept (8 bytes a document), never the texts.
/// </summary>
internal static class DocumentFingerprints
{
    public static ulong[] Of(IReadOnlyList<string> documents)
    {
        var result = new ulong[documents.Count];
        Parallel.ForEach(Partitioner.Create(0, result.Length, 256), Parallelism.PerCore(), range =>
        {
            for (int i = range.Item1; i < range.Item2; i++) result[i] = Of(documents[i]);
        });
        return result;
    }

    /// <summary>A fixed (process-independent) mix of the UTF-16 code units, so fingerprints survive Save/Load.</summary>
    public static ulong Of(string text)
    {
        var units = text.AsSpan();
        ulong h = 0xC2B2AE3D27D4EB4FUL ^ (ulong)units.Length;
        var words = MemoryMarshal.Cast<char, ulong>(units);
        foreach (ulong w in words) h = Mix(h ^ w);
        for (int i = words.Length * 4; i < units.Length; i++) h = Mix(h ^ units[i] ^ 0x5A00_0000_0000UL);
        return Mix(h);
    }

    /// <summary>
    /// The indexes of <paramref name="documents"/> whose fingerprint differs from <paramref name="training"/> (same
    /// count assumed), at most <paramref name="limit"/> of them, and how many differ in all.
    /// </summary>
    public static (List<int> First, int Count) Differences(ulong[] training, IReadOnlyList<string> documents, int limit = 3)
    {
        var first = new List<int>(limit);
        int count = 0;
        for (int i = 0; i < training.Length; i++)
        {
            if (Of(documents[i]) == training[i]) continue;
            if (count++ < limit) first.Add(i);
        }
        return (first, count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30; x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27; x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
