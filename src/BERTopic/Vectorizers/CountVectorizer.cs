using System.Runtime.InteropServices;
using BERTopicNet.Numerics;

namespace BERTopicNet.Vectorizers;

/// <summary>
/// Counts word n-grams the way scikit-learn 1.2's <c>CountVectorizer</c> does: lowercase, token pattern
/// <c>(?u)\b\w\w+\b</c> with Python's Unicode <c>\w</c>, stop words removed before n-grams are formed,
/// <c>min_df</c>/<c>max_df</c>/<c>max_features</c> pruning and a vocabulary sorted by code point.
/// Documents are processed in parallel; the result does not depend on the thread count.
/// </summary>
public sealed class CountVectorizer : IVectorizer
{
    private const int ChunkSize = 512;
    private readonly HashSet<string>? _stopWords;
    private string[] _vocabulary = [];
    private Dictionary<string, int>? _index;

    /// <summary>Creates a vectorizer.</summary>
    /// <param name="options">Settings; null means scikit-learn's defaults.</param>
    /// <exception cref="ArgumentException">The settings are inconsistent.</exception>
    public CountVectorizer(CountVectorizerOptions? options = null)
    {
        Options = options ?? new CountVectorizerOptions();
        Options.NGramRange.Validate(nameof(options));
        if (Options.MaxFeatures is < 1)
            throw new ArgumentException($"MaxFeatures must be at least 1 (or null for no limit), not {Options.MaxFeatures}.", nameof(options));
        if (Options.StopWords is not null)
        {
            _stopWords = new HashSet<string>(StringComparer.Ordinal);
            foreach (var w in Options.StopWords)
                _stopWords.Add(w ?? throw new ArgumentException("StopWords contains a null entry; remove it.", nameof(options)));
        }
        if (Options.Vocabulary is { } fixedVocabulary)
        {
            var index = new Dictionary<string, int>(fixedVocabulary.Count, StringComparer.Ordinal);
            for (int i = 0; i < fixedVocabulary.Count; i++)
            {
                var term = fixedVocabulary[i] ?? throw new ArgumentException($"Vocabulary entry {i} is null.", nameof(options));
                if (!index.TryAdd(term, i))
                    throw new ArgumentException($"Duplicate term in vocabulary: '{term}'. Each term may appear once.", nameof(options));
            }
            if (index.Count == 0) throw new ArgumentException("The fixed vocabulary is empty; give at least one term or leave Vocabulary null.", nameof(options));
            _vocabulary = [.. fixedVocabulary];
            _index = index;
        }
    }

    /// <summary>The settings.</summary>
    public CountVectorizerOptions Options { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Vocabulary => _vocabulary;

    /// <summary>True once a vocabulary is known (fitted, or fixed by the options).</summary>
    public bool IsFitted => _index is not null;

    /// <summary>Restores a learned vocabulary (loading a saved model) without fixing it: a later Fit learns anew, as scikit-learn's does.</summary>
    /// <exception cref="ArgumentException">A term is null or repeated.</exception>
    internal void RestoreFittedVocabulary(IReadOnlyList<string> vocabulary)
    {
        var index = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        for (int i = 0; i < vocabulary.Count; i++)
            if (vocabulary[i] is null || !index.TryAdd(vocabulary[i], i))
                throw new ArgumentException($"Vocabulary entry {i} is null or repeated.", nameof(vocabulary));
        _vocabulary = [.. vocabulary];
        _index = index;
    }

    /// <summary>The terms (n-grams included) the analyzer produces for one document, in scikit-learn's order.</summary>
    public IReadOnlyList<string> Analyze(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var terms = new List<string>();
        ForEachTerm(document, new TermScratch(), t => terms.Add(t.ToString()));
        return terms;
    }

    /// <summary>Learns the vocabulary (see <see cref="FitTransform"/>) and returns this vectorizer.</summary>
    public CountVectorizer Fit(IReadOnlyList<string> documents, CancellationToken cancellationToken = default)
    {
        FitTransform(documents, cancellationToken);
        return this;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A document is null, no term is found, or pruning removes every term.</exception>
    public DocumentTermMatrix FitTransform(IReadOnlyList<string> documents, CancellationToken cancellationToken = default)
    {
        CheckDocuments(documents);
        if (Options.Vocabulary is not null) return Transform(documents, cancellationToken);

        // Count per document in parallel chunks; merge sequentially (first-seen ids), then sort the vocabulary.
        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        var indPtr = new int[documents.Count + 1];
        var cols = new List<int>();
        var counts = new List<int>();
        var chunk = new Dictionary<string, int>[Math.Min(ChunkSize, Math.Max(1, documents.Count))];
        for (int start = 0; start < documents.Count; start += ChunkSize)
        {
            int n = Math.Min(ChunkSize, documents.Count - start);
            Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken },
                () => new TermScratch(),
                (i, loop, scratch) =>
                {
                    var counter = new Dictionary<string, int>(StringComparer.Ordinal);
                    var lookup = counter.GetAlternateLookup<ReadOnlySpan<char>>();
                    ForEachTerm(documents[start + i], scratch, term =>
                    {
                        ref int c = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, term, out _);
                        c++;
                    });
                    chunk[i] = counter;
                    return scratch;
                }, _ => { });
            for (int i = 0; i < n; i++)
            {
                foreach (var (term, count) in chunk[i])
                {
                    ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(vocab, term, out bool exists);
                    if (!exists) id = vocab.Count - 1;
                    cols.Add(id);
                    counts.Add(count);
                }
                indPtr[start + i + 1] = cols.Count;
                chunk[i] = null!;
            }
        }
        if (vocab.Count == 0)
            throw new ArgumentException("Empty vocabulary: the documents contain no token of two or more word characters (perhaps only stop words).", nameof(documents));

