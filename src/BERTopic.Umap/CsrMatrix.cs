namespace BERTopicNet.Umap;

/// <summary>
/// A sparse matrix in compressed sparse row (CSR) form, the layout of SciPy's <c>csr_matrix</c>:
/// row i holds the entries <c>Values[IndPtr[i]..IndPtr[i+1]]</c> at columns <c>Indices[IndPtr[i]..IndPtr[i+1]]</c>.
/// </summary>
public sealed class CsrMatrix
{
    /// <summary>Creates a CSR matrix and checks that its arrays are consistent.</summary>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columns">Number of columns.</param>
    /// <param name="indPtr">Row pointers, length <paramref name="rows"/> + 1, non-decreasing, starting at 0.</param>
    /// <param name="indices">Column index of each stored value, each in [0, <paramref name="columns"/>).</param>
    /// <param name="values">The stored values, finite.</param>
    /// <exception cref="ArgumentException">The arrays do not describe a valid CSR matrix.</exception>
    public CsrMatrix(int rows, int columns, int[] indPtr, int[] indices, float[] values)
    {
        ArgumentNullException.ThrowIfNull(indPtr);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (indPtr.Length != rows + 1)
            throw new ArgumentException($"indPtr must have rows + 1 = {rows + 1} entries but has {indPtr.Length}.", nameof(indPtr));
        if (indices.Length != values.Length)
            throw new ArgumentException($"indices ({indices.Length}) and values ({values.Length}) must have the same length.", nameof(indices));
        if (indPtr[0] != 0 || indPtr[rows] != values.Length)
            throw new ArgumentException($"indPtr must start at 0 and end at the number of stored values ({values.Length}).", nameof(indPtr));
        for (int i = 0; i < rows; i++)
            if (indPtr[i + 1] < indPtr[i])
                throw new ArgumentException($"indPtr must be non-decreasing; it drops at row {i}.", nameof(indPtr));
        for (int k = 0; k < indices.Length; k++)
        {
            if ((uint)indices[k] >= (uint)columns)
                throw new ArgumentException($"Column index {indices[k]} at position {k} is outside [0, {columns}).", nameof(indices));
            if (!float.IsFinite(values[k]))
                throw new ArgumentException($"Value at position {k} is {values[k]}; sparse matrices must hold finite numbers.", nameof(values));
        }
        Rows = rows;
        Columns = columns;
        IndPtr = indPtr;
        Indices = indices;
        Values = values;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Row pointers (length Rows + 1).</summary>
    public int[] IndPtr { get; }

    /// <summary>Column index of each stored value.</summary>
    public int[] Indices { get; }

    /// <summary>The stored values.</summary>
    public float[] Values { get; }

    /// <summary>Number of stored values.</summary>
    public int NonZeroCount => Values.Length;

    /// <summary>The column indices of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<int> RowIndices(int row) => Indices.AsSpan(IndPtr[row], IndPtr[row + 1] - IndPtr[row]);

    /// <summary>The values of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> RowValues(int row) => Values.AsSpan(IndPtr[row], IndPtr[row + 1] - IndPtr[row]);

    /// <summary>Converts the matrix to a dense row-major array.</summary>
    public float[,] ToDense()
    {
        var dense = new float[Rows, Columns];
        for (int i = 0; i < Rows; i++)
            for (int k = IndPtr[i]; k < IndPtr[i + 1]; k++)
                dense[i, Indices[k]] += Values[k];
        return dense;
    }
}
