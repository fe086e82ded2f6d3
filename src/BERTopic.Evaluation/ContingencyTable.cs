namespace BERTopicNet.Evaluation;

/// <summary>The sparse contingency table of two labelings: non-zero cells, row (true class) and column (cluster) sums.</summary>
internal sealed class ContingencyTable
{
    private ContingencyTable(long count, long[] rowSums, long[] columnSums, List<(int Row, int Column, long Count)> cells)
    {
        Count = count;
        RowSums = rowSums;
        ColumnSums = columnSums;
        Cells = cells;
    }

    public long Count { get; }

    public long[] RowSums { get; }

    public long[] ColumnSums { get; }

    public List<(int Row, int Column, long Count)> Cells { get; }

    public static ContingencyTable Build(ReadOnlySpan<int> labelsTrue, ReadOnlySpan<int> labelsPred)
    {
        if (labelsTrue.Length != labelsPred.Length)
            throw new ArgumentException($"The two labelings must have the same length ({labelsTrue.Length} vs {labelsPred.Length}).", nameof(labelsPred));
        var rows = Dense(labelsTrue, out int nRows);
        var cols = Dense(labelsPred, out int nCols);
        var rowSums = new long[nRows];
        var colSums = new long[nCols];
        var cellCounts = new Dictionary<long, long>();
        for (int i = 0; i < rows.Length; i++)
        {
            rowSums[rows[i]]++;
            colSums[cols[i]]++;
            long key = (long)rows[i] * nCols + cols[i];
            cellCounts[key] = cellCounts.GetValueOrDefault(key) + 1;
        }
        var cells = new List<(int, int, long)>(cellCounts.Count);
        foreach (var (key, count) in cellCounts.OrderBy(kv => kv.Key))
            cells.Add(((int)(key / nCols), (int)(key % nCols), count));
        return new ContingencyTable(labelsTrue.Length, rowSums, colSums, cells);
    }

    /// <summary>Maps labels to 0..k-1 in sorted label order.</summary>
    private static int[] Dense(ReadOnlySpan<int> labels, out int distinct)
    {
        var sorted = new SortedSet<int>();
        foreach (var l in labels) sorted.Add(l);
        var index = new Dictionary<int, int>(sorted.Count);
        foreach (var l in sorted) index[l] = index.Count;
        distinct = index.Count;
        var dense = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++) dense[i] = index[labels[i]];
        return dense;
    }
}
