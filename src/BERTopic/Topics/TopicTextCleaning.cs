using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BERTopicNet.Vectorizers;

namespace BERTopicNet.Topics;

/// <summary>
/// The character cleaning of Python BERTopic's <c>_preprocess_text</c>: '\n' and '\t' become spaces and, for English,
/// characters outside [A-Za-z0-9 ] are removed.
/// </summary>
internal static class TopicTextCleaning
{
    private static readonly char[] EnglishMap = BuildEnglishMap(); // 0 = removed

    /// <summary>The cleaner for the language: <see cref="English"/> or <see cref="Whitespace"/>.</summary>
    public static TextCleaner For(bool english) => english ? English : Whitespace;

    /// <summary>English: tabs and line breaks become spaces, everything outside [A-Za-z0-9 ] goes.</summary>
    public static int English(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (destination.Length < source.Length)
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        int i = 0, w = 0;
        if (Avx512Vbmi2.IsSupported) (i, w) = EnglishCompress(source, destination);
        return w + EnglishScalar(source[i..], destination[w..]);
    }

    /// <summary>
    /// <see cref="English"/> 32 characters at a time: the kept characters (tabs and line breaks turned into spaces) are
    /// packed to the front of each block by AVX-512 VBMI2's compress and stored at the write position. Returns how far it
    /// read and wrote (the tail of fewer than 32 characters is left).
    /// </summary>
    internal static (int Read, int Written) EnglishCompress(ReadOnlySpan<char> source, Span<char> destination)
    {
        ref ushort src = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(source));
        ref ushort dst = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(destination));
        var caseBit = Vector512.Create((ushort)0x20);
        var a = Vector512.Create((ushort)'a');
        var zero = Vector512.Create((ushort)'0');
        var space = Vector512.Create((ushort)' ');
        var tab = Vector512.Create((ushort)'\t');
        var newline = Vector512.Create((ushort)'\n');
        var letters = Vector512.Create((ushort)25);
        var digits = Vector512.Create((ushort)9);
        int n = source.Length, i = 0, w = 0;
        for (; i + 32 <= n; i += 32)
        {
            var v = Vector512.LoadUnsafe(ref src, (nuint)i);
            var blank = Vector512.Equals(v, tab) | Vector512.Equals(v, newline);
            var keep = Vector512.LessThanOrEqual((v | caseBit) - a, letters) | Vector512.LessThanOrEqual(v - zero, digits)
                | Vector512.Equals(v, space) | blank;
            v = Vector512.ConditionalSelect(blank, space, v);
            ulong bits = keep.ExtractMostSignificantBits();
            Avx512Vbmi2.Compress(Vector512<ushort>.Zero, keep, v).StoreUnsafe(ref dst, (nuint)w); // destination ≥ source: room for 32 at w ≤ i
            w += BitOperations.PopCount(bits);
        }
        return (i, w);
    }

    /// <summary><see cref="English"/> one character at a time, without a branch on whether it is kept.</summary>
    internal static int EnglishScalar(ReadOnlySpan<char> source, Span<char> destination)
    {
        var map = EnglishMap;
        int w = 0;
        foreach (char c in source)
        {
            char m = c < 0x80 ? map[c] : '\0';
            destination[w] = m; // w stays below the source index, so this slot exists; a removed character is overwritten next
            w += m != 0 ? 1 : 0;
        }
        return w;
    }

    /// <summary>Other languages: tabs and line breaks become spaces.</summary>
    public static int Whitespace(ReadOnlySpan<char> source, Span<char> destination)
    {
        source.CopyTo(destination);
        var written = destination[..source.Length];
        written.Replace('\n', ' ');
        written.Replace('\t', ' ');
        return source.Length;
    }

    /// <summary>The cleaned document as a string (the document itself when nothing changes).</summary>
    public static string Clean(string document, bool english)
    {
        Span<char> buffer = document.Length <= 1024 ? stackalloc char[document.Length] : new char[document.Length];
        int n = For(english)(document, buffer);
        return n == document.Length && buffer[..n].SequenceEqual(document) ? document : new string(buffer[..n]);
    }

    private static char[] BuildEnglishMap()
    {
        var map = new char[0x80];
        for (char c = '\0'; c < 0x80; c++)
            map[c] = char.IsAsciiLetterOrDigit(c) || c == ' ' ? c : c is '\n' or '\t' ? ' ' : '\0';
        return map;
    }
}
