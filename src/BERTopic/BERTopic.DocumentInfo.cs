namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>
    /// One row per training document with its topic and the topic's details (Python's <c>get_document_info</c>):
    /// Document, Topic, Name, CustomName, Representation, Representative_Docs, Top_n_words, Probability,
    /// Representative_document, plus the caller's own columns.
    /// </summary>
    /// <param name="documents">The documents the model was fitted on, in the same order.</param>
    /// <param name="df">Optional extra columns, one dictionary per document (Python's <c>df</c>); returned as <see cref="DocumentInfo.Metadata"/>.</param>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    /// <exception cref="ArgumentException">The number of documents (or of <paramref name="df"/> rows) differs from the number of fitted documents.</exception>
    public IReadOnlyList<DocumentInfo> GetDocumentInfo(IReadOnlyList<string> documents, IReadOnlyList<IReadOnlyDictionary<string, object?>>? df = null)
    {
        RequireFitted();
        documents = ValidateDocuments(documents);
        var topics = _documentTopics!;
        if (documents.Count != topics.Length)
            throw new ArgumentException($"{documents.Count} documents were given but the model was fitted on {topics.Length}; pass the training documents in their original order.", nameof(documents));
        if (df is not null && df.Count != documents.Count)
            throw new ArgumentException($"df has {df.Count} rows but there are {documents.Count} documents; give one row per document.", nameof(df));

        var info = GetTopicInfo().ToDictionary(r => r.Topic);
        var topWords = new Dictionary<int, string>();
        foreach (var t in info.Keys)
            topWords[t] = string.Join(" - ", (_representations.TryGetValue(t, out var words) ? words : []).Select(w => w.Word));
        var representative = new HashSet<string>(_representativeDocs.Values.SelectMany(d => d), StringComparer.Ordinal);
        var probabilities = _probabilities;
        var rows = new DocumentInfo[documents.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            int topic = topics[i];
            info.TryGetValue(topic, out var row);
            double? probability = null;
            if (probabilities?.PerDocument is { } perDocument) probability = perDocument[i];
            else if (probabilities?.Matrix is { } matrix) probability = FlatProbability(matrix, i, topic);
            rows[i] = new DocumentInfo(documents[i], topic, row?.Name ?? $"{topic}_", row?.CustomName,
                row?.Representation ?? [], row?.RepresentativeDocs ?? [], topWords.GetValueOrDefault(topic, ""), probability,
                representative.Contains(documents[i]), df?[i]);
        }
        return rows;
    }

    /// <summary>Python: <c>max(probs) if topic != -1 else 1 - sum(probs)</c>.</summary>
    private static double FlatProbability(float[,] matrix, int row, int topic)
    {
        int k = matrix.GetLength(1);
        if (k == 0) return topic == -1 ? 1 : 0;
        if (topic != -1)
        {
            float max = float.NegativeInfinity;
            for (int t = 0; t < k; t++) max = Math.Max(max, matrix[row, t]);
            return max;
        }
        double sum = 0;
        for (int t = 0; t < k; t++) sum += matrix[row, t];
        return 1 - sum;
    }
}
