namespace BERTopicNet.Evaluation;

/// <summary>
/// Agreement between two labelings of the same items (e.g. gold classes and topics), with scikit-learn's
/// definitions and special cases (<c>sklearn.metrics.adjusted_rand_score</c>, <c>normalized_mutual_info_score</c>).
/// Labels are arbitrary integers: -1 (BERTopic's outlier topic) is one more cluster, as in scikit-learn.
/// </summary>
public static class ClusteringMetrics
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// The adjusted Rand index: pair-counting agreement corrected for chance; 1 for identical partitions, about 0
    /// for independent ones, negative below chance. Computed from the contingency table in O(N + cells) with exact
    /// 128-bit pair counts, so it is exact for any N.
    /// </summary>
    /// <param name="labelsTrue">The reference labels.</param>
    /// <param name="labelsPred">The labels to evaluate; same length.</param>
    public static double AdjustedRandIndex(ReadOnlySpan<int> labelsTrue, ReadOnlySpan<int> labelsPred)
    {
        var table = ContingencyTable.Build(labelsTrue, labelsPred);
        Int128 n = table.Count;
        Int128 sumSquares = 0, rowTerm = 0, colTerm = 0;
        foreach (var (row, col, count) in table.Cells)
        {
            Int128 c = count;
            sumSquares += c * c;
            rowTerm += c * table.ColumnSums[col];
            colTerm += c * table.RowSums[row];
        }
        // scikit-learn's pair confusion matrix (ordered pairs).
        Int128 tp = sumSquares - n;
        Int128 fp = rowTerm - sumSquares;
        Int128 fn = colTerm - sumSquares;
        Int128 tn = n * n - fp - fn - sumSquares;
        if (fn == 0 && fp == 0) return 1.0;
        Int128 numerator = 2 * (tp * tn - fn * fp);
        Int128 denominator = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
        return (double)numerator / (double)denominator;
    }

    /// <summary>
    /// The normalized mutual information with scikit-learn's default arithmetic-mean normalization:
    /// MI / ((H(true) + H(pred)) / 2), natural logarithms. 1 when both labelings have a single cluster (or are empty),
    /// 0 when the mutual information is 0.
    /// </summary>
    /// <param name="labelsTrue">The reference labels.</param>
    /// <param name="labelsPred">The labels to evaluate; same length.</param>
    public static double NormalizedMutualInformation(ReadOnlySpan<int> labelsTrue, ReadOnlySpan<int> labelsPred)
    {
        var table = ContingencyTable.Build(labelsTrue, labelsPred);
        int classes = table.RowSums.Length, clusters = table.ColumnSums.Length;
        if ((classes == 1 && clusters == 1) || (classes == 0 && clusters == 0)) return 1.0;
        double mi = MutualInformation(table);
        if (mi == 0) return 0.0;
        double hTrue = Entropy(table.RowSums, table.Count), hPred = Entropy(table.ColumnSums, table.Count);
        return mi / ((hTrue + hPred) / 2);
    }

    /// <summary>The mutual information between two labelings (natural logarithm), as <c>sklearn.metrics.mutual_info_score</c>.</summary>
    /// <param name="labelsTrue">The first labeling.</param>
    /// <param name="labelsPred">The second labeling; same length.</param>
    public static double MutualInformation(ReadOnlySpan<int> labelsTrue, ReadOnlySpan<int> labelsPred)
        => MutualInformation(ContingencyTable.Build(labelsTrue, labelsPred));

    /// <summary>The entropy of a labeling (natural logarithm); 1 for an empty one, as <c>sklearn.metrics.cluster.entropy</c>.</summary>
    /// <param name="labels">The labels.</param>
    public static double Entropy(ReadOnlySpan<int> labels)
    {
        if (labels.Length == 0) return 1.0;
        var counts = new Dictionary<int, long>();
        foreach (var l in labels) counts[l] = counts.GetValueOrDefault(l) + 1;
        return Entropy([.. counts.Values], labels.Length);
    }

    private static double Entropy(long[] counts, long total)
    {
        if (counts.Length <= 1) return 0.0;
        double logTotal = Math.Log(total), h = 0;
        foreach (var c in counts)
            if (c > 0) h -= (double)c / total * (Math.Log(c) - logTotal);
        return h;
    }

    private static double MutualInformation(ContingencyTable table)
    {
        if (table.RowSums.Length == 1 || table.ColumnSums.Length == 1 || table.Count == 0) return 0.0;
        double n = table.Count, logN = Math.Log(n), mi = 0;
        foreach (var (row, col, count) in table.Cells)
        {
            double p = count / n;
            // log(c·N / (a·b)) split as scikit-learn does for precision: log c - log N - log(a·b) + 2 log N.
            double outer = (double)table.RowSums[row] * table.ColumnSums[col];
            double term = p * (Math.Log(count) - logN) + p * (-Math.Log(outer) + logN + logN);
            if (Math.Abs(term) >= MachineEpsilon) mi += term; // scikit-learn zeroes terms below float64 epsilon
        }
        return Math.Max(mi, 0.0);
    }
}
