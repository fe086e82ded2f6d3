namespace BERTopicNet.Evaluation;

/// <summary>Occurrence and co-occurrence counts of a set of words over windows or documents (gensim's accumulators).</summary>
internal sealed class CooccurrenceCounts
{
    private readonly int _words;
    private readonly long[] _pairs; // upper triangle, row-major over (i < j)

    public CooccurrenceCounts(int words)
    {
        _words = words;
        Occurrences = new long[words];
        InVocabulary = new bool[words];
        _pairs = new long[(long)words * words];
    }

    /// <summary>Windows (or documents) holding each word.</summary>
    public long[] Occurrences { get; }

    /// <summary>Whether each word occurs at all in the texts.</summary>
    public bool[] InVocabulary { get; }

    /// <summary>The number of windows (or documents) counted.</summary>
    public long VirtualDocuments { get; private set; }

    /// <summary>Windows (or documents) holding both words; the occurrences of the word when both are the same.</summary>
    public long CoOccurrences(int a, int b) => a == b ? Occurrences[a] : _pairs[(long)Math.Min(a, b) * _words + Math.Max(a, b)];

    /// <summary>gensim's <c>CorpusAccumulator</c>: one virtual document per text, every text counted.</summary>
    public void AccumulateDocuments(IEnumerable<IReadOnlyList<string>> texts, Dictionary<string, int> ids, CancellationToken cancellationToken)
    {
        var present = new List<int>();
        var stamp = new int[_words];
        int doc = 0;
        foreach (var text in texts)
        {
            if ((++doc & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            present.Clear();
            foreach (var token in text)
                if (ids.TryGetValue(token, out int id) && stamp[id] != doc) { stamp[id] = doc; present.Add(id); }
            Count(present);
            VirtualDocuments++;
        }
    }

    /// <summary>
    /// gensim's <c>WordOccurrenceAccumulator</c> with <c>p_boolean_sliding_window</c>: only texts holding a word of
    /// interest; windows of <paramref name="window"/> tokens sliding by one (a shorter text is one window); the marks
    /// updated as gensim does (the token leaving is unmarked, the token entering is marked).
    /// </summary>
    public void AccumulateWindows(IEnumerable<IReadOnlyList<string>> texts, Dictionary<string, int> ids, int window, CancellationToken cancellationToken)
    {
        var marked = new bool[_words];
        var stamp = new long[_words];
        long windowNo = 0;
        var present = new List<int>();
        var doc = new List<int>();
        int docs = 0;
        foreach (var text in texts)
        {
            if ((++docs & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            doc.Clear();
            bool relevant = false;
            foreach (var token in text)
            {
                int id = ids.TryGetValue(token, out var v) ? v : -1;
                if (id >= 0) relevant = true;
                doc.Add(id);
            }
            if (!relevant) continue;
            int length = Math.Min(window, doc.Count);
            int windows = doc.Count < window ? 1 : doc.Count - window + 1;
            for (int w = 0; w < windows; w++)
            {
                if (w == 0)
                {
                    for (int i = 0; i < length; i++) if (doc[i] >= 0) marked[doc[i]] = true;
                }
                else
                {
                    if (doc[w - 1] >= 0) marked[doc[w - 1]] = false;
                    if (doc[w + length - 1] >= 0) marked[doc[w + length - 1]] = true;
                }
                windowNo++;
                present.Clear();
                for (int i = w; i < w + length; i++)
                {
                    int id = doc[i];
                    if (id >= 0 && marked[id] && stamp[id] != windowNo) { stamp[id] = windowNo; present.Add(id); }
                }
                Count(present);
                VirtualDocuments++;
            }
            for (int i = windows - 1; i < windows - 1 + length; i++) if (doc[i] >= 0) marked[doc[i]] = false;
        }
    }

    private void Count(List<int> present)
    {
        for (int a = 0; a < present.Count; a++)
        {
            int i = present[a];
            Occurrences[i]++;
            InVocabulary[i] = true;
            for (int b = a + 1; b < present.Count; b++)
            {
                int j = present[b];
                _pairs[(long)Math.Min(i, j) * _words + Math.Max(i, j)]++;
            }
        }
    }
}