        // Sort terms by code point (scikit-learn's feature order) and remap the columns.
        var terms = new string[vocab.Count];
        foreach (var (term, id) in vocab) terms[id] = term;
        var order = new int[terms.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var sortedTerms = (string[])terms.Clone();
        Array.Sort(sortedTerms, order, PythonText.CodePointComparer);
        var newId = new int[terms.Length];
        for (int i = 0; i < order.Length; i++) newId[order[i]] = i;
        var colArr = CollectionsMarshal.AsSpan(cols).ToArray();
        var cntArr = CollectionsMarshal.AsSpan(counts).ToArray();
        for (int k = 0; k < colArr.Length; k++) colArr[k] = newId[colArr[k]];

        var kept = LimitFeatures(documents.Count, sortedTerms.Length, colArr, cntArr);
        return Finish(indPtr, colArr, cntArr, sortedTerms, kept);
    }

    // scikit-learn's _limit_features: document-frequency bounds, then the max_features most frequent terms.
    private bool[]? LimitFeatures(int documentCount, int terms, int[] cols, int[] cnts)
    {
        double maxDoc = Options.MaxDf.Resolve(documentCount);
        double minDoc = Options.MinDf.Resolve(documentCount);
        if (maxDoc < minDoc)
            throw new ArgumentException($"MaxDf ({Options.MaxDf}) corresponds to fewer documents than MinDf ({Options.MinDf}) for {documentCount} documents; raise MaxDf or lower MinDf.", "options");
        var df = new int[terms];
        var tf = new long[terms];
        for (int k = 0; k < cols.Length; k++) { df[cols[k]]++; tf[cols[k]] += cnts[k]; }
        var mask = new bool[terms];
        int keptCount = 0;
        for (int j = 0; j < terms; j++)
        {
            mask[j] = df[j] <= maxDoc && df[j] >= minDoc;
            if (mask[j]) keptCount++;
        }
        if (Options.MaxFeatures is int limit && keptCount > limit)
        {
            var maskedIdx = new int[keptCount];
            var negTf = new long[keptCount];
            for (int j = 0, m = 0; j < terms; j++)
                if (mask[j]) { maskedIdx[m] = j; negTf[m] = -tf[j]; m++; }
            var order = NumpySort.ArgQuickSort<long>(negTf);
            Array.Clear(mask);
            for (int i = 0; i < limit; i++) mask[maskedIdx[order[i]]] = true;
            keptCount = limit;
        }
        if (keptCount == 0)
            throw new ArgumentException("After pruning, no terms remain. Try a lower MinDf or a higher MaxDf.", "options");
        return keptCount == terms ? null : mask;
    }

