using BERTopicNet.Analysis;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>
    /// The topics' words within each class (Python's <c>topics_per_class</c>): per class, the c-TF-IDF of each topic's
    /// documents in that class (fitted vectorizer and idf), averaged with the topic's global c-TF-IDF row when
    /// <paramref name="globalTuning"/> (both L1-normalised).
    /// </summary>
    /// <param name="documents">The documents the model was fitted on.</param>
    /// <param name="classes">The class of each document.</param>
    /// <param name="globalTuning">Average with the global representation (default true); false keeps to the words found in the class.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>One row per (class, topic) present, classes in ordinal order, topics ascending.</returns>
    /// <exception cref="ArgumentException">The documents or classes do not match the fitted documents, or a class is null.</exception>
    /// <exception cref="InvalidOperationException">The model is not fitted or has no c-TF-IDF state.</exception>
    /// <remarks>Python iterates over <c>set(classes)</c>, whose order varies between runs; the rows are the same.
    /// Representation models are not applied to these words.</remarks>
    public IReadOnlyList<TopicPerClass> TopicsPerClass(IReadOnlyList<string> documents, IReadOnlyList<string> classes, bool globalTuning = true,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classes);
        RequireAnalysable(documents, DocumentTopics.Count, "the fitted model");
        if (classes.Count != documents.Count)
            throw new ArgumentException($"There are {classes.Count} classes for {documents.Count} documents; give one class per document.", nameof(classes));
        var groups = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < classes.Count; i++)
        {
            var c = classes[i] ?? throw new ArgumentException($"classes[{i}] is null; every document needs a class.", nameof(classes));
            if (!groups.TryGetValue(c, out var list)) groups[c] = list = [];
            list.Add(i);
        }
        var cleaned = CleanCharacters(documents);
        var topics = _documentTopics!;
        var rows = new List<TopicPerClass>();
        foreach (var (cls, members) in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (ids, counts, local) = GroupCtfidf(cleaned, topics, members, cancellationToken);
            if (globalTuning) local = GlobalRows(ids).Average(local.NormalizeL1());
            var words = TopFiveWords(local, ids);
            for (int t = 0; t < ids.Length; t++) rows.Add(new TopicPerClass(ids[t], words[ids[t]], counts[t], cls));
        }
        return rows;
    }
}
