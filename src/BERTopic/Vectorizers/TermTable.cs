using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BERTopicNet.Vectorizers;

/// <summary>
/// An open-addressing hash table from terms to ints, looked up by <see cref="ReadOnlySpan{T}"/> so counting a token
/// allocates nothing unless the term is new. Keeps insertion order. Not thread-safe for writes; concurrent reads of a
/// table that is no longer written are safe.
/// </summary>
internal sealed class TermTable
{
    private int[] _slots;          // index into the entry arrays + 1; 0 = empty
    private string[] _keys;
    private int[] _hashes;
    private int[] _values;
    private int _count;

    public TermTable(int capacity = 16)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        _slots = new int[size];
        _keys = new string[Math.Max(8, capacity)];
        _hashes = new int[_keys.Length];
        _values = new int[_keys.Length];
    }

    /// <summary>Number of terms.</summary>
    public int Count => _count;

    /// <summary>The term of entry <paramref name="i"/> (insertion order).</summary>
    public string KeyAt(int i) => _keys[i];

    /// <summary>The value of entry <paramref name="i"/>.</summary>
    public int ValueAt(int i) => _values[i];

    /// <summary>The value of <paramref name="key"/>, added as 0 when new.</summary>
    public ref int GetOrAdd(ReadOnlySpan<char> key) => ref GetOrAdd(key, null);

    /// <summary>The value of <paramref name="key"/> (given as a string too, to avoid a copy), added as 0 when new.</summary>
    public ref int GetOrAdd(string key) => ref GetOrAdd(key.AsSpan(), key);

    private ref int GetOrAdd(ReadOnlySpan<char> key, string? keyString)
    {
        int hash = Hash(key);
        int mask = _slots.Length - 1;
        int slot = hash & mask;
        while (true)
        {
            int e = _slots[slot] - 1;
            if (e < 0) break;
            if (_hashes[e] == hash && key.SequenceEqual(_keys[e])) return ref _values[e];
            slot = (slot + 1) & mask;
        }
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _count * 2);
            Array.Resize(ref _hashes, _count * 2);
            Array.Resize(ref _values, _count * 2);
        }
        int index = _count++;
        _keys[index] = keyString ?? key.ToString();
        _hashes[index] = hash;
        _values[index] = 0;
        _slots[slot] = index + 1;
        if (_count * 2 > _slots.Length) Grow();
        return ref _values[index];
    }

    /// <summary>The value of <paramref name="key"/>, or -1 when absent.</summary>
    public int Find(ReadOnlySpan<char> key)
    {
        int hash = Hash(key);
        int mask = _slots.Length - 1;
        int slot = hash & mask;
        while (true)
        {
            int e = _slots[slot] - 1;
            if (e < 0) return -1;
            if (_hashes[e] == hash && key.SequenceEqual(_keys[e])) return _values[e];
            slot = (slot + 1) & mask;
        }
    }

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        int mask = slots.Length - 1;
        for (int e = 0; e < _count; e++)
        {
            int slot = _hashes[e] & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = e + 1;
        }
        _slots = slots;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<char> key)
    {
        ulong h = 0x9E3779B97F4A7C15ul ^ (ulong)key.Length;
        var blocks = MemoryMarshal.Cast<char, ulong>(key);
        foreach (var b in blocks) h = BitOperations.RotateLeft((h ^ b) * 0xFF51AFD7ED558CCDul, 29);
        for (int i = blocks.Length * 4; i < key.Length; i++) h = (h ^ key[i]) * 0xC4CEB9FE1A85EC53ul;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDul;
        h ^= h >> 29;
        return (int)h & int.MaxValue;
    }
}
