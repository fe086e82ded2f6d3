using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace BERTopicNet.Umap;

/// <summary>
/// Input rows prepared for one metric: dense rows are copied row-major (and L2-normalised for cosine); sparse rows
/// get sorted column indices (and normalised values for cosine). Distances here are the metric's true values.
/// </summary>
internal sealed class DataSet
{
    private DataSet(int rows, int dim, UmapMetric metric, float[]? dense, CsrMatrix? sparse, bool[] zero)
    {
        Rows = rows; Dim = dim; Metric = metric; Dense = dense; Sparse = sparse; IsZero = zero;
    }

    public int Rows { get; }
    public int Dim { get; }
    public UmapMetric Metric { get; }
    public float[]? Dense { get; }
    public CsrMatrix? Sparse { get; }
    /// <summary>Rows that are all zero (cosine only: their distance to non-zero rows is 1).</summary>
    public bool[] IsZero { get; }
    public bool IsSparse => Sparse is not null;

    public ReadOnlySpan<float> Row(int i) => Dense.AsSpan(i * Dim, Dim);

    public static DataSet FromDense(float[,] data, UmapMetric metric, string paramName)
    {
        ArgumentNullException.ThrowIfNull(data, paramName);
        int n = data.GetLength(0), d = data.GetLength(1);
        if (d == 0) throw new ArgumentException("The input has no columns.", paramName);
        var dense = new float[n * d];
        Buffer.BlockCopy(data, 0, dense, 0, dense.Length * sizeof(float));
        return FromDense(dense, n, d, metric, paramName, prepared: false);
    }

    /// <summary>Wraps row-major data; <paramref name="prepared"/> = already normalised (from a saved state).</summary>
    public static DataSet FromDense(float[] dense, int n, int d, UmapMetric metric, string paramName, bool prepared)
    {
        int bad = FiniteValues.IndexOfNonFinite(dense.AsSpan(0, n * d));
        if (bad >= 0)
            throw new ArgumentException($"Row {bad / d}, column {bad % d} is {dense[bad]}; UMAP input must be finite (remove or impute NaN/infinite values).", paramName);
        var zero = new bool[n];
        for (int i = 0; i < n; i++)
        {
            var row = dense.AsSpan(i * d, d);
            if (metric == UmapMetric.Cosine)
            {
                double norm = Math.Sqrt(TensorPrimitives.Dot(row, row));
                if (norm == 0 || double.IsNaN(norm)) { zero[i] = true; continue; }
                if (!prepared) TensorPrimitives.Multiply(row, (float)(1.0 / norm), dense.AsSpan(i * d, d));
            }
        }
        return new DataSet(n, d, metric, dense, null, zero);
    }

    public static DataSet FromSparse(CsrMatrix data, UmapMetric metric, string paramName, bool prepared = false)
    {
        ArgumentNullException.ThrowIfNull(data, paramName);
        if (metric != UmapMetric.Cosine)
            throw new ArgumentException($"Sparse input supports the cosine metric only (got {metric}); densify the matrix for {metric}.", paramName);
        int n = data.Rows;
        var indPtr = (int[])data.IndPtr.Clone();
        var indices = (int[])data.Indices.Clone();
        var values = (float[])data.Values.Clone();
        var zero = new bool[n];
        for (int i = 0; i < n; i++)
        {
            int s = indPtr[i], e = indPtr[i + 1];
            var idx = indices.AsSpan(s, e - s);
            var val = values.AsSpan(s, e - s);
            if (!prepared) idx.Sort(val);
            for (int k = 1; k < idx.Length; k++)
                if (idx[k] == idx[k - 1])
                    throw new ArgumentException($"Row {i} stores column {idx[k]} twice; sum duplicates first (SciPy: sum_duplicates()).", paramName);
            double norm = Math.Sqrt(TensorPrimitives.Dot(val, val));
            if (norm == 0) { zero[i] = true; continue; }
            if (!prepared) TensorPrimitives.Multiply(val, (float)(1.0 / norm), val);
        }
        return new DataSet(n, data.Columns, metric, null, new CsrMatrix(n, data.Columns, indPtr, indices, values), zero);
    }

