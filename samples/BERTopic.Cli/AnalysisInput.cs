using System.Text.Json;
using BERTopicNet.IO;

namespace BERTopicNet.Cli;

/// <summary>Inputs of the analysis commands: the saved model (a model folder or fit's output folder) and a field of each docs.jsonl line.</summary>
internal static class AnalysisInput
{
    /// <summary>Loads the model in <paramref name="dir"/>, or in <paramref name="dir"/>/model as <c>fit</c> writes it.</summary>
    public static BERTopic LoadModel(string dir, StageClock clock)
    {
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"--model: folder '{dir}' does not exist.");
        string saved = IsSavedModel(dir) ? dir : IsSavedModel(Path.Combine(dir, "model")) ? Path.Combine(dir, "model")
            : throw new FileNotFoundException($"--model: '{dir}' holds no saved model (config.json), nor does '{Path.Combine(dir, "model")}'.");
        return clock.Time("load", () => BERTopic.Load(saved));
    }

    private static bool IsSavedModel(string dir) =>
        File.Exists(Path.Combine(dir, "config.json")) || File.Exists(Path.Combine(dir, "bertopic_net.json"));

    /// <summary>The texts and the value of <paramref name="field"/> of each line (strings as written, other values as their JSON text).</summary>
    /// <exception cref="InvalidDataException">A line lacks the field or holds null there.</exception>
    public static (List<string> Texts, List<string> Values) ReadField(string path, string field, string option)
    {
        var texts = JsonlCorpus.ReadTexts(CliOptions.ExistingFile(path, "--docs"));
        var values = new List<string>(texts.Count);
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            if (!doc.RootElement.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
                throw new InvalidDataException($"{option}: line {lineNo} of '{path}' has no \"{field}\" field.");
            values.Add(v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText());
        }
        return (texts, values);
    }
}
