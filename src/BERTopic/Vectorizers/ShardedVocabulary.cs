namespace BERTopicNet.Vectorizers;

/// <summary>
/// A vocabulary split by hash over <see cref="Shards"/> term tables: built from the per-run term counts of
/// <see cref="CountVectorizer"/>'s parallel counting (each shard takes its own terms of every run, so the runs are
/// merged on all cores), then kept as the fitted vectorizer's lookup from term to column.
/// While building, a term's value is its provisional id <c>local × Shards + shard</c>, stable while the tables grow,
/// so rows counted in earlier waves keep their ids; <see cref="SetColumns"/> turns them into final columns. The
/// result does not depend on the thread count, and the final order (sorted by code point) not on the provisional ids.
/// Lookups (<see cref="Find"/>) are safe from many threads once building is over.
/// </summary>
internal sealed class ShardedVocabulary
{
    /// <summary>The number of shards: hashes are 31-bit, and <see cref="ShardOf"/> takes their top three bits.</summary>
    public const int Shards = 8;
    private readonly TermTable[] _tables;
    private int _idLimit;

    /// <summary>An empty vocabulary with room for about <paramref name="capacity"/> terms before its tables grow.</summary>
    public ShardedVocabulary(int capacity = Shards << 9)
    {
        _tables = [.. Enumerable.Range(0, Shards).Select(_ => new TermTable(Math.Max(16, capacity / Shards)))];
    }

    /// <summary>
    /// A lookup of fixed <paramref name="terms"/>, term j at column j; <see cref="Count"/> is below the number of terms
    /// when one repeats (the first one's column is kept).
    /// </summary>
    public static ShardedVocabulary Of(IReadOnlyList<string> terms)
    {
        var vocabulary = new ShardedVocabulary(terms.Count);
        for (int j = 0; j < terms.Count; j++)
        {
            int hash = TermTable.Hash(terms[j]);
            ref int columnPlusOne = ref vocabulary._tables[ShardOf(hash)].GetOrAdd(terms[j], hash);
            if (columnPlusOne == 0) columnPlusOne = j + 1;
        }
        foreach (var table in vocabulary._tables)
            for (int e = 0; e < table.Count; e++) table.SetValueAt(e, table.ValueAt(e) - 1);
        return vocabulary;
    }

    /// <summary>The number of distinct terms.</summary>
    public int Count => _tables.Sum(t => t.Count);

    /// <summary>One more than the largest provisional id handed out.</summary>
    public int IdLimit => _idLimit;

    /// <summary>The value of <paramref name="term"/> (its column once fitted), whose <see cref="TermTable.Hash"/> is <paramref name="hash"/>, or -1 when absent.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<char> term, int hash) => _tables[ShardOf(hash)].Find(term, hash);

    /// <summary>Asks the cache for the slot where <see cref="Find"/> of a term with this hash starts looking (a hint: no effect on results).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void PrefetchSlot(int hash) => _tables[ShardOf(hash)].PrefetchSlot(hash);

    /// <summary>The shard of a term with <see cref="TermTable.Hash"/> <paramref name="hash"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int ShardOf(int hash) => hash >> 28;

    /// <summary>The provisional id of every term of every run (runs[k] term p → result[k][p]), new terms added, shards in parallel.</summary>
    public int[][] Assign(TermRun[] runs, CancellationToken cancellationToken)
    {
        var ids = new int[runs.Length][];
        for (int k = 0; k < runs.Length; k++) ids[k] = new int[runs[k].Count];
        Parallel.For(0, Shards, Parallelism.PerCore(cancellationToken), s =>
        {
            var table = _tables[s];
            for (int k = 0; k < runs.Length; k++)
            {
                var run = runs[k];
                var runIds = ids[k];
                for (int p = run.ShardStarts[s], end = run.ShardStarts[s + 1]; p < end; p++)
                {
                    ref int idPlusOne = ref table.GetOrAdd(run.Key(p), run.Hashes[p]);
                    if (idPlusOne == 0) idPlusOne = table.Count;
                    runIds[p] = (idPlusOne - 1) * Shards + s;
                }
            }
        });
        for (int s = 0; s < Shards; s++) _idLimit = Math.Max(_idLimit, (_tables[s].Count - 1) * Shards + s + 1);
        return ids;
    }

    /// <summary>Every term (made into a string, shard by shard, in parallel) and its provisional id.</summary>
    public (string[] Terms, int[] Ids) Terms()
    {
        var terms = new string[Count];
        var ids = new int[terms.Length];
        var first = new int[Shards + 1];
        for (int s = 0; s < Shards; s++) first[s + 1] = first[s] + _tables[s].Count;
        Parallel.For(0, Shards, Parallelism.PerCore(), s =>
        {
            var table = _tables[s];
            for (int e = 0; e < table.Count; e++)
            {
                terms[first[s] + e] = table.KeyAt(e);
                ids[first[s] + e] = e * Shards + s;
            }
        });
        return (terms, ids);
    }

    /// <summary>Ends building: each term's value becomes <paramref name="columnOf"/>[its provisional id] (-1 = pruned).</summary>
    public void SetColumns(int[] columnOf) =>
        Parallel.For(0, Shards, Parallelism.PerCore(), s =>
        {
            var table = _tables[s];
            for (int e = 0; e < table.Count; e++) table.SetValueAt(e, columnOf[e * Shards + s]);
        });
}
