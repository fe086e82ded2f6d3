using System.Text.Json;

namespace BERTopicNet.Cli;

/// <summary>
/// The inputs that steer a fit: <c>--y-field</c> labels read from the corpus, <c>--zero-shot-topics</c> and
/// <c>--seed-topics</c> JSON files.
/// </summary>
internal static class SteeringInputs
{
    /// <summary>
    /// The class of each line of <paramref name="docsPath"/> from field <paramref name="field"/>: a missing field or
    /// null is -1 (unknown). Integer values are used as they are (-1 = unknown); any other values (strings, numbers
    /// with a fraction, booleans) are numbered 0, 1, … in ordinal order of their JSON text.
    /// </summary>
    public static int[] ReadY(string docsPath, string field)
    {
        var raw = new List<JsonElement?>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(docsPath))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            raw.Add(doc.RootElement.TryGetProperty(field, out var v) && v.ValueKind != JsonValueKind.Null ? v.Clone() : null);
        }
        bool allIntegers = raw.All(v => v is null || (v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetInt32(out _)));
        if (allIntegers)
        {
            var y = raw.Select(v => v?.GetInt32() ?? -1).ToArray();
            int bad = Array.FindIndex(y, l => l < -1);
            if (bad >= 0) throw new ArgumentException($"--y-field {field}: line {bad + 1} holds {y[bad]}; classes must be -1 (unknown) or >= 0.");
            return y;
        }
        var names = raw.Where(v => v is not null).Select(v => Text(v!.Value)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        return [.. raw.Select(v => v is null ? -1 : index[Text(v.Value)])];
    }

    private static string Text(JsonElement v) => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();

    /// <summary>A JSON list of labels, e.g. <c>["space", "sports"]</c>.</summary>
    public static string[] ReadZeroShotTopics(string path)
    {
        var root = Parse(path, "--zero-shot-topics");
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0 || root.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            throw new ArgumentException($"--zero-shot-topics: '{path}' must hold a non-empty JSON list of label strings, e.g. [\"space\", \"sports\"].");
        return [.. root.EnumerateArray().Select(e => e.GetString()!)];
    }

    /// <summary>A JSON list of word lists, e.g. <c>[["nasa", "orbit"], ["goal", "league"]]</c>.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ReadSeedTopics(string path)
    {
        var root = Parse(path, "--seed-topics");
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0
            || root.EnumerateArray().Any(l => l.ValueKind != JsonValueKind.Array || l.GetArrayLength() == 0 || l.EnumerateArray().Any(w => w.ValueKind != JsonValueKind.String)))
            throw new ArgumentException($"--seed-topics: '{path}' must hold a non-empty JSON list of non-empty word lists, e.g. [[\"nasa\", \"orbit\"], [\"goal\", \"league\"]].");
        return [.. root.EnumerateArray().Select(l => (IReadOnlyList<string>)[.. l.EnumerateArray().Select(w => w.GetString()!)])];
    }

    private static JsonElement Parse(string path, string option)
    {
        try { return JsonDocument.Parse(File.ReadAllText(CliOptions.ExistingFile(path, option))).RootElement.Clone(); }
        catch (JsonException e) { throw new ArgumentException($"{option}: '{path}' is not valid JSON ({e.Message}).", e); }
    }
}
