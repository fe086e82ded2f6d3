using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace BERTopicNet.Vectorizers;

/// <summary>
/// An open-addressing hash table from terms to ints, looked up by <see cref="ReadOnlySpan{T}"/>. The terms' characters
/// live in one growing arena, so counting a token allocates nothing, not even for a new term; a term becomes a string
/// only when <see cref="KeyAt"/> asks for it. Keeps insertion order. Not thread-safe for writes; concurrent lookups in a
/// table that is no longer written are safe.
/// </summary>
internal sealed class TermTable
{
    private long[] _slots;         // per slot: the entry's hash in the high half, its index + 1 in the low half; 0 = empty
    private char[] _chars;         // every term's characters, back to back
    private int[] _starts;         // entry e's characters: _chars[_starts[e] .. _starts[e + 1])
    private string?[] _keys;       // the terms as strings, made on demand (or given)
    private int[] _hashes;
    private int[] _values;
    private int _count;

    public TermTable(int capacity = 16)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        _slots = new long[size];
        int entries = Math.Max(8, capacity);
        _chars = new char[entries * 8];
        _starts = new int[entries + 1];
        _keys = new string?[entries];
        _hashes = new int[entries];
        _values = new int[entries];
    }

    /// <summary>Removes every entry, keeping the arrays for reuse (a few entries in a large table: only their slots are cleared).</summary>
    public void Clear()
    {
        if (_count < _slots.Length / 16)
        {
            int mask = _slots.Length - 1;
            for (int e = 0; e < _count; e++)
            {
                long own = Slot(_hashes[e], e);
                int slot = _hashes[e] & mask;
                while (_slots[slot] != own) slot = (slot + 1) & mask;
                _slots[slot] = 0;
            }
        }
        else Array.Clear(_slots);
        Array.Clear(_keys, 0, _count);
        _count = 0;
    }

    /// <summary>Number of terms.</summary>
    public int Count => _count;

    /// <summary>The term of entry <paramref name="i"/> (insertion order) as a string, made once on first request.</summary>
    public string KeyAt(int i) => _keys[i] ??= new string(KeySpan(i));

    /// <summary>The characters of entry <paramref name="i"/>.</summary>
    public ReadOnlySpan<char> KeySpan(int i) => _chars.AsSpan(_starts[i], _starts[i + 1] - _starts[i]);

    /// <summary>The stored hash of entry <paramref name="i"/> (tables share one hash function, so it can be passed to <see cref="GetOrAdd(ReadOnlySpan{char}, int)"/> of another).</summary>
    public int HashAt(int i) => _hashes[i];

    /// <summary>The value of entry <paramref name="i"/>.</summary>
    public int ValueAt(int i) => _values[i];

    /// <summary>Replaces the value of entry <paramref name="i"/>.</summary>
    public void SetValueAt(int i, int value) => _values[i] = value;

    /// <summary>The value of <paramref name="key"/>, added as 0 when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref int GetOrAdd(ReadOnlySpan<char> key) => ref GetOrAdd(key, Hash(key), null);

    /// <summary>The value of <paramref name="key"/>, whose <see cref="HashAt"/> in another table is <paramref name="hash"/>, added as 0 when new.</summary>
    public ref int GetOrAdd(ReadOnlySpan<char> key, int hash) => ref GetOrAdd(key, hash, null);

    /// <summary>The value of <paramref name="key"/> (kept as the entry's string), whose <see cref="Hash"/> is <paramref name="hash"/>, added as 0 when new.</summary>
    public ref int GetOrAdd(string key, int hash) => ref GetOrAdd(key.AsSpan(), hash, key);

    private ref int GetOrAdd(ReadOnlySpan<char> key, int hash, string? keyString)
    {
        int mask = _slots.Length - 1;
        int slot = hash & mask;
        while (true)
        {
            long s = _slots[slot];
            int e = (int)s - 1;
            if (e < 0) break;
            if ((int)(s >> 32) == hash && SameKey(key, e)) return ref _values[e];
            slot = (slot + 1) & mask;
        }
        if (_count == _values.Length)
        {
            int grown = _count * 2;
            Array.Resize(ref _starts, grown + 1);
            Array.Resize(ref _keys, grown);
            Array.Resize(ref _hashes, grown);
            Array.Resize(ref _values, grown);
        }
        int index = _count++;
        int start = _starts[index];
        if (start + key.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(start + key.Length, _chars.Length * 2));
        key.CopyTo(_chars.AsSpan(start));
        _starts[index + 1] = start + key.Length;
        _keys[index] = keyString;
        _hashes[index] = hash;
        _values[index] = 0;
        _slots[slot] = Slot(hash, index);
        if (_count * 2 > _slots.Length) Rehash(_slots.Length * 2);
        return ref _values[index];
    }

    /// <summary>The value of <paramref name="key"/>, whose <see cref="Hash"/> is <paramref name="hash"/>, or -1 when absent.</summary>
    public int Find(ReadOnlySpan<char> key, int hash)
    {
        int mask = _slots.Length - 1;
        int slot = hash & mask;
        while (true)
        {
            long s = _slots[slot];
            int e = (int)s - 1;
            if (e < 0) return -1;
            if ((int)(s >> 32) == hash && SameKey(key, e)) return _values[e];
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Asks the cache for the slot where a lookup of <paramref name="hash"/> starts (a hint: no effect on results; a stale address after the GC moved the array only costs the hint).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void PrefetchSlot(int hash)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref _slots[hash & (_slots.Length - 1)]));
    }

    /// <summary>Places every entry in a fresh slot array of <paramref name="size"/> (a power of two).</summary>
    private void Rehash(int size)
    {
        var slots = new long[size];
        int mask = slots.Length - 1;
        for (int e = 0; e < _count; e++)
        {
            int slot = _hashes[e] & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = Slot(_hashes[e], e);
        }
        _slots = slots;
    }

    /// <summary>Whether <paramref name="key"/> is entry <paramref name="e"/>'s term: inline, four characters at a time, as terms are short.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool SameKey(ReadOnlySpan<char> key, int e)
    {
        int start = _starts[e];
        if (_starts[e + 1] - start != key.Length) return false;
        if (key.Length == 0) return true; // a fixed vocabulary may hold ""
        ref char a = ref MemoryMarshal.GetReference(key);
        ref char b = ref _chars[start];
        int i = 0;
        for (; i + 4 <= key.Length; i += 4)
            if (Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref a, i))) != Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref b, i))))
                return false;
        for (; i < key.Length; i++)
            if (Unsafe.Add(ref a, i) != Unsafe.Add(ref b, i)) return false;
        return true;
    }

    private static long Slot(int hash, int entry) => ((long)hash << 32) | (uint)(entry + 1);

    /// <summary>The 31-bit hash every table uses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Hash(ReadOnlySpan<char> key)
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
