using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BERTopicNet.Numerics;
using BERTopicNet.Umap;

namespace BERTopicNet.Topics;

/// <summary>
/// Remembers a stable 64-bit fingerprint of every training embedding row, so that Transform can recognise a training
/// document and return its fitted topic (Python BERTopic re-predicts it and may disagree with its own fit).
/// Only the fingerprints are kept (8 bytes a document), never the embeddings themselves.
/// </summary>
internal sealed class TrainingRowIndex
{
    private readonly Dictionary<ulong, int> _firstRowOf;

    public TrainingRowIndex(ulong[] fingerprints)
    {
        Fingerprints = fingerprints;
        _firstRowOf = new Dictionary<ulong, int>(fingerprints.Length);
        for (int i = 0; i < fingerprints.Length; i++) _firstRowOf.TryAdd(fingerprints[i], i);
    }

    /// <summary>One fingerprint per training document, in document order (what persistence saves).</summary>
    public ulong[] Fingerprints { get; }

    public static TrainingRowIndex Of(float[,] embeddings) => new(Fingerprint(embeddings));

    public static TrainingRowIndex Of(CsrMatrix embeddings) => new(Fingerprint(embeddings));

    /// <summary>The first training row with the same fingerprint, or -1.</summary>
    public int Find(ulong fingerprint) => _firstRowOf.TryGetValue(fingerprint, out int row) ? row : -1;

    public static ulong[] Fingerprint(float[,] embeddings)
    {
        var result = new ulong[embeddings.GetLength(0)];
        Parallel.ForEach(Partitioner.Create(0, result.Length, RowsPerTask), Parallelism.PerCore(), range =>
        {
            int i = range.Item1;
            for (; i + 4 <= range.Item2; i += 4)
                HashFour(MemoryMarshal.Cast<float, uint>(MatrixRows.Row(embeddings, i)), MemoryMarshal.Cast<float, uint>(MatrixRows.Row(embeddings, i + 1)),
                    MemoryMarshal.Cast<float, uint>(MatrixRows.Row(embeddings, i + 2)), MemoryMarshal.Cast<float, uint>(MatrixRows.Row(embeddings, i + 3)), result.AsSpan(i, 4));
            for (; i < range.Item2; i++)
                result[i] = Hash(MemoryMarshal.Cast<float, uint>(MatrixRows.Row(embeddings, i)), ReadOnlySpan<int>.Empty);
        });
        return result;
    }

    public static ulong[] Fingerprint(CsrMatrix embeddings)
    {
        var result = new ulong[embeddings.Rows];
        Parallel.ForEach(Partitioner.Create(0, result.Length, RowsPerTask), Parallelism.PerCore(), range =>
        {
            for (int i = range.Item1; i < range.Item2; i++)
                result[i] = Hash(MemoryMarshal.Cast<float, uint>(embeddings.RowValues(i)), embeddings.RowIndices(i));
        });
        return result;
    }

    // A fixed (process-independent) 64-bit mix of the values' bit patterns, so fingerprints survive Save/Load.
    private static ulong Hash(ReadOnlySpan<uint> bits, ReadOnlySpan<int> columns)
    {
        ulong h = Seed(bits.Length, columns.Length);
        for (int i = 0; i < bits.Length; i++) h = Mix(h ^ bits[i]);
        for (int i = 0; i < columns.Length; i++) h = Mix(h ^ (uint)columns[i] ^ 0xA5A5_0000_0000UL);
        return Mix(h);
    }

    /// <summary>
    /// <see cref="Hash"/> of four dense rows of one length (no columns), their chains interleaved: the same values, about
    /// four times the throughput of one chain, whose every step waits on the previous multiply.
    /// </summary>
    private static void HashFour(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, ReadOnlySpan<uint> c, ReadOnlySpan<uint> d, Span<ulong> result)
    {
        ulong seed = Seed(a.Length, 0);
        ulong ha = seed, hb = seed, hc = seed, hd = seed;
        b = b[..a.Length];
        c = c[..a.Length];
        d = d[..a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            ha = Mix(ha ^ a[i]);
            hb = Mix(hb ^ b[i]);
            hc = Mix(hc ^ c[i]);
            hd = Mix(hd ^ d[i]);
        }
        result[0] = Mix(ha);
        result[1] = Mix(hb);
        result[2] = Mix(hc);
        result[3] = Mix(hd);
    }

    /// <summary>Where a row's hash chain starts: its number of values and of columns mixed into a fixed constant.</summary>
    private static ulong Seed(int values, int columns) => 0x9E3779B97F4A7C15UL ^ (ulong)(values * 31 + columns);

    private const int RowsPerTask = 1024; // rows hashed per task: enough to outweigh scheduling

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30; x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27; x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
