using System.Text.RegularExpressions;

namespace BERTopicNet.Evaluation;

/// <summary>
/// scikit-learn's default word tokenization (<c>CountVectorizer(lowercase=True, token_pattern=r"(?u)\b\w\w+\b")</c>):
/// runs of two or more word characters, with Python's notion of a word character (letters, numbers, underscore),
/// which BERTopic's default vectorizer also uses — so topic words and tokens match.
/// </summary>
public static partial class DefaultTokenizer
{
    [GeneratedRegex(@"(?<![\p{L}\p{N}_])[\p{L}\p{N}_]{2,}(?![\p{L}\p{N}_])", RegexOptions.CultureInvariant)]
    private static partial Regex TokenRegex();

    /// <summary>The tokens of <paramref name="text"/>, lower-cased.</summary>
    /// <param name="text">The document.</param>
    public static string[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = TokenRegex().Matches(text.ToLowerInvariant());
        var tokens = new string[matches.Count];
        for (int i = 0; i < tokens.Length; i++) tokens[i] = matches[i].Value;
        return tokens;
    }
}
