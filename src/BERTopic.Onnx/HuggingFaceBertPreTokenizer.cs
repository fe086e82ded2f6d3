using System.Globalization;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace BERTopicNet.Onnx;

/// <summary>
/// Hugging Face's <c>BertPreTokenizer</c>: words are split at whitespace, and every punctuation character (ASCII
/// punctuation, which includes <c>$+&lt;=&gt;^`|~</c>, or a Unicode P* category) is a word of its own; special
/// tokens such as <c>[SEP]</c> written in the text stay whole.
/// </summary>
internal sealed class HuggingFaceBertPreTokenizer(IReadOnlyList<string> specialTokens) : PreTokenizer
{
    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text)
    {
        var result = new List<(int, int)>();
        if (string.IsNullOrEmpty(text)) return result;
        int wordStart = -1, i = 0;
        while (i < text.Length)
        {
            if (text[i] == '[' && MatchSpecial(text, i) is int special and > 0)
            {
                if (wordStart >= 0) { result.Add((wordStart, i - wordStart)); wordStart = -1; }
                result.Add((i, special));
                i += special;
                continue;
            }
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out int used);
            used = Math.Max(used, 1);
            if (Rune.IsWhiteSpace(rune))
            {
                if (wordStart >= 0) { result.Add((wordStart, i - wordStart)); wordStart = -1; }
            }
            else if (IsPunctuation(rune))
            {
                if (wordStart >= 0) { result.Add((wordStart, i - wordStart)); wordStart = -1; }
                result.Add((i, used));
            }
            else if (wordStart < 0) wordStart = i;
            i += used;
        }
        if (wordStart >= 0) result.Add((wordStart, text.Length - wordStart));
        return result;
    }

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text) => PreTokenize(text.ToString());

    private int MatchSpecial(string text, int at)
    {
        foreach (var s in specialTokens)
            if (string.CompareOrdinal(text, at, s, 0, s.Length) == 0) return s.Length;
        return 0;
    }

    /// <summary>ASCII punctuation (33–47, 58–64, 91–96, 123–126) or a Unicode punctuation category.</summary>
    internal static bool IsPunctuation(Rune r)
    {
        int v = r.Value;
        if (v is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126)) return true;
        return Rune.GetUnicodeCategory(r) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }
}
