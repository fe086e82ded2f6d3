using BERTopicNet.Vectorizers;

namespace BERTopicNet.Operations;

/// <summary>
/// Cosine similarity (scikit-learn's <c>cosine_similarity</c>: rows L2-normalised, zero rows stay zero) between sparse
/// rows and a fixed set of topic rows of a c-TF-IDF matrix. The topic rows are stored column-wise (term → topics), so
/// one query row costs the sum of its terms' topic lists rather than a pass over every topic.
/// </summary>
internal sealed class SparseTopicCosine
{
    private readonly int[] _columnPtr;
    private readonly int[] _topicOfEntry;
    private readonly double[] _valueOfEntry;

    /// <summary>Indexes rows <paramref name="firstRow"/>.. of <paramref name="topicRows"/> (columns of the result in that order).</summary>
    public SparseTopicCosine(TermWeightMatrix topicRows, int firstRow)
    {
        TopicCount = topicRows.Rows - firstRow;
        Columns = topicRows.Columns;
        var counts = new int[Columns + 1];
        for (int r = firstRow; r < topicRows.Rows; r++)
            foreach (int j in topicRows.RowIndices(r)) counts[j + 1]++;
        for (int j = 0; j < Columns; j++) counts[j + 1] += counts[j];
        _columnPtr = counts;
        int nnz = counts[Columns];
        _topicOfEntry = new int[nnz];
        _valueOfEntry = new double[nnz];
        var fill = (int[])counts.Clone();
        for (int r = firstRow; r < topicRows.Rows; r++)
        {
            var idx = topicRows.RowIndices(r);
            var val = topicRows.RowValues(r);
            double norm = 0;
            foreach (double v in val) norm += v * v;
            norm = Math.Sqrt(norm);
            if (norm == 0) continue;
            for (int k = 0; k < idx.Length; k++)
            {
                int at = fill[idx[k]]++;
                _topicOfEntry[at] = r - firstRow;
                _valueOfEntry[at] = val[k] / norm;
            }
        }
    }

    /// <summary>Number of topics (columns of the similarities).</summary>
    public int TopicCount { get; }

    /// <summary>Number of terms.</summary>
    public int Columns { get; }

    /// <summary>Writes the cosine similarity of one sparse row with every topic into <paramref name="destination"/>.</summary>
    public void Similarities(ReadOnlySpan<int> indices, ReadOnlySpan<double> values, Span<double> destination)
    {
        destination.Clear();
        double norm = 0;
        foreach (double v in values) norm += v * v;
        if (norm == 0) return;
        norm = Math.Sqrt(norm);
        for (int k = 0; k < indices.Length; k++)
        {
            double w = values[k] / norm;
            if (w == 0) continue;
            int j = indices[k];
            for (int e = _columnPtr[j]; e < _columnPtr[j + 1]; e++)
                destination[_topicOfEntry[e]] += w * _valueOfEntry[e];
        }
    }
}
