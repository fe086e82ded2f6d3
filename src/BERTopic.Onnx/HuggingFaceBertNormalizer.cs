using System.Globalization;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace BERTopicNet.Onnx;

/// <summary>
/// Hugging Face's <c>BertNormalizer</c>, in its order: clean_text (<see cref="BertTextCleaner"/>), spaces around CJK
/// ideographs, accent stripping (canonical decomposition, then non-spacing marks dropped), lower-casing.
/// </summary>
internal sealed class HuggingFaceBertNormalizer(bool cleanText, bool handleChineseChars, bool stripAccents, bool lowerCase) : Normalizer
{
    public override string Normalize(string original)
    {
        if (string.IsNullOrEmpty(original)) return string.Empty;
        string text = cleanText ? BertTextCleaner.Clean(original) : original;
        if (IsPlainAscii(text))
            return lowerCase ? text.ToLowerInvariant() : text;
        if (stripAccents) text = CanonicalDecomposition.Decompose(text);
        var sb = new StringBuilder(text.Length + 16);
        foreach (var rune in text.EnumerateRunes())
        {
            if (stripAccents && Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark) continue;
            var r = lowerCase ? Rune.ToLowerInvariant(rune) : rune;
            if (handleChineseChars && IsChineseChar(rune.Value)) sb.Append(' ').Append(r.ToString()).Append(' ');
            else sb.Append(r.ToString());
        }
        return sb.ToString();
    }

    public override string Normalize(ReadOnlySpan<char> original) => Normalize(original.ToString());

    private static bool IsPlainAscii(string text)
    {
        foreach (char c in text)
            if (c >= '\u0080') return false;
        return true;
    }

    /// <summary>The CJK ideograph blocks Hugging Face's BERT normaliser surrounds with spaces.</summary>
    internal static bool IsChineseChar(int cp) =>
        cp is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF) or (>= 0x2A700 and <= 0x2B73F)
            or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);
}
