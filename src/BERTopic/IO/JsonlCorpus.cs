using System.Text.Json;

namespace BERTopicNet.IO;

/// <summary>A document with an optional gold label, as read from a <c>docs.jsonl</c> line.</summary>
/// <param name="Text">The document text.</param>
/// <param name="Label">The gold label, or null when the line has none.</param>
public sealed record LabeledDocument(string Text, string? Label);

/// <summary>
/// Reads corpora stored as JSON Lines: one object per line with a <c>"text"</c> string and an optional
/// <c>"label"</c> (string or number).
/// </summary>
public static class JsonlCorpus
{
    /// <summary>Reads every line of <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">A line is not an object with a string "text".</exception>
    public static List<LabeledDocument> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"The corpus file '{path}' does not exist.", path);
        var result = new List<LabeledDocument>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                // A lone surrogate, raw or escaped ("\ud83d", as Python's json.dump writes it), is read as U+FFFD.
                var utf8 = System.Text.Encoding.UTF8.GetBytes(line);
                JsonSurrogateEscapes.ReplaceLone(utf8);
                using var doc = JsonDocument.Parse(utf8);
                if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                    throw new InvalidDataException($"{path}:{lineNo}: each line must be a JSON object with a string \"text\".");
                string? label = null;
                if (doc.RootElement.TryGetProperty("label", out var l))
                    label = l.ValueKind switch { JsonValueKind.String => l.GetString(), JsonValueKind.Null => null, _ => l.GetRawText() };
                result.Add(new LabeledDocument(text.GetString()!, label));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{lineNo}: invalid JSON ({e.Message}).", e);
            }
        }
        return result;
    }

    /// <summary>Reads only the texts of <paramref name="path"/>.</summary>
    public static List<string> ReadTexts(string path) => Read(path).ConvertAll(d => d.Text);
}
