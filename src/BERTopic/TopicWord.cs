namespace BERTopicNet;

/// <summary>A word (or n-gram) describing a topic and its score (c-TF-IDF weight, or a representation model's score).</summary>
/// <param name="Word">The word; empty for the filler entries Python BERTopic adds when a topic has too few words.</param>
/// <param name="Score">The score.</param>
public readonly record struct TopicWord(string Word, double Score)
{
    /// <summary>The filler entry <c>("", 1e-05)</c> Python BERTopic uses when a topic has fewer words than requested.</summary>
    public static TopicWord Filler => new("", 0.00001);

    /// <summary>
    /// Whether this is a filler entry (an empty word). <c>GetTopic</c> keeps them, as Python does, so that saved
    /// models match Python's; <see cref="BERTopic.TopicLabels"/>, <see cref="BERTopic.GenerateTopicLabels"/> and
    /// the charts leave them out, and so should anything that shows words: <c>words.Where(w => !w.IsFiller)</c>.
    /// </summary>
    public bool IsFiller => Word.Length == 0;
}
