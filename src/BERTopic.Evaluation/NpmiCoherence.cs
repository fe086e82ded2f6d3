namespace BERTopicNet.Evaluation;

/// <summary>
/// NPMI topic coherence computed exactly as gensim's <c>CoherenceModel(coherence="c_npmi")</c>, which OCTIS and the
/// BERTopic paper use: every ordered pair of distinct top words of a topic (segmentation <c>s_one_one</c>), probabilities
/// from boolean sliding windows of 10 tokens (<c>p_boolean_sliding_window</c>), NPMI with ε = 1e-12, the mean over
/// pairs per topic, the mean over topics for the model.
/// </summary>
/// <remarks>
/// <para>
/// NPMI(a, b) = log((P(a,b) + ε) / (P(a)·P(b))) / −log(P(a,b) + ε), where P counts the share of windows holding the
/// word(s). As in gensim: texts without any top word are skipped and do not count as windows; a text shorter than
/// the window is one window; the windows of a text slide one token at a time; and a word leaving the window is
/// unmarked even when it occurs again inside the window (gensim's accumulator does this, and matching its numbers is
/// the point of this class).
/// </para>
/// <para>
/// With <see cref="NpmiOptions.WindowSize"/> = 0, co-occurrence is counted per document over all documents
/// (gensim's <c>p_boolean_document</c>). Top words that never occur in the texts are left out and reported in
/// <see cref="NpmiResult.SkippedWords"/> (gensim raises an error for them).
/// </para>
/// </remarks>
public static class NpmiCoherence
{
    private const double Epsilon = 1e-12;

    /// <summary>Tokenizes <paramref name="documents"/> with <see cref="DefaultTokenizer"/> and computes the coherence.</summary>
    /// <param name="topics">Each topic's words, best first (pass the topics without the outlier topic).</param>
    /// <param name="documents">The reference corpus (usually the corpus the model was fitted on).</param>
    /// <param name="options">Window and number of words; null for gensim's c_npmi defaults.</param>
    /// <param name="cancellationToken">Cancels the counting.</param>
    public static NpmiResult Compute(IReadOnlyList<IReadOnlyList<string>> topics, IEnumerable<string> documents, NpmiOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return ComputeTokenized(topics, documents.Select(DefaultTokenizer.Tokenize), options, cancellationToken);
    }

    /// <summary>Computes the coherence over already tokenized texts.</summary>
    /// <param name="topics">Each topic's words, best first (pass the topics without the outlier topic).</param>
    /// <param name="texts">The reference corpus, one token list per document.</param>
    /// <param name="options">Window and number of words; null for gensim's c_npmi defaults.</param>
    /// <param name="cancellationToken">Cancels the counting.</param>
    /// <exception cref="ArgumentException">No topics, a negative window, or TopN &lt; 2.</exception>
    public static NpmiResult ComputeTokenized(IReadOnlyList<IReadOnlyList<string>> topics, IEnumerable<IReadOnlyList<string>> texts, NpmiOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(texts);
        options ??= new NpmiOptions();
        if (options.WindowSize < 0) throw new ArgumentException($"WindowSize must be 0 (whole documents) or positive, not {options.WindowSize}.", nameof(options));
        if (options.TopN < 2) throw new ArgumentException($"TopN must be at least 2 (NPMI needs word pairs), not {options.TopN}.", nameof(options));
        if (topics.Count == 0) throw new ArgumentException("NPMI coherence needs at least one topic.", nameof(topics));

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var topicIds = new List<int[]>(topics.Count);
        foreach (var topic in topics)
        {
            ArgumentNullException.ThrowIfNull(topic, nameof(topics));
            var words = topic.Take(options.TopN).Where(w => !string.IsNullOrEmpty(w)).ToArray();
            var list = new int[words.Length];
            for (int i = 0; i < words.Length; i++)
                if (!ids.TryGetValue(words[i], out list[i])) ids[words[i]] = list[i] = ids.Count;
            topicIds.Add(list);
        }

        var counts = new CooccurrenceCounts(ids.Count);
        if (options.WindowSize == 0) counts.AccumulateDocuments(texts, ids, cancellationToken);
        else counts.AccumulateWindows(texts, ids, options.WindowSize, cancellationToken);

        var names = new string[ids.Count];
        foreach (var (w, i) in ids) names[i] = w;
        var skipped = Enumerable.Range(0, ids.Count).Where(i => !counts.InVocabulary[i]).Select(i => names[i]).ToArray();

        double n = counts.VirtualDocuments;
        var perTopic = new double[topicIds.Count];
        for (int t = 0; t < topicIds.Count; t++)
        {
            var kept = topicIds[t].Where(i => counts.InVocabulary[i]).ToArray();
            if (kept.Length < 2 || n == 0) { perTopic[t] = double.NaN; continue; }
            double sum = 0;
            int pairs = 0;
            for (int a = 0; a < kept.Length; a++)
                for (int b = 0; b < kept.Length; b++)
                {
                    if (a == b) continue;
                    double pA = counts.Occurrences[kept[a]] / n, pB = counts.Occurrences[kept[b]] / n;
                    double pAB = counts.CoOccurrences(kept[a], kept[b]) / n;
                    sum += Math.Log((pAB + Epsilon) / (pA * pB)) / -Math.Log(pAB + Epsilon);
                    pairs++;
                }
            perTopic[t] = sum / pairs;
        }
        var valid = perTopic.Where(v => !double.IsNaN(v)).ToArray();
        return new NpmiResult(valid.Length == 0 ? double.NaN : valid.Average(), perTopic, counts.VirtualDocuments, skipped);
    }
}
