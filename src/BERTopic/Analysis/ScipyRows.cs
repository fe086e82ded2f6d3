using BERTopicNet.Vectorizers;

namespace BERTopicNet.Analysis;

/// <summary>
/// Rows of a SciPy CSR matrix with their entries in SciPy's storage order, and the few SciPy/scikit-learn operations
/// that <c>topics_over_time</c> and <c>topics_per_class</c> apply to c-TF-IDF rows. The storage order decides how
/// NumPy's <c>argpartition</c> breaks ties between equal scores, so it is kept exactly: a c-TF-IDF row (the product
/// with the idf diagonal) is stored in descending column order, and a sum of two matrices follows
/// <c>csr_binop_csr</c> (sorted when both operands are canonical, else the order of its linked list).
/// </summary>
internal sealed class ScipyRows
{
    private ScipyRows(int columns, (int[] Columns, double[] Values)[] rows)
    {
        ColumnCount = columns;
        Rows = rows;
    }

    /// <summary>Number of columns.</summary>
    public int ColumnCount { get; }

    /// <summary>Each row's stored columns and values, in storage order.</summary>
    public (int[] Columns, double[] Values)[] Rows { get; }

    /// <summary>The rows of a c-TF-IDF matrix as SciPy stores them after the idf product: descending column.</summary>
    public static ScipyRows FromCtfidf(TermWeightMatrix matrix, IReadOnlyList<int>? rows = null)
    {
        int count = rows?.Count ?? matrix.Rows;
        var result = new (int[], double[])[count];
        for (int r = 0; r < count; r++)
        {
            int row = rows is null ? r : rows[r];
            var idx = matrix.RowIndices(row);
            var val = matrix.RowValues(row);
            var c = new int[idx.Length];
            var v = new double[idx.Length];
            for (int k = 0; k < idx.Length; k++) { c[k] = idx[idx.Length - 1 - k]; v[k] = val[idx.Length - 1 - k]; }
            result[r] = (c, v);
        }
        return new ScipyRows(matrix.Columns, result);
    }

    /// <summary>scikit-learn's <c>normalize(norm="l1")</c>: each row divided by the sum of its absolute values (in storage order); empty or zero rows stay.</summary>
    public ScipyRows NormalizeL1()
    {
        var result = new (int[], double[])[Rows.Length];
        for (int r = 0; r < Rows.Length; r++)
        {
            var (c, v) = Rows[r];
            double sum = 0;
            foreach (var x in v) sum += Math.Abs(x);
            var nv = (double[])v.Clone();
            if (sum != 0)
                for (int k = 0; k < nv.Length; k++) nv[k] /= sum;
            result[r] = (c, nv);
        }
        return new ScipyRows(ColumnCount, result);
    }

    /// <summary><c>(this + other) / 2.0</c> as SciPy computes it: <c>csr_plus_csr</c>, then a product with 0.5.</summary>
    public ScipyRows Average(ScipyRows other)
    {
        if (other.Rows.Length != Rows.Length || other.ColumnCount != ColumnCount)
            throw new ArgumentException("Both matrices must have the same shape.", nameof(other));
        bool canonical = IsCanonical() && other.IsCanonical();
        var result = new (int[], double[])[Rows.Length];
        var a = new double[ColumnCount];
        var b = new double[ColumnCount];
        var next = new int[ColumnCount];
        Array.Fill(next, -1);
        for (int r = 0; r < Rows.Length; r++)
        {
            var (ac, av) = Rows[r];
            var (bc, bv) = other.Rows[r];
            var cols = new List<int>(ac.Length + bc.Length);
            var vals = new List<double>(ac.Length + bc.Length);
            if (canonical)
            {
                // csr_binop_csr_canonical: a sorted merge.
                int i = 0, j = 0;
                while (i < ac.Length || j < bc.Length)
                {
                    int col; double s;
                    if (j >= bc.Length || (i < ac.Length && ac[i] < bc[j])) { col = ac[i]; s = av[i] + 0; i++; }
                    else if (i >= ac.Length || bc[j] < ac[i]) { col = bc[j]; s = 0 + bv[j]; j++; }
                    else { col = ac[i]; s = av[i] + bv[j]; i++; j++; }
                    if (s != 0) { cols.Add(col); vals.Add(s * 0.5); }
                }
            }
            else
            {
                // csr_binop_csr_general: columns enter a linked list head-first, A's then B's, and leave from the head.
                int head = -2, length = 0;
                for (int k = 0; k < ac.Length; k++)
                {
                    int j = ac[k];
                    a[j] += av[k];
                    if (next[j] == -1) { next[j] = head; head = j; length++; }
                }
                for (int k = 0; k < bc.Length; k++)
                {
                    int j = bc[k];
                    b[j] += bv[k];
                    if (next[j] == -1) { next[j] = head; head = j; length++; }
                }
                for (int k = 0; k < length; k++)
                {
                    double s = a[head] + b[head];
                    if (s != 0) { cols.Add(head); vals.Add(s * 0.5); }
                    int temp = head;
                    head = next[head];
                    next[temp] = -1;
                    a[temp] = 0;
                    b[temp] = 0;
                }
            }
            result[r] = (cols.ToArray(), vals.ToArray());
        }
        return new ScipyRows(ColumnCount, result);
    }

    /// <summary>SciPy's <c>csr_has_canonical_format</c>: every row's columns strictly ascending.</summary>
    private bool IsCanonical()
    {
        foreach (var (c, _) in Rows)
            for (int k = 1; k < c.Length; k++)
                if (c[k] <= c[k - 1]) return false;
        return true;
    }
}
