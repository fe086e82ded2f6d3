using BERTopicNet.Vectorizers;

namespace BERTopicNet.Online;

/// <summary>
/// A count vectorizer for online topic modeling (Python BERTopic 0.17.4's <c>OnlineCountVectorizer</c>). The first batch
/// fits the vocabulary as <see cref="CountVectorizer"/> does; later batches append their new terms (in ordinal order)
/// after the known ones. <see cref="UpdateBagOfWords"/> keeps one row of counts per topic across batches: the earlier
/// counts are multiplied by 1 − <see cref="OnlineCountVectorizerOptions.Decay"/> and the batch's counts added, and terms
/// whose total falls below <see cref="OnlineCountVectorizerOptions.DeleteMinDf"/> are dropped.
/// </summary>
public sealed class OnlineCountVectorizer : IOnlineVectorizer
{
    private readonly CountVectorizer _analyzer;
    private List<string> _vocabulary = [];
    private Dictionary<string, int> _lookup = new(StringComparer.Ordinal);
    private List<Dictionary<int, double>>? _bag;
    private bool _fitted;

    /// <summary>Creates a vectorizer.</summary>
    /// <param name="options">Settings; null means BERTopic's defaults.</param>
    /// <exception cref="ArgumentException">Decay outside [0, 1] or a negative DeleteMinDf.</exception>
    public OnlineCountVectorizer(OnlineCountVectorizerOptions? options = null)
    {
        Options = options ?? new OnlineCountVectorizerOptions();
        if (Options.Decay is { } d && !(d >= 0 && d <= 1))
            throw new ArgumentException($"Decay must be in [0, 1] (got {d}).", nameof(options));
        if (Options.DeleteMinDf is { } m && !(m >= 0))
            throw new ArgumentException($"DeleteMinDf must be a non-negative number (got {m}).", nameof(options));
        _analyzer = new CountVectorizer(Options.Count);
    }

    /// <summary>The settings.</summary>
    public OnlineCountVectorizerOptions Options { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Vocabulary => _vocabulary;

    /// <summary>The kept bag of words (topics × vocabulary), or null before the first <see cref="UpdateBagOfWords"/>.</summary>
    public TermWeightMatrix? BagOfWords => _bag is null ? null : ToMatrix(_bag, _vocabulary.Count);

    /// <summary>Fits the vocabulary from scratch (as <see cref="CountVectorizer.FitTransform"/>) and forgets the kept bag of words.</summary>
    public DocumentTermMatrix FitTransform(IReadOnlyList<string> documents, CancellationToken cancellationToken = default)
    {
        var counts = _analyzer.FitTransform(documents, cancellationToken);
        SetVocabulary(_analyzer.Vocabulary);
        _bag = null;
        return counts;
    }

    /// <inheritdoc />
    public void PartialFit(IReadOnlyList<string> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (!_fitted)
        {
            _analyzer.Fit(documents, cancellationToken);
            SetVocabulary(_analyzer.Vocabulary);
            return;
        }
        var fresh = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var term in _analyzer.Analyze(doc))
                if (!_lookup.ContainsKey(term)) fresh.Add(term);
        }
        foreach (var term in fresh)
        {
            _lookup[term] = _vocabulary.Count;
            _vocabulary.Add(term);
        }
    }

    /// <inheritdoc />
    public DocumentTermMatrix Transform(IReadOnlyList<string> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (!_fitted) throw new InvalidOperationException("The OnlineCountVectorizer is not fitted; call PartialFit or FitTransform first.");
        var indPtr = new int[documents.Count + 1];
        var indices = new List<int>();
        var counts = new List<int>();
        var row = new SortedDictionary<int, int>();
        for (int i = 0; i < documents.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            row.Clear();
            foreach (var term in _analyzer.Analyze(documents[i] ?? throw new ArgumentException($"Document {i} is null.", nameof(documents))))
                if (_lookup.TryGetValue(term, out int j)) row[j] = row.GetValueOrDefault(j) + 1;
            foreach (var (j, c) in row) { indices.Add(j); counts.Add(c); }
            indPtr[i + 1] = indices.Count;
        }
        return new DocumentTermMatrix(indPtr, [.. indices], [.. counts], _vocabulary.ToArray());
    }

    /// <inheritdoc />
    public TermWeightMatrix UpdateBagOfWords(IReadOnlyList<string> documents, CancellationToken cancellationToken = default)
    {
        var x = Transform(documents, cancellationToken);
        if (_bag is null) _bag = [];
        else if (Options.Decay is { } decay)
            foreach (var r in _bag)
                foreach (var j in r.Keys.ToArray()) r[j] *= 1 - decay;
        while (_bag.Count < x.Rows) _bag.Add([]);
        for (int r = 0; r < x.Rows; r++)
        {
            var idx = x.RowIndices(r);
            var cnt = x.RowCounts(r);
            for (int k = 0; k < idx.Length; k++) _bag[r][idx[k]] = _bag[r].GetValueOrDefault(idx[k]) + cnt[k];
        }
        if (Options.DeleteMinDf is { } minDf) DropRareTerms(minDf);
        return ToMatrix(_bag, _vocabulary.Count);
    }

    private void DropRareTerms(double minDf)
    {
        var totals = new double[_vocabulary.Count];
        foreach (var r in _bag!)
            foreach (var (j, v) in r) totals[j] += v;
        var newIndex = new int[_vocabulary.Count];
        var kept = new List<string>();
        for (int j = 0; j < totals.Length; j++)
        {
            if (totals[j] >= minDf) { newIndex[j] = kept.Count; kept.Add(_vocabulary[j]); }
            else newIndex[j] = -1;
        }
        if (kept.Count == _vocabulary.Count) return;
        for (int r = 0; r < _bag.Count; r++)
            _bag[r] = _bag[r].Where(kv => newIndex[kv.Key] >= 0).ToDictionary(kv => newIndex[kv.Key], kv => kv.Value);
        SetVocabulary(kept);
    }

    private void SetVocabulary(IReadOnlyList<string> vocabulary)
    {
        _vocabulary = [.. vocabulary];
        _lookup = new Dictionary<string, int>(_vocabulary.Count, StringComparer.Ordinal);
        for (int j = 0; j < _vocabulary.Count; j++) _lookup[_vocabulary[j]] = j;
        _fitted = true;
    }

    private static TermWeightMatrix ToMatrix(List<Dictionary<int, double>> rows, int columns)
    {
        var indPtr = new int[rows.Count + 1];
        var indices = new List<int>();
        var values = new List<double>();
        for (int r = 0; r < rows.Count; r++)
        {
            foreach (var (j, v) in rows[r].OrderBy(kv => kv.Key))
                if (v != 0) { indices.Add(j); values.Add(v); }
            indPtr[r + 1] = indices.Count;
        }
        return new TermWeightMatrix(columns, indPtr, [.. indices], [.. values]);
    }
}
