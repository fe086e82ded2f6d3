namespace BERTopicNet.Samples;

/// <summary>Prints a fitted model's topics like Python's <c>get_topic_info()</c> and <c>get_topic()</c>.</summary>
public static class TopicTable
{
    /// <summary>Prints the <paramref name="rows"/> largest topics (count and label), outliers first as in Python.</summary>
    public static void PrintFrequencies(BERTopic model, int rows = 10, TextWriter? output = null)
    {
        output ??= Console.Out;
        var labels = model.TopicLabels;
        output.WriteLine($"{"Topic",6}  {"Count",6}  Name");
        foreach (var f in model.GetTopicFreq().Take(rows))
            output.WriteLine($"{f.Topic,6}  {f.Count,6}  {labels.GetValueOrDefault(f.Topic, "")}");
        output.WriteLine($"({model.TopicCount} topics, {model.OutlierCount} outlier documents)");
    }

    /// <summary>Prints the words and c-TF-IDF scores of <paramref name="topic"/>.</summary>
    public static void PrintTopic(BERTopic model, int topic, int words = 10, TextWriter? output = null)
    {
        output ??= Console.Out;
        var list = model.GetTopic(topic);
        if (list is null) { output.WriteLine($"Topic {topic}: (no such topic)"); return; }
        output.WriteLine($"Topic {topic}: " + string.Join(", ", list.Take(words).Where(w => !w.IsFiller).Select(w => $"{w.Word} ({w.Score:F3})")));
    }
}
