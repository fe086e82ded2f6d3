using System.Globalization;
using System.Text;

namespace BERTopicNet.Evaluation;

/// <summary>
/// scikit-learn's default word tokenization (<c>CountVectorizer(lowercase=True, token_pattern=r"(?u)\b\w\w+\b")</c>):
/// maximal runs of two or more word characters after lower-casing, with Python's notion of a word character
/// (letters, numbers of any kind, underscore) — the tokens BERTopic's default vectorizer makes topic words from.
/// </summary>
public static class DefaultTokenizer
{
    /// <summary>The tokens of <paramref name="text"/>, lower-cased.</summary>
    /// <param name="text">The document.</param>
    public static string[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.ToLowerInvariant();
        var tokens = new List<string>();
        int start = -1, runes = 0, i = 0;
        while (i < lower.Length)
        {
            char c = lower[i];
            bool word;
            int width = 1;
            if (c < 128) word = char.IsAsciiLetterOrDigit(c) || c == '_';
            else if (Rune.TryGetRuneAt(lower, i, out var r)) { word = IsWordRune(r); width = r.Utf16SequenceLength; }
            else word = false; // lone surrogate
            if (word)
            {
                if (start < 0) { start = i; runes = 0; }
                runes++;
            }
            else if (start >= 0)
            {
                if (runes >= 2) tokens.Add(lower[start..i]);
                start = -1;
            }
            i += width;
        }
        if (start >= 0 && runes >= 2) tokens.Add(lower[start..]);
        return [.. tokens];
    }

    /// <summary>Python's <c>\w</c> for str patterns: <c>str.isalnum()</c> or underscore.</summary>
    private static bool IsWordRune(Rune r)
    {
        if (r.Value == '_') return true;
        switch (Rune.GetUnicodeCategory(r))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
                return true;
            default:
                return false;
        }
    }
}
