namespace BERTopicNet.IO;

/// <summary>
/// Makes any .NET string valid UTF-16: a lone surrogate (a high surrogate not followed by a low one, or a low
/// surrogate not preceded by a high one; text from broken sources holds them) becomes U+FFFD, the replacement
/// character. Every BERTopic entry point that takes text applies this, so a fitted model only holds text that JSON,
/// UTF-8 and charts can carry, and <c>Save</c>/<c>Load</c> round-trip it exactly. Tokens are unchanged: neither a
/// lone surrogate nor U+FFFD is a word character for the token pattern.
/// </summary>
public static class Utf16Text
{
    /// <summary>The character that replaces a lone surrogate.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>Whether <paramref name="text"/> holds a lone surrogate.</summary>
    public static bool HasLoneSurrogate(string text) => FirstLoneSurrogate(text) >= 0;

    /// <summary>The index of the first lone surrogate in <paramref name="text"/>, or -1.</summary>
    public static int FirstLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            int next = text[i..].IndexOfAnyInRange('\uD800', '\uDFFF'); // vectorised skip to the next surrogate
            if (next < 0) return -1;
            i += next;
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            return i;
        }
        return -1;
    }

    /// <summary><paramref name="text"/> with every lone surrogate replaced by U+FFFD (the same instance when it has none).</summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = FirstLoneSurrogate(text);
        if (first < 0) return text;
        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (int i = state.first; i < span.Length; i++)
            {
                char c = span[i];
                if (!char.IsSurrogate(c)) continue;
                if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1])) { i++; continue; }
                span[i] = Replacement;
            }
        });
    }

    /// <summary>
    /// <paramref name="texts"/> with <see cref="Sanitize(string)"/> applied to each (the same instance when none has
    /// a lone surrogate). Null entries stay null.
    /// </summary>
    public static IReadOnlyList<string> Sanitize(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        string[]? copy = null;
        for (int i = 0; i < texts.Count; i++)
        {
            string s = texts[i];
            if (s is null || FirstLoneSurrogate(s) < 0) continue;
            copy ??= [.. texts];
            copy[i] = Sanitize(s);
        }
        return copy ?? texts;
    }
}