    /// <summary>Distance between rows i and j of this set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Distance(int i, int j)
    {
        if (Metric == UmapMetric.Euclidean) return TensorPrimitives.Distance(Row(i), Row(j));
        if (IsZero[i] || IsZero[j]) return IsZero[i] && IsZero[j] ? 0f : 1f;
        float dot = Sparse is null ? TensorPrimitives.Dot(Row(i), Row(j)) : SparseDot(Sparse, i, Sparse, j);
        return CosineFromDot(dot);
    }

    /// <summary>Distance between row <paramref name="i"/> of <paramref name="query"/> and row <paramref name="j"/> of this set (same metric and width).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Distance(DataSet query, int i, int j)
    {
        if (Metric == UmapMetric.Euclidean) return TensorPrimitives.Distance(query.Row(i), Row(j));
        if (query.IsZero[i] || IsZero[j]) return query.IsZero[i] && IsZero[j] ? 0f : 1f;
        float dot = Sparse is null ? TensorPrimitives.Dot(query.Row(i), Row(j)) : SparseDot(query.Sparse!, i, Sparse, j);
        return CosineFromDot(dot);
    }

    /// <summary>Distances from row <paramref name="p"/> to rows <paramref name="qs"/> of this set: dense rows four at a
    /// time with <see cref="DotKernel"/> (the next four requested from memory meanwhile), sparse rows one by one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public unsafe void Distances(int p, ReadOnlySpan<int> qs, Span<float> result)
    {
        if (Dense is null)
        {
            for (int t = 0; t < qs.Length; t++) result[t] = Distance(p, qs[t]);
            return;
        }
        bool euclidean = Metric == UmapMetric.Euclidean;
        float* r = stackalloc float[4];
        fixed (float* data = Dense)
        {
            float* x = data + (long)p * Dim;
            int last = qs.Length - 1;
            for (int t = 0; t < qs.Length; t += 4)
            {
                float* y0 = data + (long)qs[t] * Dim;
                float* y1 = data + (long)qs[Math.Min(t + 1, last)] * Dim;
                float* y2 = data + (long)qs[Math.Min(t + 2, last)] * Dim;
                float* y3 = data + (long)qs[Math.Min(t + 3, last)] * Dim;
                for (int u = t + 4; u < t + 8 && u <= last; u++) DotKernel.Prefetch(data + (long)qs[u] * Dim);
                DotKernel.OneByFour(x, y0, y1, y2, y3, Dim, euclidean, r);
                for (int c = 0; c < 4 && t + c <= last; c++)
                {
                    int q = qs[t + c];
                    result[t + c] = euclidean ? MathF.Sqrt(r[c])
                        : IsZero[p] || IsZero[q] ? (IsZero[p] && IsZero[q] ? 0f : 1f)
                        : CosineFromDot(r[c]);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float CosineFromDot(float dot) => Math.Max(0f, 1f - dot);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float SparseDot(CsrMatrix a, int i, CsrMatrix b, int j)
    {
        int p = a.IndPtr[i], pe = a.IndPtr[i + 1], q = b.IndPtr[j], qe = b.IndPtr[j + 1];
        var ai = a.Indices; var bi = b.Indices; var av = a.Values; var bv = b.Values;
        float sum = 0;
        while (p < pe && q < qe)
        {
            int x = ai[p], y = bi[q];
            if (x == y) { sum += av[p] * bv[q]; p++; q++; }
            else if (x < y) p++;
            else q++;
        }
        return sum;
    }

    /// <summary>Checks that a query set matches the training set's width.</summary>
    public void CheckCompatible(DataSet query, string paramName)
    {
        if (query.Dim != Dim)
            throw new ArgumentException($"The input has {query.Dim} columns but the model was fitted on {Dim}.", paramName);
        if (query.IsSparse != IsSparse)
            throw new ArgumentException($"The model was fitted on {(IsSparse ? "sparse" : "dense")} rows; pass {(IsSparse ? "a CsrMatrix" : "a dense float[,]")} to Transform.", paramName);
    }
}
