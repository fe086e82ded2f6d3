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
        var map = EnglishMap;
        int w = 0;
        foreach (char c in source)
        {
            if (c >= 0x80) continue;
            char m = map[c];
            if (m != 0) destination[w++] = m;
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
