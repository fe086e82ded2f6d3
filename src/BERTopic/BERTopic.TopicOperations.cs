using BERTopicNet.Representation;
using BERTopicNet.Topics;
using BERTopicNet.Vectorizers;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>
    /// Recomputes the topic words with new settings, without re-clustering (Python's <c>update_topics</c>): a new
    /// vectorizer (or n-gram range), c-TF-IDF transformer, number of words or representation model, and optionally a
    /// new topic per document.
    /// </summary>
    /// <param name="documents">The training documents, as passed to Fit.</param>
    /// <param name="topics">A topic per document to use instead of the fitted ones; null keeps them.</param>
    /// <param name="topNWords">Words kept per topic. Default 10.</param>
    /// <param name="nGramRange">N-gram range of the default vectorizer; null keeps the model's. Only without <paramref name="vectorizer"/>: passing both is an error.</param>
    /// <param name="vectorizer">The vectorizer to use; null: a <see cref="CountVectorizer"/> with <paramref name="nGramRange"/>.</param>
    /// <param name="ctfidf">The c-TF-IDF transformer; null: the default one.</param>
    /// <param name="representationModel">Fine-tunes the words; null: plain c-TF-IDF words.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <remarks>
    /// As in Python, the topic ids are used as given (no renumbering) and the representative documents are kept.
    /// When <paramref name="topics"/> only turns outliers into topics, the outlier embedding row is dropped; when it
    /// changes the topics otherwise, <see cref="TopicEmbeddings"/> becomes null (the document embeddings are not kept).
    /// </remarks>
    /// <exception cref="ArgumentException">The documents differ from the fitted ones, <paramref name="topics"/> has the wrong length, or both <paramref name="nGramRange"/> and <paramref name="vectorizer"/> are given.</exception>
    public void UpdateTopics(IReadOnlyList<string> documents, IReadOnlyList<int>? topics = null, int topNWords = 10,
        NGramRange? nGramRange = null, IVectorizer? vectorizer = null, ClassTfidfTransformer? ctfidf = null,
        IRepresentationModel? representationModel = null, CancellationToken cancellationToken = default)
    {
        RequireFitted();
        documents = ValidateTrainingDocuments(documents);
        if (topNWords < 1) throw new ArgumentOutOfRangeException(nameof(topNWords), topNWords, "topNWords must be at least 1.");
        // Python silently drops n_gram_range when a vectorizer is given; here the combination is an error.
        if (nGramRange is not null && vectorizer is not null)
            throw new ArgumentException(
                "nGramRange only configures the default CountVectorizer and would be ignored because a vectorizer was given; " +
                "set the n-gram range on the vectorizer instead (new CountVectorizerOptions { NGramRange = ... }) and leave nGramRange null.",
                nameof(nGramRange));
        var range = nGramRange ?? Options.NGramRange;
        range.Validate(nameof(nGramRange));
        int[] newTopics;
        if (topics is null) newTopics = _documentTopics!;
        else
        {
            ValidateTopicsPerDocument(topics, documents.Count, nameof(topics));
            newTopics = [.. topics];
        }

        _topNWords = topNWords;
        _vectorizer = vectorizer ?? new CountVectorizer(new CountVectorizerOptions { NGramRange = range });
        _ctfidf = ctfidf ?? new ClassTfidfTransformer();
        _representationModel = representationModel;

        var oldTopics = _documentTopics!;
        var oldIds = _topicIds;
        var oldEmbeddings = _topicEmbeddings;
        SetTopicSizes(newTopics);
        ExtractTopics(documents, newTopics, default, fineTune: true, mergeMappings: null, progress: null, cancellationToken);
        var newIds = _topicIds;
        if (newIds.SequenceEqual(oldIds)) _topicEmbeddings = oldEmbeddings;
        else if (oldEmbeddings is not null && oldIds.Length == newIds.Length + 1 && oldIds[0] == -1 && newIds.SequenceEqual(oldIds.Skip(1))
            && !newTopics.Contains(-1) && oldTopics.Zip(newTopics).All(p => p.First == -1 || p.First == p.Second))
        {
            var trimmed = new float[newIds.Length, oldEmbeddings.GetLength(1)];
            for (int r = 0; r < newIds.Length; r++)
                for (int j = 0; j < trimmed.GetLength(1); j++) trimmed[r, j] = oldEmbeddings[r + 1, j];
            _topicEmbeddings = trimmed;
        }
        else _topicEmbeddings = null;
        if (_customLabels is not null && _customLabels.Length != _topicSizes.Count) _customLabels = null;
    }

    /// <summary>Merges the given topics into the first of them (Python's <c>merge_topics(docs, [a, b, c])</c>).</summary>
    /// <inheritdoc cref="MergeTopics(IReadOnlyList{string}, IReadOnlyList{IReadOnlyList{int}}, IProgress{BERTopicProgress}, CancellationToken)"/>
    public TopicModelResult MergeTopics(IReadOnlyList<string> documents, IReadOnlyList<int> topicsToMerge,
        IProgress<BERTopicProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicsToMerge);
        return MergeTopics(documents, [topicsToMerge], progress, cancellationToken);
    }

    /// <summary>
    /// Merges each group of topics into the first topic of the group (Python's <c>merge_topics(docs, [[a, b], [c, d]])</c>);
    /// then topics are renumbered by size, c-TF-IDF and words recomputed, merged topic embeddings are size-weighted
    /// means, representative documents re-chosen and probabilities summed per merged topic. Custom labels are cleared.
    /// </summary>
    /// <param name="documents">The training documents, as passed to Fit.</param>
    /// <param name="groups">The groups of topic ids to merge.</param>
    /// <param name="progress">Receives the stage and its fraction done.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new topic of each document and the mapped probabilities.</returns>
    /// <exception cref="ArgumentException">Unknown topic ids, a topic in two groups, an empty group, or documents that differ from the fitted ones.</exception>
    public TopicModelResult MergeTopics(IReadOnlyList<string> documents, IReadOnlyList<IReadOnlyList<int>> groups,
        IProgress<BERTopicProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireFitted();
        documents = ValidateTrainingDocuments(documents);
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0) throw new ArgumentException("Give at least one group of topics to merge.", nameof(groups));
        var known = _topicIds.ToHashSet();
        var merge = new Dictionary<int, int>();
        foreach (var group in groups)
        {
            if (group is null || group.Count == 0) throw new ArgumentException("Every group must list at least one topic id.", nameof(groups));
            foreach (var t in group)
            {
                if (!known.Contains(t))
                    throw new ArgumentException($"Topic {t} does not exist; the model's topics are {string.Join(", ", _topicIds)}.", nameof(groups));
                if (!merge.TryAdd(t, group[0]))
                    throw new ArgumentException($"Topic {t} appears in more than one group; each topic may be merged once.", nameof(groups));
            }
        }
        var topics = ApplyMerge(documents, _documentTopics!, merge, progress, cancellationToken);
        SaveRepresentativeDocs(documents, topics, progress, cancellationToken);
        _probabilities = MapProbabilities(_probabilities?.Matrix, _probabilities?.PerDocument, original: false);
        return new TopicModelResult((int[])topics.Clone(), _probabilities);
    }

    /// <summary>
    /// Deletes topics (Python's <c>delete_topics</c>): their documents become outliers (-1), the remaining topics are
    /// renumbered by size and keep their words, c-TF-IDF rows, embeddings, representative documents and custom labels
    /// (nothing is recomputed, as in Python). A new outlier topic starts with a zero c-TF-IDF row and embedding.
    /// </summary>
    /// <param name="topicsToDelete">Topic ids to delete (-1 is ignored).</param>
    /// <returns>The new topic of each document and the mapped probabilities.</returns>
    /// <exception cref="ArgumentException">An id is not a topic of the model.</exception>
    public TopicModelResult DeleteTopics(IReadOnlyList<int> topicsToDelete)
    {
        RequireFitted();
        ArgumentNullException.ThrowIfNull(topicsToDelete);
        var known = _topicIds.ToHashSet();
        foreach (var t in topicsToDelete)
            if (!known.Contains(t))
                throw new ArgumentException($"Topic {t} does not exist; the model's topics are {string.Join(", ", _topicIds)}.", nameof(topicsToDelete));
        var delete = topicsToDelete.Where(t => t != -1).ToHashSet();

        var oldIds = _topicIds;
        var oldRow = new Dictionary<int, int>();
        for (int r = 0; r < oldIds.Length; r++) oldRow[oldIds[r]] = r;
        var mapping = oldIds.ToDictionary(t => t, t => delete.Contains(t) ? -1 : t);
        mapping[-1] = -1;
        var merged = Array.ConvertAll(_documentTopics!, t => mapping[t]);
        _mapper!.AddMappings(mapping);
        SetTopicSizes(merged);
        var sort = SortBySize(merged);
        var topics = ApplyMapping(merged, sort);

        // Carry the per-topic state of the survivors over to their new ids.
        var newIds = TopicOrdering.SortedTopics(topics);
        var source = new int[newIds.Length]; // old row of each new topic, -1 for a new outlier topic
        var newToOld = oldIds.Where(t => !delete.Contains(t)).ToDictionary(t => sort.TryGetValue(t, out int n) ? n : t, t => t);
        for (int r = 0; r < newIds.Length; r++)
            source[r] = newToOld.TryGetValue(newIds[r], out int old) ? oldRow[old] : -1;

        _cTfidf = SelectRowsOrZero(_cTfidf!, source);
        if (_topicEmbeddings is { } emb)
        {
            var e = new float[newIds.Length, emb.GetLength(1)];
            for (int r = 0; r < newIds.Length; r++)
                if (source[r] >= 0)
                    for (int j = 0; j < emb.GetLength(1); j++) e[r, j] = emb[source[r], j];
            _topicEmbeddings = e;
        }
        var reps = new SortedDictionary<int, IReadOnlyList<TopicWord>>();
        var docs = new Dictionary<int, IReadOnlyList<string>>();
        var labels = _customLabels is not null && _customLabels.Length == oldIds.Length ? new string[newIds.Length] : null;
        for (int r = 0; r < newIds.Length; r++)
        {
            int t = newIds[r];
            if (source[r] >= 0)
            {
                int old = oldIds[source[r]];
                reps[t] = _representations[old];
                docs[t] = _representativeDocs.TryGetValue(old, out var d) ? d : [];
                if (labels is not null) labels[r] = _customLabels![source[r]];
            }
            else
            {
                reps[t] = [TopicWord.Filler];
                docs[t] = [];
                if (labels is not null) labels[r] = "";
            }
        }
        _topicIds = newIds;
        _representations = reps;
        _representativeDocs = docs;
        _customLabels = labels;
        _probabilities = MapProbabilities(_probabilities?.Matrix, _probabilities?.PerDocument, original: false);
        return new TopicModelResult((int[])topics.Clone(), _probabilities);
    }

    private static TermWeightMatrix SelectRowsOrZero(TermWeightMatrix m, int[] rows)
    {
        var ptr = new int[rows.Length + 1];
        for (int i = 0; i < rows.Length; i++) ptr[i + 1] = ptr[i] + (rows[i] < 0 ? 0 : m.IndPtr[rows[i] + 1] - m.IndPtr[rows[i]]);
        var ind = new int[ptr[^1]];
        var val = new double[ptr[^1]];
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i] < 0) continue;
            m.RowIndices(rows[i]).CopyTo(ind.AsSpan(ptr[i]));
            m.RowValues(rows[i]).CopyTo(val.AsSpan(ptr[i]));
        }
        return new TermWeightMatrix(m.Columns, ptr, ind, val);
    }
}
