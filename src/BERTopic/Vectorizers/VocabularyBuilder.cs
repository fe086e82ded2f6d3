namespace BERTopicNet.Vectorizers;

/// <summary>
/// The vocabulary of a fit, built from the per-run term counts of <see cref="CountVectorizer"/>'s parallel counting.
/// Terms are split by hash over <see cref="Shards"/> tables, so the runs are merged on all cores (each shard reads
/// every run and takes its own terms). A term's provisional id is <c>local × Shards + shard</c>: stable while the
/// tables grow, so rows counted in earlier waves keep their ids. The result does not depend on the thread count,
/// and the final order (sorted by code point) not on the provisional ids.
/// </summary>
internal sealed class VocabularyBuilder
{
    private const int Shards = 8; // hashes are 31-bit: the top three bits pick the shard
    private readonly TermTable[] _tables = [.. Enumerable.Range(0, Shards).Select(_ => new TermTable(1 << 9))];
    private int _idLimit;

    /// <summary>The number of distinct terms so far.</summary>
    public int Count => _tables.Sum(t => t.Count);

    /// <summary>One more than the largest provisional id handed out.</summary>
    public int IdLimit => _idLimit;

    /// <summary>The provisional id of every entry of every run (runs[k] entry e → result[k][e]), new terms added.</summary>
    public int[][] Assign(TermTable[] runs, CancellationToken cancellationToken)
    {
        var ids = new int[runs.Length][];
        for (int k = 0; k < runs.Length; k++) ids[k] = new int[runs[k].Count];
        Parallel.For(0, Shards, new ParallelOptions { CancellationToken = cancellationToken }, s =>
        {
            var table = _tables[s];
            for (int k = 0; k < runs.Length; k++)
            {
                var run = runs[k];
                var runIds = ids[k];
                for (int e = 0; e < run.Count; e++)
                {
                    int hash = run.HashAt(e);
                    if (hash >> 28 != s) continue;
                    ref int idPlusOne = ref table.GetOrAdd(run.KeySpan(e), hash);
                    if (idPlusOne == 0) idPlusOne = table.Count;
                    runIds[e] = (idPlusOne - 1) * Shards + s;
                }
            }
        });
        for (int s = 0; s < Shards; s++) _idLimit = Math.Max(_idLimit, (_tables[s].Count - 1) * Shards + s + 1);
        return ids;
    }

    /// <summary>All terms in one table (shard by shard), and the entry of each provisional id there (-1 where unused).</summary>
    public (TermTable Table, int[] EntryOf) Combine()
    {
        var table = TermTable.Concatenate(_tables);
        var entryOf = new int[_idLimit];
        Array.Fill(entryOf, -1);
        for (int s = 0, first = 0; s < Shards; first += _tables[s].Count, s++)
            for (int local = 0; local < _tables[s].Count; local++) entryOf[local * Shards + s] = first + local;
        return (table, entryOf);
    }
}
