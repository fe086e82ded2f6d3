using System.Text.Json;

namespace BERTopicNet.Benchmarks.Quality;

/// <summary>Python BERTopic's fit, read from a golden <c>bertopic.json</c> (its <c>fit</c> block: doc_topics, topic_words).</summary>
internal sealed record PythonReference(int[] DocumentTopics, Dictionary<int, IReadOnlyList<string>> TopicWords)
{
    public static PythonReference Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var fit = doc.RootElement.TryGetProperty("fit", out var f) ? f : doc.RootElement;
        var topics = fit.GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var words = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var p in fit.GetProperty("topic_words").EnumerateObject())
            words[int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture)] =
                p.Value.EnumerateArray().Select(pair => pair[0].GetString() ?? "").ToArray();
        return new PythonReference(topics, words);
    }
}