    private DocumentTermMatrix Finish(int[] indPtr, int[] cols, int[] cnts, string[] sortedTerms, bool[]? kept)
    {
        string[] finalTerms = sortedTerms;
        int[]? remap = null;
        if (kept is not null)
        {
            remap = new int[sortedTerms.Length];
            var list = new List<string>();
            for (int j = 0; j < sortedTerms.Length; j++)
            {
                remap[j] = kept[j] ? list.Count : -1;
                if (kept[j]) list.Add(sortedTerms[j]);
            }
            finalTerms = [.. list];
        }
        int rows = indPtr.Length - 1;
        var outPtr = new int[rows + 1];
        int w = 0;
        for (int r = 0; r < rows; r++)
        {
            int lo = indPtr[r], hi = indPtr[r + 1];
            int rowStart = w;
            for (int k = lo; k < hi; k++)
            {
                int c = remap is null ? cols[k] : remap[cols[k]];
                if (c < 0) continue;
                cols[w] = c;
                cnts[w] = cnts[k];
                w++;
            }
            Array.Sort(cols, cnts, rowStart, w - rowStart);
            outPtr[r + 1] = w;
        }
        Array.Resize(ref cols, w);
        Array.Resize(ref cnts, w);
        _vocabulary = finalTerms;
        _index = new Dictionary<string, int>(finalTerms.Length, StringComparer.Ordinal);
        for (int j = 0; j < finalTerms.Length; j++) _index[finalTerms[j]] = j;
        return new DocumentTermMatrix(outPtr, cols, cnts, _vocabulary);
    }

    /// <inheritdoc/>
    public DocumentTermMatrix Transform(IReadOnlyList<string> documents, CancellationToken cancellationToken = default)
    {
        CheckDocuments(documents);
        var index = _index ?? throw new InvalidOperationException("This CountVectorizer is not fitted yet; call Fit or FitTransform first.");
        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        var rows = new (int[] Cols, int[] Counts)[documents.Count];
        Parallel.For(0, documents.Count, new ParallelOptions { CancellationToken = cancellationToken },
            () => (Scratch: new TermScratch(), Ids: new List<int>()),
            (i, _, state) =>
            {
                var ids = state.Ids;
                ids.Clear();
                ForEachTerm(documents[i], state.Scratch, term =>
                {
                    if (lookup.TryGetValue(term, out int id)) ids.Add(id);
                });
                ids.Sort();
                var c = new List<int>();
                var n = new List<int>();
                for (int k = 0; k < ids.Count; k++)
                {
                    if (c.Count > 0 && c[^1] == ids[k]) n[^1]++;
                    else { c.Add(ids[k]); n.Add(1); }
                }
                rows[i] = ([.. c], [.. n]);
                return state;
            }, _ => { });
        var indPtr = new int[documents.Count + 1];
        for (int i = 0; i < rows.Length; i++) indPtr[i + 1] = indPtr[i] + rows[i].Cols.Length;
        var cols = new int[indPtr[^1]];
        var cnts = new int[indPtr[^1]];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i].Cols.CopyTo(cols, indPtr[i]);
            rows[i].Counts.CopyTo(cnts, indPtr[i]);
        }
        return new DocumentTermMatrix(indPtr, cols, cnts, _vocabulary);
    }

    private static void CheckDocuments(IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        for (int i = 0; i < documents.Count; i++)
            if (documents[i] is null)
                throw new ArgumentException($"Document {i} is null; pass an empty string for an empty document.", nameof(documents));
    }

    private delegate void TermSink(ReadOnlySpan<char> term);

    private sealed class TermScratch
    {
        public readonly List<(int Start, int Length)> Tokens = [];
        public char[] Buffer = new char[256];
    }

    private void ForEachTerm(string document, TermScratch scratch, TermSink sink)
    {
        string text = Options.Lowercase ? PythonText.ToLower(document) : document;
        var tokens = scratch.Tokens;
        tokens.Clear();
        PythonText.Tokenize(text, tokens);
        if (_stopWords is not null)
        {
            var stop = _stopWords.GetAlternateLookup<ReadOnlySpan<char>>();
            tokens.RemoveAll(t => stop.Contains(text.AsSpan(t.Start, t.Length)));
        }
        var (minN, maxN) = (Options.NGramRange.Min, Options.NGramRange.Max);
        if (minN == 1)
        {
            foreach (var (s, l) in tokens) sink(text.AsSpan(s, l));
            minN = 2;
        }
        if (maxN == 1) return;
        for (int n = minN; n <= Math.Min(maxN, tokens.Count); n++)
        {
            for (int i = 0; i + n <= tokens.Count; i++)
            {
                int len = n - 1;
                for (int k = 0; k < n; k++) len += tokens[i + k].Length;
                if (scratch.Buffer.Length < len) scratch.Buffer = new char[Math.Max(len, scratch.Buffer.Length * 2)];
                var buf = scratch.Buffer.AsSpan();
                int w = 0;
                for (int k = 0; k < n; k++)
                {
                    if (k > 0) buf[w++] = ' ';
                    var (s, l) = tokens[i + k];
                    text.AsSpan(s, l).CopyTo(buf[w..]);
                    w += l;
                }
                sink(buf[..w]);
            }
        }
    }
}
