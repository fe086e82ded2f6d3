using System.Globalization;
using System.Text.Json.Nodes;

namespace BERTopicNet.Cli;

/// <summary>The topics.json layout written by <c>fit</c> (the same keys as Python BERTopic's reference outputs).</summary>
internal static class TopicsJson
{
    public static JsonObject Describe(BERTopic model, TopicModelResult result)
    {
        var words = new JsonObject();
        foreach (var (topic, list) in model.GetTopics())
            words[Key(topic)] = new JsonArray([.. list.Select(w => (JsonNode)new JsonArray(w.Word, w.Score))]);
        var sizes = new JsonObject();
        foreach (var f in model.GetTopicFreq()) sizes[Key(f.Topic)] = f.Count;
        var labels = new JsonObject();
        foreach (var (topic, label) in model.TopicLabels) labels[Key(topic)] = label;
        var json = new JsonObject
        {
            ["doc_topics"] = new JsonArray([.. result.Topics.Select(t => (JsonNode)t)]),
            ["topic_words"] = words,
            ["topic_sizes"] = sizes,
            ["topic_labels"] = labels,
        };
        if (Probabilities(result.Probabilities) is { } p) json["probabilities"] = p;
        return json;
    }

    /// <summary>Per-document probabilities as a JSON array (numbers, or rows of numbers for the matrix form).</summary>
    public static JsonArray? Probabilities(TopicProbabilities? probabilities)
    {
        if (probabilities?.PerDocument is { } v) return new JsonArray([.. v.Select(p => (JsonNode)Math.Round(p, 6))]);
        if (probabilities?.Matrix is { } m)
        {
            var rows = new JsonArray();
            for (int i = 0; i < m.GetLength(0); i++)
            {
                var row = new JsonArray();
                for (int k = 0; k < m.GetLength(1); k++) row.Add(Math.Round(m[i, k], 6));
                rows.Add(row);
            }
            return rows;
        }
        return null;
    }

    private static string Key(int topic) => topic.ToString(CultureInfo.InvariantCulture);
}
