using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace BERTopicNet.Onnx;

/// <summary>
/// SentencePiece's text normaliser, as its C++ <c>Normalizer</c> runs it on UTF-8 bytes: at each position the longest
/// rule of the model's precompiled character map (a Darts-clone double-array trie over UTF-8, e.g. nmt_nfkc: NFKC plus
/// removal of control characters and mapping of odd spaces to ' ') replaces the matched bytes, user-defined symbols
/// are kept as they are, leading, trailing and repeated spaces are removed, a space is put in front (the "dummy
/// prefix"), and spaces become ▁ (U+2581).
/// </summary>
internal sealed class SentencePieceNormalizer
{
    private static readonly byte[] SpaceSymbol = "\u2581"u8.ToArray();

    private readonly uint[] _trie;
    private readonly byte[] _replacements;
    private readonly byte[][] _userDefined;
    private readonly bool _addDummyPrefix, _removeExtraWhitespaces, _escapeWhitespaces;

    public SentencePieceNormalizer(SentencePieceModel model, string source)
    {
        _addDummyPrefix = model.AddDummyPrefix;
        _removeExtraWhitespaces = model.RemoveExtraWhitespaces;
        _escapeWhitespaces = model.EscapeWhitespaces;
        _userDefined = [.. Enumerable.Range(0, model.Pieces.Length)
            .Where(i => model.Types[i] == SentencePieceModel.PieceType.UserDefined)
            .Select(i => Encoding.UTF8.GetBytes(model.Pieces[i]))];
        (_trie, _replacements) = SplitCharsmap(model.PrecompiledCharsmap, source);
    }

    /// <summary>The normalised text (▁ for spaces), ready for the Unigram model; empty when the text has no content.</summary>
    public string Normalize(string text)
    {
        if (text.Length == 0) return "";
        byte[] input = Encoding.UTF8.GetBytes(text); // lone surrogates become U+FFFD, as SentencePiece does with malformed UTF-8
        var output = new List<byte>(input.Length + 16);
        int pos = 0;
        if (_removeExtraWhitespaces)
        {
            while (pos < input.Length)
            {
                var (rep, consumed) = NormalizePrefix(input, pos);
                if (!rep.Span.SequenceEqual(" "u8)) break;
                pos += consumed;
            }
        }
        if (pos == input.Length) return "";
        if (_addDummyPrefix) AppendSpace(output);

        bool previousIsSpace = _removeExtraWhitespaces;
        while (pos < input.Length)
        {
            var (rep, consumed) = NormalizePrefix(input, pos);
            var span = rep.Span;
            while (previousIsSpace && span.Length > 0 && span[0] == (byte)' ') span = span[1..];
            if (span.Length > 0)
            {
                foreach (byte b in span)
                {
                    if (b == (byte)' ') AppendSpace(output);
                    else output.Add(b);
                }
                previousIsSpace = span[^1] == (byte)' ';
            }
            pos += consumed;
            if (!_removeExtraWhitespaces) previousIsSpace = false;
        }
        if (_removeExtraWhitespaces)
        {
            ReadOnlySpan<byte> space = _escapeWhitespaces ? SpaceSymbol : " "u8;
            while (output.Count >= space.Length && CollectionsMarshal.AsSpan(output)[^space.Length..].SequenceEqual(space))
                output.RemoveRange(output.Count - space.Length, space.Length);
        }
        return Encoding.UTF8.GetString(CollectionsMarshal.AsSpan(output));
    }

    private void AppendSpace(List<byte> output)
    {
        if (_escapeWhitespaces) output.AddRange(SpaceSymbol);
        else output.Add((byte)' ');
    }

    /// <summary>What the bytes at <paramref name="pos"/> become, and how many bytes that consumes.</summary>
    private (ReadOnlyMemory<byte> Replacement, int Consumed) NormalizePrefix(byte[] input, int pos)
    {
        int userLength = 0;
        foreach (var symbol in _userDefined)
            if (symbol.Length > userLength && input.AsSpan(pos).StartsWith(symbol)) userLength = symbol.Length;
        if (userLength > 0) return (input.AsMemory(pos, userLength), userLength);

        var (matched, value) = LongestRule(input.AsSpan(pos));
        if (matched > 0)
        {
            int end = Array.IndexOf(_replacements, (byte)0, value);
            return (_replacements.AsMemory(value, (end < 0 ? _replacements.Length : end) - value), matched);
        }
        int length = Utf8Length(input[pos]);
        return (input.AsMemory(pos, Math.Min(length, input.Length - pos)), Math.Min(length, input.Length - pos));
    }

    private static int Utf8Length(byte lead) => lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;

    /// <summary>The longest key of the double-array trie that is a prefix of <paramref name="key"/> (Darts-clone's commonPrefixSearch).</summary>
    private (int Length, int Value) LongestRule(ReadOnlySpan<byte> key)
    {
        if (_trie.Length == 0) return (0, 0);
        int length = 0, value = 0;
        uint unit = _trie[0];
        long node = Offset(unit);
        for (int i = 0; i < key.Length; i++)
        {
            node ^= key[i];
            if ((ulong)node >= (ulong)_trie.Length) break;
            unit = _trie[node];
            if (Label(unit) != key[i]) break;
            node ^= Offset(unit);
            if (((unit >> 8) & 1) != 0)
            {
                if ((ulong)node >= (ulong)_trie.Length) break;
                int v = (int)(_trie[node] & 0x7FFF_FFFF);
                if (v >= _replacements.Length) throw new InvalidDataException("The SentencePiece model's character map points outside its replacement strings.");
                length = i + 1;
                value = v;
            }
        }
        return (length, value);
    }

    private static long Offset(uint unit) => (unit >> 10) << (int)((unit & (1u << 9)) >> 6);

    private static uint Label(uint unit) => unit & ((1u << 31) | 0xFF);

    /// <summary>precompiled_charsmap = uint32 (little-endian) trie size in bytes, the trie's units, then the '\0'-separated replacement strings.</summary>
    private static (uint[] Trie, byte[] Replacements) SplitCharsmap(byte[] blob, string source)
    {
        if (blob.Length == 0) return ([], []);
        if (blob.Length < 4) throw new InvalidDataException($"{source}: the precompiled character map is truncated.");
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(blob);
        if (size % 4 != 0 || size > blob.Length - 4) throw new InvalidDataException($"{source}: the precompiled character map's trie size {size} does not fit the map.");
        var trie = new uint[size / 4];
        for (int i = 0; i < trie.Length; i++) trie[i] = BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(4 + 4 * i));
        return (trie, blob[(int)(4 + size)..]);
    }
}
