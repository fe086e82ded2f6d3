using BERTopicNet.Vectorizers;

namespace BERTopicNet.Topics;

/// <summary>
/// Cosine similarity (scikit-learn's: both sides L2-normalised) between sparse rows and a set of topic c-TF-IDF rows,
/// computed through an inverted index of the topic rows so that a row costs only its terms' topic entries.
/// </summary>
internal sealed class SparseTopicSimilarity
{
    private readonly int[] _termPtr;
    private readonly int[] _topic;
    private readonly double[] _value;

    /// <param name="cTfidf">The model's c-TF-IDF matrix.</param>
    /// <param name="firstRow">The first row to compare with (1 to skip the outlier topic).</param>
    public SparseTopicSimilarity(TermWeightMatrix cTfidf, int firstRow)
    {
        Topics = cTfidf.Rows - firstRow;
        var norms = new double[Topics];
        var counts = new int[cTfidf.Columns + 1];
        for (int t = 0; t < Topics; t++)
        {
            double n = 0;
            foreach (var v in cTfidf.RowValues(firstRow + t)) n += v * v;
            norms[t] = n > 0 ? Math.Sqrt(n) : 1;
            foreach (var j in cTfidf.RowIndices(firstRow + t)) counts[j + 1]++;
        }
        for (int j = 0; j < cTfidf.Columns; j++) counts[j + 1] += counts[j];
        _termPtr = counts;
        _topic = new int[counts[^1]];
        _value = new double[counts[^1]];
        var fill = (int[])counts.Clone();
        for (int t = 0; t < Topics; t++)
        {
            var idx = cTfidf.RowIndices(firstRow + t);
            var val = cTfidf.RowValues(firstRow + t);
            for (int k = 0; k < idx.Length; k++)
            {
                int p = fill[idx[k]]++;
                _topic[p] = t;
                _value[p] = val[k] / norms[t];
            }
        }
    }

    /// <summary>Number of topics compared with.</summary>
    public int Topics { get; }

    /// <summary>Writes the similarity of row <paramref name="row"/> of <paramref name="rows"/> with every topic into <paramref name="result"/>.</summary>
    public void Similarities(TermWeightMatrix rows, int row, Span<double> result)
    {
        result.Clear();
        var idx = rows.RowIndices(row);
        var val = rows.RowValues(row);
        double n = 0;
        foreach (var v in val) n += v * v;
        if (n == 0) return;
        n = Math.Sqrt(n);
        for (int k = 0; k < idx.Length; k++)
        {
            double x = val[k] / n;
            for (int p = _termPtr[idx[k]]; p < _termPtr[idx[k] + 1]; p++) result[_topic[p]] += x * _value[p];
        }
    }
}
