using BERTopicNet.Numerics;
using BERTopicNet.Representation;
using BERTopicNet.Vectorizers;

namespace BERTopicNet.Topics;

/// <summary>
/// Python BERTopic 0.17.4's <c>_extract_representative_docs</c>: per topic (ascending id), draw
/// <c>samples</c> documents with replacement from one seeded NumPy <c>RandomState</c> stream (pandas'
/// <c>groupby().sample(replace=True, random_state=seed)</c>), drop repeats, weight the drawn documents with the
/// fitted vectorizer and c-TF-IDF, and keep the <c>count</c> with the highest cosine similarity to the topic's
/// c-TF-IDF row, in the order NumPy's <c>argpartition</c> leaves them.
/// </summary>
internal static class RepresentativeDocumentSelector
{
    public static Dictionary<int, RepresentativeDocuments> Select(
        IReadOnlyList<string> documents, IReadOnlyList<int> documentTopics, IReadOnlyList<int> topics,
        TermWeightMatrix cTfidf, IVectorizer vectorizer, ClassTfidfTransformer ctfidf,
        int samples, int count, int seed, CancellationToken cancellationToken)
    {
        var members = new Dictionary<int, List<int>>();
        for (int i = 0; i < documentTopics.Count; i++)
        {
            if (!members.TryGetValue(documentTopics[i], out var list)) members[documentTopics[i]] = list = [];
            list.Add(i);
        }
        var random = new LegacyRandomState(unchecked((uint)seed));
        var sampled = new Dictionary<int, List<int>>();
        var seen = new HashSet<int>();
        foreach (var topic in members.Keys.Order())
        {
            var group = members[topic];
            var draw = random.ChoiceWithReplacement(group.Count, samples);
            var unique = new List<int>();
            foreach (var d in draw)
                if (seen.Add(group[d])) unique.Add(group[d]);
            sampled[topic] = unique;
        }

        // Weight all drawn documents in one pass (balanced across cores), then rank each topic's own rows.
        var all = new List<int>();
        var firstRow = new Dictionary<int, int>();
        foreach (var topic in topics)
        {
            firstRow[topic] = all.Count;
            if (sampled.TryGetValue(topic, out var s)) all.AddRange(s);
        }
        var counts = all.Count == 0 ? null : vectorizer.Transform(all.ConvertAll(i => documents[i]), cancellationToken);
        if (counts is not null) ctfidf.CheckColumns(counts.Columns);
        var chosen = new RepresentativeDocuments[topics.Count];
        // Topics in parallel, each worker with its own dense topic row (zeros, one per column, cleared after use).
        Parallel.For(0, topics.Count, Parallelism.PerCore(cancellationToken), () => (Dense: new double[cTfidf.Columns], Weights: new double[64]), (row, _, buffers) =>
        {
            int topic = topics[row];
            var selected = sampled.TryGetValue(topic, out var sel) ? sel : [];
            if (selected.Count == 0)
            {
                chosen[row] = new RepresentativeDocuments([], []);
                return buffers;
            }
            int nrDocs = Math.Min(count, selected.Count);
            var sims = CosineToRow(counts!, ctfidf, firstRow[topic], selected.Count, cTfidf, row, buffers.Dense, ref buffers.Weights);
            var part = NumpySort.ArgPartition(sims, sims.Length - nrDocs);
            var docs = new string[nrDocs];
            var ids = new int[nrDocs];
            for (int k = 0; k < nrDocs; k++)
            {
                int p = part[sims.Length - nrDocs + k];
                ids[k] = selected[p];
                docs[k] = documents[ids[k]];
            }
            chosen[row] = new RepresentativeDocuments(docs, ids);
            return buffers;
        }, _ => { });
        var result = new Dictionary<int, RepresentativeDocuments>(topics.Count);
        for (int row = 0; row < topics.Count; row++) result[topics[row]] = chosen[row];
        return result;
    }

    /// <summary>
    /// Cosine similarity (scikit-learn's: L2-normalise both, then dot) of the c-TF-IDF weights of rows [first, first + count)
    /// of <paramref name="rows"/>, weighted one at a time by <paramref name="ctfidf"/> into <paramref name="weights"/>, with one
    /// row of <paramref name="target"/>, scattered into <paramref name="dense"/> (zeros, one per column of the target; left as zeros).
    /// </summary>
    internal static double[] CosineToRow(DocumentTermMatrix rows, ClassTfidfTransformer ctfidf, int first, int count, TermWeightMatrix target, int targetRow, double[] dense, ref double[] weights)
    {
        var t = dense;
        var targetIdx = target.RowIndices(targetRow);
        var targetVal = target.RowValues(targetRow);
        for (int k = 0; k < targetIdx.Length; k++) t[targetIdx[k]] = targetVal[k];
        double tn = 0;
        foreach (var v in target.RowValues(targetRow)) tn += v * v;
        tn = Math.Sqrt(tn);
        if (tn == 0) tn = 1;
        var sims = new double[count];
        for (int r = 0; r < count; r++)
        {
            var idx = rows.RowIndices(first + r);
            if (weights.Length < idx.Length) weights = new double[Math.Max(idx.Length, weights.Length * 2)];
            var val = weights.AsSpan(0, idx.Length);
            ctfidf.WeightRow(idx, rows.RowCounts(first + r), val);
            double n = 0;
            foreach (var v in val) n += v * v;
            n = Math.Sqrt(n);
            if (n == 0) n = 1;
            double dot = 0;
            for (int k = 0; k < idx.Length; k++) dot += val[k] / n * (t[idx[k]] / tn);
            sims[r] = dot;
        }
        foreach (var j in targetIdx) t[j] = 0;
        return sims;
    }
}
