namespace BERTopicNet.Vectorizers;

/// <summary>
/// A sparse matrix of term weights in CSR form (such as the topics × terms c-TF-IDF matrix): row i holds
/// <c>Values[IndPtr[i]..IndPtr[i+1]]</c> at the term columns <c>Indices[...]</c>, ascending. Values are float64,
/// as in Python BERTopic.
/// </summary>
public sealed class TermWeightMatrix
{
    /// <summary>Creates a matrix (the arrays are used as given).</summary>
    /// <exception cref="ArgumentException">The arrays are inconsistent.</exception>
    public TermWeightMatrix(int columns, int[] indPtr, int[] indices, double[] values)
    {
        ArgumentNullException.ThrowIfNull(indPtr);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (indPtr.Length == 0 || indPtr[0] != 0 || indPtr[^1] != values.Length || indices.Length != values.Length)
            throw new ArgumentException("indPtr must start at 0 and end at the number of values; indices and values must have equal length.", nameof(indPtr));
        foreach (var j in indices)
            if ((uint)j >= (uint)columns) throw new ArgumentException($"Column {j} is outside [0, {columns}).", nameof(indices));
        Columns = columns;
        IndPtr = indPtr;
        Indices = indices;
        Values = values;
    }

    /// <summary>Number of rows.</summary>
    public int Rows => IndPtr.Length - 1;

    /// <summary>Number of columns (terms).</summary>
    public int Columns { get; }

    /// <summary>Row pointers (length Rows + 1).</summary>
    public int[] IndPtr { get; }

    /// <summary>Column of each stored value.</summary>
    public int[] Indices { get; }

    /// <summary>The stored values.</summary>
    public double[] Values { get; }

    /// <summary>The columns of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<int> RowIndices(int row) => Indices.AsSpan(IndPtr[row], IndPtr[row + 1] - IndPtr[row]);

    /// <summary>The values of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> RowValues(int row) => Values.AsSpan(IndPtr[row], IndPtr[row + 1] - IndPtr[row]);

    /// <summary>The value at (<paramref name="row"/>, <paramref name="column"/>), 0 when not stored.</summary>
    public double this[int row, int column]
    {
        get
        {
            int k = RowIndices(row).BinarySearch(column);
            return k >= 0 ? Values[IndPtr[row] + k] : 0.0;
        }
    }

    /// <summary>Row <paramref name="row"/> as a dense vector.</summary>
    public double[] DenseRow(int row)
    {
        var dense = new double[Columns];
        var idx = RowIndices(row);
        var val = RowValues(row);
        for (int k = 0; k < idx.Length; k++) dense[idx[k]] = val[k];
        return dense;
    }

    /// <summary>A new matrix holding the given rows, in the given order.</summary>
    public TermWeightMatrix SelectRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ptr = new int[rows.Count + 1];
        for (int i = 0; i < rows.Count; i++) ptr[i + 1] = ptr[i] + (IndPtr[rows[i] + 1] - IndPtr[rows[i]]);
        var ind = new int[ptr[^1]];
        var val = new double[ptr[^1]];
        for (int i = 0; i < rows.Count; i++)
        {
            RowIndices(rows[i]).CopyTo(ind.AsSpan(ptr[i]));
            RowValues(rows[i]).CopyTo(val.AsSpan(ptr[i]));
        }
        return new TermWeightMatrix(Columns, ptr, ind, val);
    }
}
