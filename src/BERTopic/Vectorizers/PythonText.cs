using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace BERTopicNet.Vectorizers;

/// <summary>
/// The pieces of Python's string semantics scikit-learn's <c>CountVectorizer</c> relies on: <c>str.lower()</c>
/// (full Unicode lowercase, including İ → i̇ and the final-sigma rule), the <c>re</c> module's Unicode <c>\w</c>
/// (letters, numbers and '_' — unlike .NET, no combining marks) and code-point string order.
/// </summary>
internal static class PythonText
{
    /// <summary>Python's <c>text.lower()</c>.</summary>
    public static string ToLower(string text)
    {
        bool ascii = true;
        foreach (char c in text)
            if (c >= 0x80) { ascii = false; break; }
        if (ascii)
        {
            return string.Create(text.Length, text, static (dest, src) =>
            {
                for (int i = 0; i < src.Length; i++)
                {
                    char c = src[i];
                    dest[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                }
            });
        }
        var sb = new StringBuilder(text.Length);
        Span<char> buf = stackalloc char[2];
        int pos = 0;
        while (pos < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(pos), out var rune, out int used);
            if (rune.Value == 0x130) sb.Append("i\u0307");
            else if (rune.Value == 0x3A3) sb.Append(IsFinalSigma(text, pos) ? '\u03C2' : '\u03C3');
            else
            {
                var lower = Rune.ToLowerInvariant(rune);
                int n = lower.EncodeToUtf16(buf);
                sb.Append(buf[..n]);
            }
            pos += used;
        }
        return sb.ToString();
    }

    // Unicode's Final_Sigma condition: a cased letter before (skipping case-ignorables), none after.
    private static bool IsFinalSigma(string text, int index)
    {
        int j = index;
        Rune before = default;
        bool found = false;
        while (j > 0)
        {
            Rune.DecodeLastFromUtf16(text.AsSpan(0, j), out var r, out int used);
            j -= used;
            if (!IsCaseIgnorable(r)) { before = r; found = true; break; }
        }
        if (!found || !IsCased(before)) return false;
        j = index + 1;
        while (j < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(j), out var r, out int used);
            j += used;
            if (!IsCaseIgnorable(r)) return !IsCased(r);
        }
        return true;
    }

    private static bool IsCased(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;

    private static bool IsCaseIgnorable(Rune r) =>
        Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol
        || r.Value is '\'' or '.' or ':' or 0xB7 or 0x387 or 0x5F4 or 0x2018 or 0x2019 or 0x2024 or 0x2027
            or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A;

    /// <summary>Whether Python's Unicode <c>\w</c> matches the code point (<c>str.isalnum()</c> or '_').</summary>
    public static bool IsWordChar(Rune r)
    {
        int v = r.Value;
        if (v < 0x80) return v is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_';
        return Rune.GetUnicodeCategory(r) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    /// <summary>
    /// The matches of <c>(?u)\b\w\w+\b</c> in <paramref name="text"/>: maximal runs of word characters at least two
    /// code points long, as (start, length) in UTF-16 units.
    /// </summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<(int Start, int Length)> tokens)
    {
        int pos = 0;
        while (pos < text.Length)
        {
            // Skip to the next character that may be a word character: an ASCII one, or any non-ASCII one.
            int skip = text[pos..].IndexOfAnyExcept(AsciiNonWord);
            if (skip < 0) return;
            pos += skip;
            int runStart = pos, runCodePoints = 0;
            while (pos < text.Length)
            {
                int ascii = text[pos..].IndexOfAnyExcept(AsciiWord); // vectorised run of ASCII word characters
                if (ascii < 0) ascii = text.Length - pos;
                pos += ascii;
                runCodePoints += ascii;
                if (pos >= text.Length || text[pos] < 0x80) break;
                Rune.DecodeFromUtf16(text[pos..], out var rune, out int used);
                if (!IsWordChar(rune)) break;
                pos += used;
                runCodePoints++;
            }
            if (runCodePoints >= 2) tokens.Add((runStart, pos - runStart));
            else if (runCodePoints == 0) // a non-ASCII character that is not a word character
            {
                Rune.DecodeFromUtf16(text[pos..], out _, out int used);
                pos += used;
            }
        }
    }

    /// <summary>
    /// <see cref="Tokenize"/> for text known to be ASCII: the word characters of 16 characters at a time as one bit
    /// mask, and each run read from the mask, so the work goes by token rather than by character.
    /// </summary>
    public static void TokenizeAscii(ReadOnlySpan<char> text, List<(int Start, int Length)> tokens)
    {
        int n = text.Length, i = 0, runStart = -1;
        ref ushort first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        if (Vector256.IsHardwareAccelerated)
        {
            var caseBit = Vector256.Create((ushort)0x20);
            var a = Vector256.Create((ushort)'a');
            var zero = Vector256.Create((ushort)'0');
            var underscore = Vector256.Create((ushort)'_');
            var letters = Vector256.Create((ushort)25);
            var digits = Vector256.Create((ushort)9);
            for (; i + 16 <= n; i += 16)
            {
                var v = Vector256.LoadUnsafe(ref first, (nuint)i);
                var word = Vector256.LessThanOrEqual((v | caseBit) - a, letters) | Vector256.LessThanOrEqual(v - zero, digits) | Vector256.Equals(v, underscore);
                uint bits = word.ExtractMostSignificantBits();
                int pos = 0;
                while (true)
                {
                    if (runStart < 0)
                    {
                        uint rest = bits >> pos;
                        if (rest == 0) break;
                        pos += BitOperations.TrailingZeroCount(rest);
                        runStart = i + pos;
                    }
                    else
                    {
                        uint rest = (~bits & 0xFFFFu) >> pos;
                        if (rest == 0) break;
                        pos += BitOperations.TrailingZeroCount(rest);
                        if (i + pos - runStart >= 2) tokens.Add((runStart, i + pos - runStart));
                        runStart = -1;
                    }
                }
            }
        }
        for (; i < n; i++)
        {
            char c = text[i];
            bool word = (uint)((c | 0x20) - 'a') <= 25 || (uint)(c - '0') <= 9 || c == '_';
            if (word) { if (runStart < 0) runStart = i; }
            else if (runStart >= 0)
            {
                if (i - runStart >= 2) tokens.Add((runStart, i - runStart));
                runStart = -1;
            }
        }
        if (runStart >= 0 && n - runStart >= 2) tokens.Add((runStart, n - runStart));
    }

    private static readonly SearchValues<char> AsciiWord = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");
    private static readonly SearchValues<char> AsciiNonWord = SearchValues.Create(
        Enumerable.Range(0, 0x80).Select(c => (char)c).Where(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')).ToArray());

    /// <summary>Orders strings by code point, as Python compares <c>str</c>.</summary>
    public static readonly IComparer<string> CodePointComparer = Comparer<string>.Create(CompareCodePoints);

    private static int CompareCodePoints(string? a, string? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            char x = a[i], y = b[i];
            if (x == y) continue;
            // Surrogates (D800–DFFF) encode code points above FFFF, so they sort after E000–FFFF.
            int fx = x >= 0xD800 ? (x < 0xE000 ? x + 0x2000 : x - 0x800) : x;
            int fy = y >= 0xD800 ? (y < 0xE000 ? y + 0x2000 : y - 0x800) : y;
            return fx.CompareTo(fy);
        }
        return a.Length.CompareTo(b.Length);
    }
}
