using System.Text;

namespace BERTopicNet.Datasets;

/// <summary>
/// The header, footer and quote removal of scikit-learn's 20 Newsgroups loader
/// (<c>strip_newsgroup_header</c>, <c>strip_newsgroup_footer</c>, <c>strip_newsgroup_quoting</c>), with the same
/// results character for character, including Python's notion of white space.
/// </summary>
public static class NewsgroupsText
{
    /// <summary>Applies the removals selected in <paramref name="remove"/> in scikit-learn's order (headers, footers, quotes).</summary>
    /// <param name="text">A post as read from the archive.</param>
    /// <param name="remove">The parts to remove.</param>
    public static string Clean(string text, NewsgroupsRemove remove)
    {
        ArgumentNullException.ThrowIfNull(text);
        if ((remove & NewsgroupsRemove.Headers) != 0) text = StripHeader(text);
        if ((remove & NewsgroupsRemove.Footers) != 0) text = StripFooter(text);
        if ((remove & NewsgroupsRemove.Quotes) != 0) text = StripQuoting(text);
        return text;
    }

    /// <summary>
    /// Removes the news headers: everything up to and including the first blank line (<c>"\n\n"</c>).
    /// A text without a blank line becomes empty, as in scikit-learn (<c>text.partition("\n\n")[2]</c>).
    /// </summary>
    public static string StripHeader(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int at = text.IndexOf("\n\n", StringComparison.Ordinal);
        return at < 0 ? string.Empty : text[(at + 2)..];
    }

    /// <summary>
    /// Removes a signature block: the text is trimmed, split into lines, and cut before the last line that is
    /// blank or made only of hyphens (after trimming white space), unless that line is the first one, in which case
    /// the text is returned unchanged (untrimmed), as scikit-learn does.
    /// </summary>
    public static string StripFooter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = PythonStrip(text).Split('\n');
        int lineNum = lines.Length - 1;
        for (; lineNum > 0; lineNum--)
            if (IsSeparatorLine(lines[lineNum])) break;
        return lineNum > 0 ? string.Join('\n', lines, 0, lineNum) : text;
    }

    /// <summary>
    /// Removes the lines that quote another post: lines starting with <c>&gt;</c>, <c>|</c>, "In article" or
    /// "Quoted from", and lines containing "writes in", "writes:", "wrote:", "says:" or "said:".
    /// </summary>
    public static string StripQuoting(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        bool first = true;
        foreach (var line in text.Split('\n'))
        {
            if (IsQuoteLine(line)) continue;
            if (!first) sb.Append('\n');
            sb.Append(line);
            first = false;
        }
        return sb.ToString();
    }

    private static readonly string[] QuoteMarkersAnywhere = ["writes in", "writes:", "wrote:", "says:", "said:"];
    private static readonly string[] QuoteMarkersAtStart = ["In article", "Quoted from", "|", ">"];

    private static bool IsQuoteLine(string line)
    {
        foreach (var m in QuoteMarkersAtStart)
            if (line.StartsWith(m, StringComparison.Ordinal)) return true;
        foreach (var m in QuoteMarkersAnywhere)
            if (line.Contains(m, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Python's <c>line.strip().strip("-") == ""</c>.</summary>
    private static bool IsSeparatorLine(string line)
    {
        foreach (char c in PythonStrip(line))
            if (c != '-') return false;
        return true;
    }

    /// <summary>Python's <c>str.strip()</c>: trims the characters for which <c>str.isspace()</c> is true.</summary>
    internal static string PythonStrip(string s)
    {
        int start = 0, end = s.Length;
        while (start < end && IsPythonWhiteSpace(s[start])) start++;
        while (end > start && IsPythonWhiteSpace(s[end - 1])) end--;
        return start == 0 && end == s.Length ? s : s[start..end];
    }

    /// <summary>
    /// Python's <c>str.isspace()</c> for one UTF-16 unit: .NET's white space plus the separators U+001C to U+001F,
    /// which Python counts as white space and .NET does not.
    /// </summary>
    internal static bool IsPythonWhiteSpace(char c) => char.IsWhiteSpace(c) || (c >= '\u001c' && c <= '\u001f');
}
