using BERTopicNet.Analysis;
using BERTopicNet.Topics;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>
    /// c-TF-IDF of one group of documents (a timestamp or a class) with the fitted vectorizer and idf: one row per
    /// topic present in the group (ascending), as Python's <c>_c_tf_idf(documents_per_topic, fit=False)</c>.
    /// </summary>
    /// <param name="cleaned">All documents after <see cref="CleanCharacters"/>.</param>
    /// <param name="topics">The topic of each document.</param>
    /// <param name="members">The documents of the group, in order.</param>
    /// <param name="ct">Cancels the work.</param>
    private (int[] Topics, int[] Counts, ScipyRows CTfidf) GroupCtfidf(string[] cleaned, IReadOnlyList<int> topics, List<int> members, CancellationToken ct)
    {
        var byTopic = new SortedDictionary<int, List<int>>();
        foreach (var i in members)
        {
            if (!byTopic.TryGetValue(topics[i], out var list)) byTopic[topics[i]] = list = [];
            list.Add(i);
        }
        var ids = byTopic.Keys.ToArray();
        var counts = byTopic.Values.Select(l => l.Count).ToArray();
        var joined = byTopic.Values.Select(l =>
        {
            var text = string.Join(' ', l.Select(i => cleaned[i]));
            return text.Length == 0 ? "emptydoc" : text;
        }).ToArray();
        var bow = _vectorizer.Transform(joined, ct);
        return (ids, counts, ScipyRows.FromCtfidf(_ctfidf.Transform(bow)));
    }

    /// <summary>The global c-TF-IDF rows of <paramref name="topics"/>, L1-normalised (Python's <c>global_c_tf_idf[...]</c>).</summary>
    private ScipyRows GlobalRows(IReadOnlyList<int> topics)
    {
        var rows = new int[topics.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            int r = Array.IndexOf(_topicIds, topics[i]);
            if (r < 0) throw new ArgumentException($"Topic {topics[i]} is not a topic of the fitted model.", nameof(topics));
            rows[i] = r;
        }
        return ScipyRows.FromCtfidf(_cTfidf!, rows).NormalizeL1();
    }

    /// <summary>Python's <c>", ".join([w for w, _ in words][:5])</c> over the top words of each row (fillers included).</summary>
    private Dictionary<int, string> TopFiveWords(ScipyRows rows, int[] topics)
    {
        var words = TopicWordSelector.SelectStored(rows.Rows, _vectorizer.Vocabulary, topics, Math.Max(_topNWords, 30));
        return words.ToDictionary(kv => kv.Key, kv => string.Join(", ", kv.Value.Take(Math.Min(_topNWords, 5)).Select(w => w.Word)));
    }

    /// <summary>Checks the documents and that the model holds the c-TF-IDF state these analyses need.</summary>
    private void RequireAnalysable(IReadOnlyList<string> documents, int expectedCount, string what)
    {
        RequireFitted();
        ValidateDocuments(documents);
        if (documents.Count != expectedCount)
            throw new ArgumentException($"{documents.Count} documents were given but {what} has {expectedCount}; pass the documents the model was fitted on.", nameof(documents));
        if (_cTfidf is null || _cTfidf.Rows != _topicIds.Length || _vectorizer.Vocabulary.Count == 0 || _ctfidf.Idf is null)
            throw new InvalidOperationException("The model holds no fitted vectorizer and c-TF-IDF (a Python folder saved without them?); refit it to analyse topics.");
    }
}
