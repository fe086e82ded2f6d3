using System.Collections.Concurrent;
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
    private const int ChunkSize = 2048;
    private const int BlockTokens = 1 << 15;
    private const int BlockCharacters = BlockTokens * 8; // a run of documents counted by one task in FitTransformGroups
    private const int MergeCapacityLimit = 1 << 22; // terms the vocabulary is sized for up front, at most
    private readonly HashSet<string>? _stopWords;
    private string[] _vocabulary = [];
    private ShardedVocabulary? _lookup;

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
            var terms = new string[fixedVocabulary.Count];
            for (int i = 0; i < terms.Length; i++)
                terms[i] = fixedVocabulary[i] ?? throw new ArgumentException($"Vocabulary entry {i} is null.", nameof(options));
            if (terms.Length == 0) throw new ArgumentException("The fixed vocabulary is empty; give at least one term or leave Vocabulary null.", nameof(options));
            var lookup = ShardedVocabulary.Of(terms);
            if (lookup.Count != terms.Length)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var repeated = terms.First(t => !seen.Add(t));
                throw new ArgumentException($"Duplicate term in vocabulary: '{repeated}'. Each term may appear once.", nameof(options));
            }
            _vocabulary = terms;
            _lookup = lookup;
        }
    }

    /// <summary>The settings.</summary>
    public CountVectorizerOptions Options { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Vocabulary => _vocabulary;

    /// <summary>True once a vocabulary is known (fitted, or fixed by the options).</summary>
    public bool IsFitted => _lookup is not null;

    /// <summary>Restores a learned vocabulary (loading a saved model) without fixing it: a later Fit learns anew, as scikit-learn's does.</summary>
    /// <exception cref="ArgumentException">A term is null or repeated.</exception>
    internal void RestoreFittedVocabulary(IReadOnlyList<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var terms = new string[vocabulary.Count];
        for (int i = 0; i < terms.Length; i++)
            terms[i] = vocabulary[i] ?? throw new ArgumentException($"Vocabulary entry {i} is null or repeated.", nameof(vocabulary));
        var lookup = ShardedVocabulary.Of(terms);
        if (lookup.Count != terms.Length)
            throw new ArgumentException("The vocabulary has a repeated entry.", nameof(vocabulary));
        _vocabulary = terms;
        _lookup = lookup;
    }

    /// <summary>
    /// The tokens of one document as scikit-learn's <c>build_tokenizer()</c> gives them: the token pattern applied to the
    /// text as it is (no lowercasing, no stop-word removal).
    /// </summary>
    public static IReadOnlyList<string> Tokenize(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var spans = new List<(int Start, int Length)>();
        PythonText.Tokenize(document, spans);
        return spans.ConvertAll(t => document.Substring(t.Start, t.Length));
    }

    /// <summary>The terms (n-grams included) the analyzer produces for one document, in scikit-learn's order.</summary>
    public IReadOnlyList<string> Analyze(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var terms = new List<string>();
        var tokens = TokenizeForCounting(document);
        var buffer = new char[64];
        EmitTerms(tokens, 0, tokens.Count, ref buffer, new ListSink(terms));
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
        var parallel = Parallelism.PerCore(cancellationToken);

        // Documents go in waves: tokenize in parallel, count n-grams in parallel over blocks of tokens (so one huge
        // document, such as the outlier topic, is split across cores), then merge into the vocabulary, shard by shard
        // (provisional ids; sorted by code point at the end, so the result is thread-independent).
        var vocab = new ShardedVocabulary();
        var indPtr = new int[documents.Count + 1];
        var cols = new List<int>();
        var counts = new List<int>();
        var sums = new ConcurrentBag<RowSums>(); // the workers' row accumulators, kept from wave to wave
        for (int start = 0; start < documents.Count; start += ChunkSize)
        {
            int n = Math.Min(ChunkSize, documents.Count - start);
            var tokenized = new TokenizedDocument[n];
            Parallel.For(0, n, parallel, i => tokenized[i] = TokenizeForCounting(documents[start + i]));
            var items = new List<(int Doc, int From, int To)>();
            for (int i = 0; i < n; i++)
            {
                int count = tokenized[i].Count;
                if (count == 0) items.Add((i, 0, 0));
                for (int from = 0; from < count; from += BlockTokens) items.Add((i, from, Math.Min(count, from + BlockTokens)));
            }
            var itemCounts = new TermRun[items.Count];
            Parallel.For(0, items.Count, parallel, () => (Buffer: new char[256], Table: new TermTable(1024)), (k, _, state) =>
            {
                var (doc, from, to) = items[k];
                EmitTerms(tokenized[doc], from, to, ref state.Buffer, new CountingSink(state.Table));
                itemCounts[k] = TermRun.From(state.Table);
                state.Table.Clear();
                return state;
            }, _ => { });
            MergeCounts(vocab, items, itemCounts, start, n, indPtr, cols, counts, sums, cancellationToken);
        }
        return FinishFit(vocab, indPtr, cols, counts);
    }

    /// <summary>
    /// Equals <c>FitTransform</c> of one text per group: the group's documents, each passed through
    /// <paramref name="clean"/>, joined by a space ("emptydoc" when that text is empty), as BERTopic builds its
    /// per-topic documents, without building those texts: each document is cleaned and lowercased into a reused buffer
    /// and counted there (the joining space cannot start or end a token), in parallel over runs of documents of about <see cref="BlockCharacters"/> characters. n-grams
    /// longer than one word cross the joins, so they take the joined texts.
    /// </summary>
    internal DocumentTermMatrix FitTransformGroups(IReadOnlyList<string> documents, IReadOnlyList<int[]> groups, TextCleaner clean, CancellationToken cancellationToken = default)
    {
        CheckDocuments(documents);
        if (Options.Vocabulary is not null || Options.NGramRange.Max > 1)
            return FitTransform(JoinGroups(documents, groups, clean, cancellationToken), cancellationToken);
        var items = new List<(int Doc, int From, int To)>();
        for (int g = 0; g < groups.Count; g++)
        {
            var members = groups[g];
            if (members.Length == 0) { items.Add((g, 0, 0)); continue; }
            long chars = 0;
            int from = 0;
            for (int m = 0; m < members.Length; m++)
            {
                chars += documents[members[m]].Length;
                if (chars >= BlockCharacters || m == members.Length - 1)
                {
                    items.Add((g, from, m + 1));
                    from = m + 1;
                    chars = 0;
                }
            }
        }
        var itemCounts = new TermRun[items.Count];
        Parallel.For(0, items.Count, Parallelism.PerCore(cancellationToken),
            () => (Tokens: new List<(int Start, int Length)>(), Buffer: new char[4096], Table: new TermTable(4096)),
            (k, _, state) =>
            {
                var (g, from, to) = items[k];
                var members = groups[g];
                var table = state.Table;
                if (members.Length == 0) CountUnigrams("emptydoc", ref state.Buffer, table, state.Tokens);
                for (int m = from; m < to; m++)
                {
                    var doc = documents[members[m]];
                    if (state.Buffer.Length < doc.Length) state.Buffer = new char[Math.Max(doc.Length, state.Buffer.Length * 2)];
                    int n = clean(doc, state.Buffer);
                    if (n == 0 && members.Length == 1) CountUnigrams("emptydoc", ref state.Buffer, table, state.Tokens); // the joined text is ""
                    else CountUnigrams(state.Buffer.AsSpan(0, n), ref state.Buffer, table, state.Tokens);
                }
                itemCounts[k] = TermRun.From(table);
                table.Clear();
                return state;
            }, _ => { });
        // room for the distinct terms of all runs (estimated from their hashes): no rehashing while merging, up to
        // MergeCapacityLimit terms (the tables grow past it)
        var vocab = new ShardedVocabulary((int)Math.Min(TermRun.EstimateDistinct(itemCounts) * 9L / 8, MergeCapacityLimit));
        var indPtr = new int[groups.Count + 1];
        var cols = new List<int>();
        var counts = new List<int>();
        MergeCounts(vocab, items, itemCounts, 0, groups.Count, indPtr, cols, counts, [], cancellationToken);
        return FinishFit(vocab, indPtr, cols, counts);
    }

    /// <summary>
    /// One text per group: its documents, cleaned, joined by a space, as pandas' <c>" ".join</c> does, then
    /// "emptydoc" when nothing is left (Python BERTopic's <c>_preprocess_text</c> runs on the joined text; cleaning
    /// each document first gives the same characters because the cleaning works character by character).
    /// </summary>
    internal static string[] JoinGroups(IReadOnlyList<string> documents, IReadOnlyList<int[]> groups, TextCleaner clean, CancellationToken cancellationToken = default)
    {
        var joined = new string[groups.Count];
        Parallel.For(0, groups.Count, Parallelism.PerCore(cancellationToken), g =>
        {
            var text = string.Join(' ', groups[g].Select(i => Cleaned(documents[i], clean)));
            joined[g] = text.Length == 0 ? "emptydoc" : text;
        });
        return joined;
    }

    private static string Cleaned(string document, TextCleaner clean)
    {
        var buffer = new char[document.Length];
        return new string(buffer, 0, clean(document, buffer));
    }

    /// <summary>Counts the unigrams of <paramref name="text"/>, which may lie in <paramref name="buffer"/> (lowercased there when ASCII).</summary>
    private void CountUnigrams(ReadOnlySpan<char> text, ref char[] buffer, TermTable table, List<(int Start, int Length)> tokens) =>
        EmitUnigrams(text, ref buffer, tokens, new CountingSink(table));

    /// <summary>
    /// Passes each unigram of <paramref name="text"/> (lowercased as the options say, in <paramref name="buffer"/> when
    /// ASCII; stop words left out) to <paramref name="sink"/>.
    /// </summary>
    private void EmitUnigrams<TSink>(ReadOnlySpan<char> text, ref char[] buffer, List<(int Start, int Length)> tokens, TSink sink) where TSink : struct, ITermSink
    {
        bool ascii = System.Text.Ascii.IsValid(text); // lowercasing keeps ASCII text ASCII (other text may become ASCII: the general tokenizer gives the same tokens)
        text = Lowercased(text, ascii, ref buffer);
        var stop = _stopWords?.GetAlternateLookup<ReadOnlySpan<char>>();
        tokens.Clear();
        if (ascii) PythonText.TokenizeAscii(text, tokens);
        else PythonText.Tokenize(text, tokens);
        foreach (var (start, length) in tokens)
        {
            var term = text.Slice(start, length);
            if (stop is { } s && s.Contains(term)) continue;
            sink.Add(term);
        }
    }

    /// <summary>
    /// <paramref name="text"/> lowercased when the options ask for it: in <paramref name="buffer"/> (in place when the
    /// text is the buffer's start) when <paramref name="ascii"/>, else as Python's <c>str.lower()</c> gives it.
    /// </summary>
    private ReadOnlySpan<char> Lowercased(ReadOnlySpan<char> text, bool ascii, scoped ref char[] buffer)
    {
        if (!Options.Lowercase) return text;
        if (!ascii) return PythonText.ToLower(new string(text));
        if (text.Overlaps(buffer)) System.Text.Ascii.ToLowerInPlace(buffer.AsSpan(0, text.Length), out _);
        else
        {
            if (buffer.Length < text.Length) buffer = new char[Math.Max(text.Length, buffer.Length * 2)];
            System.Text.Ascii.ToLower(text, buffer, out _);
        }
        return buffer.AsSpan(0, text.Length);
    }

    /// <summary>
    /// Adds the per-item counts of documents [<paramref name="start"/>, <paramref name="start"/> + <paramref name="n"/>)
    /// to the vocabulary (provisional ids, see <see cref="ShardedVocabulary"/>) and to the CSR rows, items in document
    /// order: each document's row is summed in parallel (one count per provisional id on each worker, the workers'
    /// accumulators taken from and returned to <paramref name="sums"/>), then appended.
    /// </summary>
    private static void MergeCounts(ShardedVocabulary vocab, List<(int Doc, int From, int To)> items, TermRun[] itemCounts, int start, int n,
        int[] indPtr, List<int> cols, List<int> counts, ConcurrentBag<RowSums> sums, CancellationToken cancellationToken)
    {
        var ids = vocab.Assign(itemCounts, cancellationToken);
        var firstItem = new int[n + 1];
        foreach (var item in items) firstItem[item.Doc + 1]++;
        for (int i = 0; i < n; i++) firstItem[i + 1] += firstItem[i];
        var rows = new (int[] Cols, int[] Counts)[n];
        int idLimit = vocab.IdLimit;
        Parallel.For(0, n, Parallelism.PerCore(cancellationToken),
            () => (sums.TryTake(out var reused) ? reused : new RowSums()).Reserve(idLimit),
            (i, _, acc) =>
            {
                for (int item = firstItem[i]; item < firstItem[i + 1]; item++)
                {
                    var run = itemCounts[item];
                    var itemIds = ids[item];
                    for (int p = 0; p < run.Count; p++)
                    {
                        int id = itemIds[p];
                        if (acc.Sums[id] == 0) acc.Touched.Add(id);
                        acc.Sums[id] += run.Counts[p];
                    }
                    itemCounts[item] = null!;
                    ids[item] = null!;
                }
                var rowCols = acc.Touched.ToArray();
                var rowCounts = new int[rowCols.Length];
                for (int k = 0; k < rowCols.Length; k++)
                {
                    rowCounts[k] = acc.Sums[rowCols[k]];
                    acc.Sums[rowCols[k]] = 0;
                }
                acc.Touched.Clear();
                rows[i] = (rowCols, rowCounts);
                return acc;
            }, sums.Add);
        long total = cols.Count;
        foreach (var row in rows) total += row.Cols.Length;
        cols.EnsureCapacity((int)total);
        counts.EnsureCapacity((int)total);
        for (int i = 0; i < n; i++)
        {
            cols.AddRange(rows[i].Cols);
            counts.AddRange(rows[i].Counts);
            indPtr[start + i + 1] = cols.Count;
        }
    }

    /// <summary>Sorts the terms by code point (scikit-learn's feature order), remaps the columns, prunes, builds the matrix.</summary>
    private DocumentTermMatrix FinishFit(ShardedVocabulary vocab, int[] indPtr, List<int> cols, List<int> counts)
    {
        if (vocab.Count == 0)
            throw new ArgumentException("Empty vocabulary: the documents contain no token of two or more word characters (perhaps only stop words).", "documents");
        var (sortedTerms, order) = vocab.Terms();
        if (Array.Exists(sortedTerms, t => t.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))) Array.Sort(sortedTerms, order, PythonText.CodePointComparer);
        else SortOrdinal(sortedTerms, order);
        var newId = new int[vocab.IdLimit]; // provisional id -> sorted position
        for (int i = 0; i < order.Length; i++) newId[order[i]] = i;
        var colArr = CollectionsMarshal.AsSpan(cols).ToArray();
        var cntArr = CollectionsMarshal.AsSpan(counts).ToArray();
        for (int k = 0; k < colArr.Length; k++) colArr[k] = newId[colArr[k]];

        var kept = LimitFeatures(indPtr.Length - 1, sortedTerms.Length, colArr, cntArr);
        return Finish(indPtr, colArr, cntArr, sortedTerms, kept, vocab, newId);
    }

    /// <summary>
    /// Sorts distinct non-empty <paramref name="terms"/> ordinally (with <paramref name="items"/>): by a 64-bit key of
    /// their first four characters, each run sharing those by a key of the next four, and each run sharing eight
    /// by the whole string. Terms are first spread into groups by their first character (in character order), and those
    /// groups sorted in parallel.
    /// </summary>
    private static void SortOrdinal(string[] terms, int[] items)
    {
        int n = terms.Length;
        const int Groups = 511; // one per Latin-1 first character, then one per high byte of the others: in character order
        static int GroupOf(char first) => first < 256 ? first : 255 + (first >> 8);
        var groupStart = new int[Groups + 1];
        foreach (var term in terms) groupStart[GroupOf(term[0]) + 1]++;
        for (int c = 0; c < Groups; c++) groupStart[c + 1] += groupStart[c];
        var next = groupStart[..^1];
        var keys = new ulong[n];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            int at = next[GroupOf(terms[i][0])]++;
            keys[at] = PrefixKey(terms[i], 0);
            order[at] = i;
        }
        var groups = new List<(int Lo, int Hi)>();
        for (int c = 0; c < Groups; c++)
            if (groupStart[c + 1] - groupStart[c] > 0) groups.Add((groupStart[c], groupStart[c + 1]));
        var byTerm = Comparer<int>.Create((x, y) => string.CompareOrdinal(terms[x], terms[y]));
        Parallel.ForEach(groups, Parallelism.PerCore(), group => SortByKeys(terms, keys, order, group.Lo, group.Hi, byTerm));
        var sortedTerms = new string[n];
        var sortedItems = new int[n];
        for (int i = 0; i < n; i++)
        {
            sortedTerms[i] = terms[order[i]];
            sortedItems[i] = items[order[i]];
        }
        sortedTerms.CopyTo(terms, 0);
        sortedItems.CopyTo(items, 0);
    }

    /// <summary>Sorts order[lo, hi) by keys (the terms' first four characters), ties by the next four, then by the whole term.</summary>
    private static void SortByKeys(string[] terms, ulong[] keys, int[] order, int start, int end, IComparer<int> byTerm)
    {
        Array.Sort(keys, order, start, end - start);
        for (int lo = start; lo < end;)
        {
            int hi = lo + 1;
            while (hi < end && keys[hi] == keys[lo]) hi++;
            if (hi - lo > 1)
            {
                for (int i = lo; i < hi; i++) keys[i] = PrefixKey(terms[order[i]], 4);
                Array.Sort(keys, order, lo, hi - lo);
                for (int a = lo; a < hi;)
                {
                    int b = a + 1;
                    while (b < hi && keys[b] == keys[a]) b++;
                    if (b - a > 1) Array.Sort(order, a, b - a, byTerm);
                    a = b;
                }
            }
            lo = hi;
        }
    }

    /// <summary>
    /// Sorts row [lo, hi) of (column, count) pairs by column. A row holding a large share of the vocabulary (the
    /// outlier topic's, say) is scattered into the buffers' dense array (one slot per column, zeros, made on first
    /// need; left as zeros) and read back in column order; a shorter one is packed into longs and sorted by
    /// <see cref="ColumnSort"/>. Linear either way, instead of a comparison sort of thousands of entries.
    /// </summary>
    private static void SortRow(int[] cols, int[] cnts, int lo, int hi, int columns, RowSortBuffers buffers)
    {
        int n = hi - lo;
        if ((long)n * 16 < columns)
        {
            if (buffers.Packed.Length < n) buffers.Packed = new long[Math.Max(n, buffers.Packed.Length * 2)];
            var packed = buffers.Packed.AsSpan(0, n);
            for (int k = 0; k < n; k++) packed[k] = ((long)cols[lo + k] << 32) | (uint)cnts[lo + k];
            ColumnSort.Sort(packed, columns, ref buffers.Scratch);
            for (int k = 0; k < n; k++)
            {
                cols[lo + k] = (int)(packed[k] >> 32);
                cnts[lo + k] = (int)packed[k];
            }
            return;
        }
        var dense = buffers.Dense;
        if (dense.Length < columns) buffers.Dense = dense = new int[columns];
        for (int k = lo; k < hi; k++) dense[cols[k]] = cnts[k]; // a row holds each column once, with a count of at least 1
        int w = lo;
        for (int c = 0; c < columns; c++)
        {
            if (dense[c] == 0) continue;
            cols[w] = c;
            cnts[w++] = dense[c];
            dense[c] = 0;
        }
    }

    /// <summary>One worker's buffers for <see cref="SortRow"/>, grown on need and reused from row to row.</summary>
    private sealed class RowSortBuffers
    {
        public int[] Dense = [];
        public long[] Packed = [];
        public long[] Scratch = [];
    }

    /// <summary>Characters [from, from + 4) of <paramref name="term"/> as one big-endian number, missing ones as 0 (no term holds '\0').</summary>
    private static ulong PrefixKey(string term, int from)
    {
        ulong key = 0;
        for (int j = from; j < from + 4; j++) key = (key << 16) | (j < term.Length ? term[j] : 0u);
        return key;
    }

    // scikit-learn's _limit_features: document-frequency bounds, then the max_features most frequent terms.
    private bool[]? LimitFeatures(int documentCount, int terms, int[] cols, int[] cnts)
    {
        double maxDoc = Options.MaxDf.Resolve(documentCount);
        double minDoc = Options.MinDf.Resolve(documentCount);
        if (maxDoc < minDoc)
            throw new ArgumentException($"MaxDf ({Options.MaxDf}) corresponds to fewer documents than MinDf ({Options.MinDf}) for {documentCount} documents; raise MaxDf or lower MinDf.", "options");
        // every term lies in between 1 and all documents: with bounds no tighter and no feature limit, nothing is pruned
        if (minDoc <= 1 && maxDoc >= documentCount && Options.MaxFeatures is null) return null;
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

    /// <summary>
    /// Builds the matrix of the kept terms and makes <paramref name="vocab"/> (provisional id p sorted to
    /// <paramref name="sortedId"/>[p]) the lookup: each term's value becomes its final column, or -1 when pruned.
    /// </summary>
    private DocumentTermMatrix Finish(int[] indPtr, int[] cols, int[] cnts, string[] sortedTerms, bool[]? kept, ShardedVocabulary vocab, int[] sortedId)
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
        if (remap is null)
        {
            // Nothing pruned: rows keep their places; sort each one's columns in parallel.
            int columns = sortedTerms.Length;
            Parallel.For(0, rows, Parallelism.PerCore(), () => new RowSortBuffers(), (r, _, buffers) =>
            {
                SortRow(cols, cnts, indPtr[r], indPtr[r + 1], columns, buffers);
                return buffers;
            }, _ => { });
            vocab.SetColumns(sortedId);
            _vocabulary = finalTerms;
            _lookup = vocab;
            return new DocumentTermMatrix(indPtr, cols, cnts, _vocabulary);
        }
        var outPtr = new int[rows + 1];
        int w = 0;
        var scratch = new RowSortBuffers();
        for (int r = 0; r < rows; r++)
        {
            int lo = indPtr[r], hi = indPtr[r + 1];
            int rowStart = w;
            for (int k = lo; k < hi; k++)
            {
                int c = remap[cols[k]];
                if (c < 0) continue;
                cols[w] = c;
                cnts[w] = cnts[k];
                w++;
            }
            SortRow(cols, cnts, rowStart, w, finalTerms.Length, scratch);
            outPtr[r + 1] = w;
        }
        Array.Resize(ref cols, w);
        Array.Resize(ref cnts, w);
        for (int id = 0; id < sortedId.Length; id++) sortedId[id] = remap[sortedId[id]];
        vocab.SetColumns(sortedId);
        _vocabulary = finalTerms;
        _lookup = vocab;
        return new DocumentTermMatrix(outPtr, cols, cnts, _vocabulary);
    }

    /// <inheritdoc/>
    public DocumentTermMatrix Transform(IReadOnlyList<string> documents, CancellationToken cancellationToken = default)
    {
        CheckDocuments(documents);
        var lookup = _lookup ?? throw new InvalidOperationException("This CountVectorizer is not fitted yet; call Fit or FitTransform first.");
        var rows = new (long[] Chunk, int Start, int Length)[documents.Count];
        var workers = new ConcurrentBag<TransformState>();
        bool unigrams = Options.NGramRange is { Min: 1, Max: 1 };
        try
        {
            Parallel.For(0, documents.Count, Parallelism.PerCore(cancellationToken),
                () => new TransformState(),
                (i, _, state) =>
                {
                    if (unigrams) EmitUnigrams(documents[i], ref state.Buffer, state.Tokens, new CountingSink(state.Terms));
                    else
                    {
                        var tokens = TokenizeForCounting(documents[i]);
                        EmitTerms(tokens, 0, tokens.Count, ref state.Buffer, new CountingSink(state.Terms));
                    }
                    rows[i] = state.TakeRow(lookup, _vocabulary.Length);
                    return state;
                }, workers.Add);
            var indPtr = new int[documents.Count + 1];
            for (int i = 0; i < rows.Length; i++) indPtr[i + 1] = indPtr[i] + rows[i].Length;
            var cols = GC.AllocateUninitializedArray<int>(indPtr[^1]);
            var cnts = GC.AllocateUninitializedArray<int>(indPtr[^1]);
            Parallel.ForEach(Partitioner.Create(0, rows.Length, 1024), Parallelism.PerCore(cancellationToken), range =>
            {
                for (int i = range.Item1; i < range.Item2; i++)
                {
                    var entries = rows[i].Chunk.AsSpan(rows[i].Start, rows[i].Length);
                    for (int k = 0; k < entries.Length; k++)
                    {
                        cols[indPtr[i] + k] = (int)(entries[k] >> 32);
                        cnts[indPtr[i] + k] = (int)entries[k];
                    }
                }
            });
            return new DocumentTermMatrix(indPtr, cols, cnts, _vocabulary);
        }
        finally
        {
            foreach (var worker in workers) worker.ReturnChunks();
        }
    }

    /// <summary>
    /// One worker's buffers for <see cref="Transform"/>: the text, the tokens, the current document's distinct terms
    /// with their counts in a small table that stays in cache, each looked up once in the fitted vocabulary when the row
    /// is taken (a document repeats many of its words; the vocabulary is large and mostly out of cache), and the rows
    /// taken so far, one (column, count) pair per long, appended to chunks rented from the shared array pool (returned
    /// once the matrix is built): no arrays per document, and no growing copy of all rows.
    /// </summary>
    private sealed class TransformState
    {
        private const int ChunkLength = 1 << 16;
        private const int LookAhead = 8; // terms whose vocabulary slot is requested before it is read (the vocabulary is mostly out of cache)
        private long[] _sortScratch = [];
        public char[] Buffer = new char[256];
        public readonly List<(int Start, int Length)> Tokens = [];
        public readonly TermTable Terms = new(256);
        private readonly List<long[]> _rented = [];
        private long[] _chunk = [];
        private int _used;

        /// <summary>
        /// Stores the current document's row, the terms <paramref name="lookup"/> knows as (column &lt;&lt; 32 | count) in
        /// ascending column order, and returns where it lies; <see cref="Terms"/> is empty again.
        /// </summary>
        public (long[] Chunk, int Start, int Length) TakeRow(ShardedVocabulary lookup, int columns)
        {
            if (_chunk.Length - _used < Terms.Count)
            {
                _chunk = System.Buffers.ArrayPool<long>.Shared.Rent(Math.Max(ChunkLength, Terms.Count));
                _rented.Add(_chunk);
                _used = 0;
            }
            int start = _used, n = Terms.Count;
            for (int e = 0; e < Math.Min(LookAhead, n); e++) lookup.PrefetchSlot(Terms.HashAt(e));
            for (int e = 0; e < n; e++)
            {
                if (e + LookAhead < n) lookup.PrefetchSlot(Terms.HashAt(e + LookAhead));
                int id = lookup.Find(Terms.KeySpan(e), Terms.HashAt(e));
                if (id >= 0) _chunk[_used++] = ((long)id << 32) | (uint)Terms.ValueAt(e);
            }
            Terms.Clear();
            ColumnSort.Sort(_chunk.AsSpan(start, _used - start), columns, ref _sortScratch);
            return (_chunk, start, _used - start);
        }

        /// <summary>Gives the chunks back to the pool (the rows taken are no longer valid).</summary>
        public void ReturnChunks()
        {
            foreach (var chunk in _rented) System.Buffers.ArrayPool<long>.Shared.Return(chunk);
            _rented.Clear();
            _chunk = [];
            _used = 0;
        }
    }

    /// <summary>One worker's row accumulator in <see cref="MergeCounts"/>: a count per provisional id (zero between rows) and the ids touched.</summary>
    private sealed class RowSums
    {
        public int[] Sums = [];
        public readonly List<int> Touched = [];

        /// <summary>Room for ids below <paramref name="idLimit"/>; returns this.</summary>
        public RowSums Reserve(int idLimit)
        {
            if (Sums.Length < idLimit) Array.Resize(ref Sums, Math.Max(idLimit, Sums.Length * 2));
            return this;
        }
    }

    private static void CheckDocuments(IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        for (int i = 0; i < documents.Count; i++)
            if (documents[i] is null)
                throw new ArgumentException($"Document {i} is null; pass an empty string for an empty document.", nameof(documents));
    }

    /// <summary>
    /// Receives the terms of a document. The emitters are generic over the sink's struct type, so the JIT compiles one
    /// copy per sink with its <see cref="Add"/> inlined: no delegate call per token.
    /// </summary>
    private interface ITermSink
    {
        void Add(ReadOnlySpan<char> term);
    }

    /// <summary>Counts each term in a table.</summary>
    private readonly struct CountingSink(TermTable table) : ITermSink
    {
        public void Add(ReadOnlySpan<char> term) => table.GetOrAdd(term)++;
    }

    /// <summary>Collects the terms as strings.</summary>
    private readonly struct ListSink(List<string> terms) : ITermSink
    {
        public void Add(ReadOnlySpan<char> term) => terms.Add(term.ToString());
    }

    /// <summary>A lowercased document and its tokens (stop words removed), as (start, length) pairs.</summary>
    private readonly record struct TokenizedDocument(string Text, int[] Starts, int[] Lengths)
    {
        public int Count => Starts.Length;
    }

    private TokenizedDocument TokenizeForCounting(string document)
    {
        string text = Options.Lowercase ? PythonText.ToLower(document) : document;
        var tokens = new List<(int Start, int Length)>();
        PythonText.Tokenize(text, tokens);
        if (_stopWords is not null)
        {
            var stop = _stopWords.GetAlternateLookup<ReadOnlySpan<char>>();
            tokens.RemoveAll(t => stop.Contains(text.AsSpan(t.Start, t.Length)));
        }
        var starts = new int[tokens.Count];
        var lengths = new int[tokens.Count];
        for (int i = 0; i < tokens.Count; i++) (starts[i], lengths[i]) = tokens[i];
        return new TokenizedDocument(text, starts, lengths);
    }

    /// <summary>
    /// Emits the terms whose first token lies in [<paramref name="from"/>, <paramref name="to"/>): for each n of the
    /// n-gram range (scikit-learn's order: all unigrams, then all bigrams, ...), the n-grams joined by one space.
    /// </summary>
    private void EmitTerms<TSink>(TokenizedDocument doc, int from, int to, ref char[] buffer, TSink sink) where TSink : struct, ITermSink
    {
        var (minN, maxN) = (Options.NGramRange.Min, Options.NGramRange.Max);
        string text = doc.Text;
        if (minN == 1)
        {
            for (int i = from; i < to; i++) sink.Add(text.AsSpan(doc.Starts[i], doc.Lengths[i]));
            minN = 2;
        }
        for (int n = minN; n <= Math.Min(maxN, doc.Count); n++)
        {
            for (int i = from; i < Math.Min(to, doc.Count - n + 1); i++)
            {
                int len = n - 1;
                for (int k = 0; k < n; k++) len += doc.Lengths[i + k];
                if (buffer.Length < len) buffer = new char[Math.Max(len, buffer.Length * 2)];
                var buf = buffer.AsSpan();
                int w = 0;
                for (int k = 0; k < n; k++)
                {
                    if (k > 0) buf[w++] = ' ';
                    text.AsSpan(doc.Starts[i + k], doc.Lengths[i + k]).CopyTo(buf[w..]);
                    w += doc.Lengths[i + k];
                }
                sink.Add(buf[..w]);
            }
        }
    }
}
