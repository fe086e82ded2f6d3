using System.Globalization;
using System.Text;

namespace BERTopicNet.Onnx;

/// <summary>
/// The <c>clean_text</c> step of Hugging Face's BERT normaliser, done before tokenisation because
/// Microsoft.ML.Tokenizers' BERT normaliser differs from it on some characters (it drops tabs and splits words at
/// soft hyphens and zero-width spaces). Rules, per code point: NUL, U+FFFD and "other" characters (categories Cc,
/// Cf, Cn, Co, Cs — but not tab, line feed, carriage return) are removed; then whitespace (tab, LF, CR and the
/// Unicode White_Space characters) becomes a plain space.
/// </summary>
internal static class BertTextCleaner
{
    /// <summary>Returns <paramref name="text"/> cleaned (the same instance when nothing changes).</summary>
    public static string Clean(string text)
    {
        int first = 0;
        while (first < text.Length && text[first] is >= ' ' and < '\u007F') first++;
        if (first == text.Length) return text;
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        int i = first;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is >= ' ' and < '\u007F') { sb.Append(c); i++; continue; }
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out int used) != System.Buffers.OperationStatus.Done)
            {
                i += Math.Max(used, 1); // a lone surrogate is category Cs: removed
                continue;
            }
            i += used;
            int v = rune.Value;
            if (v is '\t' or '\n' or '\r') { sb.Append(' '); continue; }
            if (v is 0 or 0xFFFD) continue;
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate)
                continue;
            if (IsWhiteSpace(v)) { sb.Append(' '); continue; }
            if (rune.IsBmp) sb.Append((char)v);
            else sb.Append(text, i - used, used);
        }
        return sb.ToString();
    }

    /// <summary>The Unicode White_Space property (what Rust's <c>char::is_whitespace</c> tests), controls excluded (they are removed first).</summary>
    private static bool IsWhiteSpace(int v) =>
        v is 0x20 or 0xA0 or 0x1680 or (>= 0x2000 and <= 0x200A) or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000;
}
