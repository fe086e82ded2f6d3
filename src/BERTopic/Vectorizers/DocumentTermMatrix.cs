namespace BERTopicNet.Vectorizers;

/// <summary>
/// Token counts of documents in compressed sparse row form (SciPy's <c>csr_matrix</c> layout): row i holds the
/// counts <c>Counts[IndPtr[i]..IndPtr[i+1]]</c> of the terms <c>Indices[...]</c>, column indices ascending.
/// Column j is the term <c>Vocabulary[j]</c>.
/// </summary>
public sealed class DocumentTermMatrix
{
    /// <summary>Creates a matrix and checks its arrays are consistent.</summary>
    /// <exception cref="ArgumentException">The arrays do not describe a valid CSR matrix.</exception>
    public DocumentTermMatrix(int[] indPtr, int[] indices, int[] counts, IReadOnlyList<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(indPtr);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (indPtr.Length == 0 || indPtr[0] != 0 || indPtr[^1] != indices.Length)
            throw new ArgumentException("indPtr must start at 0 and end at the number of stored counts.", nameof(indPtr));
        if (indices.Length != counts.Length)
            throw new ArgumentException($"indices ({indices.Length}) and counts ({counts.Length}) must have the same length.", nameof(counts));
        for (int r = 0; r + 1 < indPtr.Length; r++)
        {
            if (indPtr[r + 1] < indPtr[r]) throw new ArgumentException($"indPtr decreases at row {r}.", nameof(indPtr));
            for (int k = indPtr[r]; k < indPtr[r + 1]; k++)
            {
                if ((uint)indices[k] >= (uint)vocabulary.Count)
                    throw new ArgumentException($"Column {indices[k]} at position {k} is outside the vocabulary of {vocabulary.Count} terms.", nameof(indices));
                if (k > indPtr[r] && indices[k] <= indices[k - 1])
                    throw new ArgumentException($"Column indices of row {r} must be strictly ascending.", nameof(indices));
            }
        }
        IndPtr = indPtr;
        Indices = indices;
        Counts = counts;
        Vocabulary = vocabulary;
    }

    /// <summary>Number of documents (rows).</summary>
    public int Rows => IndPtr.Length - 1;

    /// <summary>Number of terms (columns).</summary>
    public int Columns => Vocabulary.Count;

    /// <summary>Row pointers, length <see cref="Rows"/> + 1.</summary>
    public int[] IndPtr { get; }

    /// <summary>Column (term) index of each stored count, ascending within a row.</summary>
    public int[] Indices { get; }

    /// <summary>The stored counts (all positive).</summary>
    public int[] Counts { get; }

    /// <summary>The terms, one per column, in scikit-learn's order (sorted by code point for a fitted vocabulary).</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>Number of stored counts.</summary>
    public int NonZeroCount => Counts.Length;

    /// <summary>The term indices of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<int> RowIndices(int row) => Indices.AsSpan(IndPtr[row], IndPtr[row + 1] - IndPtr[row]);

    /// <summary>The counts of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<int> RowCounts(int row) => Counts.AsSpan(IndPtr[row], IndPtr[row + 1] - IndPtr[row]);

    /// <summary>The count of term <paramref name="column"/> in document <paramref name="row"/> (0 when absent).</summary>
    public int this[int row, int column]
    {
        get
        {
            int k = RowIndices(row).BinarySearch(column);
            return k >= 0 ? Counts[IndPtr[row] + k] : 0;
        }
    }

    /// <summary>Total count of each term over all documents.</summary>
    public long[] ColumnSums()
    {
        var sums = new long[Columns];
        for (int k = 0; k < Indices.Length; k++) sums[Indices[k]] += Counts[k];
        return sums;
    }

    /// <summary>Total count of terms in each document.</summary>
    public long[] RowSums()
    {
        var sums = new long[Rows];
        for (int r = 0; r < Rows; r++)
        {
            long s = 0;
            foreach (var c in RowCounts(r)) s += c;
            sums[r] = s;
        }
        return sums;
    }

    /// <summary>Number of documents containing each term.</summary>
    public int[] DocumentFrequencies()
    {
        var df = new int[Columns];
        foreach (var j in Indices) df[j]++;
        return df;
    }
}
