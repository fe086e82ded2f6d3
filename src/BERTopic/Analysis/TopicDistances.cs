using BERTopicNet.Vectorizers;

namespace BERTopicNet.Analysis;

/// <summary>Distance functions between topic vectors for <see cref="HierarchicalTopicsOptions.DistanceFunction"/>.</summary>
public static class TopicDistances
{
    /// <summary>
    /// 1 − cosine similarity between the rows, as <c>1 - sklearn.metrics.pairwise.cosine_similarity(x)</c> computes
    /// it on a c-TF-IDF matrix (rows L2-normalised, products summed in SciPy's storage order of a c-TF-IDF row).
    /// </summary>
    /// <param name="rows">One row per topic.</param>
    /// <returns>The square distance matrix, n × n row-major.</returns>
    public static double[] CosineDistance(TermWeightMatrix rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int n = rows.Rows;
        // L2-normalise each row; the sum of squares runs in storage order (descending column).
        var normalized = new double[rows.Values.Length];
        for (int r = 0; r < n; r++)
        {
            int lo = rows.IndPtr[r], hi = rows.IndPtr[r + 1];
            double sum = 0;
            for (int k = hi - 1; k >= lo; k--) sum += rows.Values[k] * rows.Values[k];
            sum = Math.Sqrt(sum);
            for (int k = lo; k < hi; k++) normalized[k] = sum == 0 ? rows.Values[k] : rows.Values[k] / sum;
        }
        var result = new double[n * n];
        var dense = new double[rows.Columns];
        for (int i = 0; i < n; i++)
        {
            int lo = rows.IndPtr[i], hi = rows.IndPtr[i + 1];
            for (int k = lo; k < hi; k++) dense[rows.Indices[k]] = normalized[k];
            for (int j = i; j < n; j++)
            {
                // Terms in descending column order, as SciPy's sparse product adds them.
                double s = 0;
                for (int k = rows.IndPtr[j + 1] - 1; k >= rows.IndPtr[j]; k--)
                {
                    double a = dense[rows.Indices[k]];
                    if (a != 0) s += a * normalized[k];
                }
                result[i * n + j] = 1 - s;
                result[j * n + i] = 1 - s;
            }
            for (int k = lo; k < hi; k++) dense[rows.Indices[k]] = 0;
        }
        return result;
    }
}
