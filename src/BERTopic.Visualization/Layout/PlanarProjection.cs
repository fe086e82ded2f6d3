using System.Numerics.Tensors;
using BERTopicNet.Reduction;
using BERTopicNet.Umap;
using MathNet.Numerics.LinearAlgebra;

namespace BERTopicNet.Visualization.Layout;

/// <summary>
/// Maps rows (topics or documents) to 2-d points for the scatter charts: a user's reducer, UMAP with Python
/// BERTopic's chart settings, or principal component analysis (equivalently classical MDS on Euclidean distances),
/// deterministic and fast: O(N·D² + D³) for N &gt; D rows, O(N²·D + N³) otherwise.
/// </summary>
internal static class PlanarProjection
{
    /// <summary>UMAP needs a few rows more than its two components; smaller sets use PCA.</summary>
    private const int MinUmapRows = 4;

    /// <summary>Dense rows to N × 2 with the reducer when given, else UMAP (cosine) or PCA of the L2-normalised rows.</summary>
    public static float[,] Project(float[,] rows, IDimensionalityReducer? reducer, PlanarMethod method, int neighbors, double minDist, int seed, IProgress<double>? progress, CancellationToken ct)
    {
        int n = rows.GetLength(0);
        if (reducer is null && method == PlanarMethod.Umap && n >= MinUmapRows)
        {
            var umap = new BERTopicNet.Umap.Umap(new UmapOptions
            {
                NNeighbors = Math.Min(neighbors, n - 1), NComponents = 2, MinDist = minDist, Metric = UmapMetric.Cosine, RandomSeed = seed,
            });
            return umap.FitTransform(rows, null, progress, ct);
        }
        var result = Project(rows, reducer, normalizeRows: true, ct);
        progress?.Report(1);
        return result;
    }

    /// <summary>
    /// c-TF-IDF rows to N × 2 with the reducer when given, else UMAP as Python (min-max scaled per term, Hellinger
    /// distance = cosine on √(row / row sum)) or classical MDS in cosine geometry.
    /// </summary>
    public static float[,] Project(CsrMatrix rows, IDimensionalityReducer? reducer, PlanarMethod method, int neighbors, int seed, IProgress<double>? progress, CancellationToken ct)
    {
        int n = rows.Rows;
        if (reducer is null && method == PlanarMethod.Umap && n >= MinUmapRows)
        {
            var umap = new BERTopicNet.Umap.Umap(new UmapOptions
            {
                NNeighbors = Math.Min(neighbors, n - 1), NComponents = 2, MinDist = 0.1, Metric = UmapMetric.Cosine, RandomSeed = seed,
            });
            return umap.FitTransform(HellingerRows(MinMaxScaleColumns(rows)), null, progress, ct);
        }
        var result = Project(rows, reducer, ct);
        progress?.Report(1);
        return result;
    }

    /// <summary>scikit-learn's MinMaxScaler per column, keeping the matrix sparse (implicit zeros count as values).</summary>
    internal static CsrMatrix MinMaxScaleColumns(CsrMatrix m)
    {
        var min = new float[m.Columns];
        var max = new float[m.Columns];
        var count = new int[m.Columns];
        Array.Fill(min, float.PositiveInfinity);
        Array.Fill(max, float.NegativeInfinity);
        for (int k = 0; k < m.Values.Length; k++)
        {
            int c = m.Indices[k];
            min[c] = Math.Min(min[c], m.Values[k]);
            max[c] = Math.Max(max[c], m.Values[k]);
            count[c]++;
        }
        for (int c = 0; c < m.Columns; c++)
            if (count[c] < m.Rows) { min[c] = Math.Min(min[c], 0); max[c] = Math.Max(max[c], 0); }
        var values = new float[m.Values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            int c = m.Indices[k];
            float range = max[c] - min[c];
            values[k] = range > 0 ? (m.Values[k] - min[c]) / range : 0;
        }
        return new CsrMatrix(m.Rows, m.Columns, m.IndPtr, m.Indices, values);
    }

    /// <summary>√(row / row sum): cosine similarity of these rows is the Bhattacharyya coefficient behind the Hellinger distance.</summary>
    internal static CsrMatrix HellingerRows(CsrMatrix m)
    {
        var values = new float[m.Values.Length];
        for (int i = 0; i < m.Rows; i++)
        {
            double sum = 0;
            for (int k = m.IndPtr[i]; k < m.IndPtr[i + 1]; k++) sum += Math.Max(0, m.Values[k]);
            for (int k = m.IndPtr[i]; k < m.IndPtr[i + 1]; k++)
                values[k] = sum > 0 ? (float)Math.Sqrt(Math.Max(0, m.Values[k]) / sum) : 0;
        }
        return new CsrMatrix(m.Rows, m.Columns, m.IndPtr, m.Indices, values);
    }

    /// <summary>Projects dense rows to N × 2, with <paramref name="reducer"/> when given, else PCA.</summary>
    public static float[,] Project(float[,] rows, IDimensionalityReducer? reducer, bool normalizeRows, CancellationToken cancellationToken)
    {
        int n = rows.GetLength(0);
        if (n == 0) return new float[0, 2];
        var x = normalizeRows ? NormalizeRows(rows) : rows;
        if (reducer is not null)
        {
            var result = reducer.FitTransform(x, null, null, cancellationToken);
            if (result.GetLength(0) != n || result.GetLength(1) != 2)
                throw new InvalidOperationException(
                    $"The reducer {reducer.GetType().Name} returned {result.GetLength(0)} × {result.GetLength(1)} points for {n} rows; the charts need {n} × 2 (set its number of components to 2).");
            return result;
        }
        return Pca(x, cancellationToken);
    }

    /// <summary>Projects sparse rows (c-TF-IDF) to N × 2: classical MDS on the L2-normalised rows (cosine geometry).</summary>
    public static float[,] Project(CsrMatrix rows, IDimensionalityReducer? reducer, CancellationToken cancellationToken)
    {
        int n = rows.Rows;
        if (reducer is not null)
        {
            var result = reducer.FitTransform(rows, null, null, cancellationToken);
            if (result.GetLength(0) != n || result.GetLength(1) != 2)
                throw new InvalidOperationException(
                    $"The reducer {reducer.GetType().Name} returned {result.GetLength(0)} × {result.GetLength(1)} points for {n} rows; the charts need {n} × 2.");
            return result;
        }
        return GramToPlane(SparseCosineSimilarity(rows), n);
    }

    /// <summary>Rows scaled to unit L2 norm (zero rows stay zero).</summary>
    public static float[,] NormalizeRows(float[,] rows)
    {
        int n = rows.GetLength(0), d = rows.GetLength(1);
        var result = (float[,])rows.Clone();
        var span = Flat(result);
        for (int i = 0; i < n; i++)
        {
            var row = span.Slice(i * d, d);
            float norm = TensorPrimitives.Norm(row);
            if (norm > 0) TensorPrimitives.Divide(row, norm, row);
        }
        return result;
    }

    /// <summary>Cosine similarity of dense rows, n × n row-major.</summary>
    public static double[] CosineSimilarity(float[,] rows)
    {
        int n = rows.GetLength(0), d = rows.GetLength(1);
        var x = NormalizeRows(rows);
        var flat = FlatRead(x);
        var sim = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            var ri = flat.Slice(i * d, d);
            for (int j = i; j < n; j++)
            {
                double s = TensorPrimitives.Dot(ri, flat.Slice(j * d, d));
                sim[i * n + j] = s;
                sim[j * n + i] = s;
            }
        }
        return sim;
    }

    /// <summary>Cosine similarity of sparse rows, n × n row-major.</summary>
    public static double[] SparseCosineSimilarity(CsrMatrix m)
    {
        int n = m.Rows;
        var norms = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int k = m.IndPtr[i]; k < m.IndPtr[i + 1]; k++) s += (double)m.Values[k] * m.Values[k];
            norms[i] = Math.Sqrt(s);
        }
        var sim = new double[n * n];
        var dense = new double[m.Columns];
        for (int i = 0; i < n; i++)
        {
            for (int k = m.IndPtr[i]; k < m.IndPtr[i + 1]; k++) dense[m.Indices[k]] = m.Values[k];
            for (int j = i; j < n; j++)
            {
                double dot = 0;
                for (int k = m.IndPtr[j]; k < m.IndPtr[j + 1]; k++) dot += dense[m.Indices[k]] * m.Values[k];
                double s = norms[i] > 0 && norms[j] > 0 ? dot / (norms[i] * norms[j]) : 0;
                sim[i * n + j] = s;
                sim[j * n + i] = s;
            }
            for (int k = m.IndPtr[i]; k < m.IndPtr[i + 1]; k++) dense[m.Indices[k]] = 0;
        }
        return sim;
    }

    /// <summary>The first two principal components' scores of the rows.</summary>
    public static float[,] Pca(float[,] rows, CancellationToken cancellationToken)
    {
        int n = rows.GetLength(0), d = rows.GetLength(1);
        if (n <= d)
        {
            // Few rows: eigen-decompose the n × n Gram matrix (classical MDS), cheaper than D × D.
            var flat = FlatRead(rows);
            var gram = new double[n * n];
            for (int i = 0; i < n; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ri = flat.Slice(i * d, d);
                for (int j = i; j < n; j++)
                {
                    double s = TensorPrimitives.Dot(ri, flat.Slice(j * d, d));
                    gram[i * n + j] = s;
                    gram[j * n + i] = s;
                }
            }
            return GramToPlane(gram, n);
        }

        // Many rows: covariance D × D from the centred columns (column-major copy so that each entry is one SIMD dot).
        var cols = new float[d * n];
        var mean = new double[d];
        var src = FlatRead(rows);
        for (int i = 0; i < n; i++)
            for (int c = 0; c < d; c++) mean[c] += src[i * d + c];
        for (int c = 0; c < d; c++) mean[c] /= n;
        for (int i = 0; i < n; i++)
            for (int c = 0; c < d; c++) cols[c * n + i] = (float)(src[i * d + c] - mean[c]);
        var cov = Matrix<double>.Build.Dense(d, d);
        for (int a = 0; a < d; a++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ca = new ReadOnlySpan<float>(cols, a * n, n);
            for (int b = a; b < d; b++)
            {
                double s = TensorPrimitives.Dot(ca, new ReadOnlySpan<float>(cols, b * n, n));
                cov[a, b] = s;
                cov[b, a] = s;
            }
        }
        var evd = cov.Evd(Symmetricity.Symmetric);
        var (v1, v2) = TopTwo(evd);
        var result = new float[n, 2];
        for (int i = 0; i < n; i++)
        {
            double x = 0, y = 0;
            for (int c = 0; c < d; c++)
            {
                double centred = cols[c * n + i];
                x += centred * v1[c];
                y += centred * v2[c];
            }
            result[i, 0] = (float)x;
            result[i, 1] = (float)y;
        }
        return result;
    }

    /// <summary>Classical MDS: double-centre a Gram (similarity) matrix and keep the top two eigenpairs.</summary>
    private static float[,] GramToPlane(double[] gram, int n)
    {
        var result = new float[n, 2];
        if (n == 1) return result;
        var rowMean = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += gram[i * n + j];
            rowMean[i] = s / n;
            total += s;
        }
        total /= (double)n * n;
        var b = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                b[i, j] = gram[i * n + j] - rowMean[i] - rowMean[j] + total;
        var evd = b.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(c => c.Real).ToArray();
        var order = Enumerable.Range(0, n).OrderByDescending(k => values[k]).ToArray();
        for (int axis = 0; axis < 2 && axis < n; axis++)
        {
            int k = order[axis];
            double scale = Math.Sqrt(Math.Max(values[k], 0));
            var v = FixSign(evd.EigenVectors.Column(k).ToArray());
            for (int i = 0; i < n; i++) result[i, axis] = (float)(v[i] * scale);
        }
        return result;
    }

    private static (double[] First, double[] Second) TopTwo(MathNet.Numerics.LinearAlgebra.Factorization.Evd<double> evd)
    {
        var values = evd.EigenValues.Select(c => c.Real).ToArray();
        var order = Enumerable.Range(0, values.Length).OrderByDescending(k => values[k]).ToArray();
        var first = FixSign(evd.EigenVectors.Column(order[0]).ToArray());
        var second = order.Length > 1 ? FixSign(evd.EigenVectors.Column(order[1]).ToArray()) : new double[values.Length];
        return (first, second);
    }

    /// <summary>Eigenvectors are defined up to sign: make the largest-magnitude entry positive so runs agree.</summary>
    private static double[] FixSign(double[] v)
    {
        int arg = 0;
        for (int i = 1; i < v.Length; i++) if (Math.Abs(v[i]) > Math.Abs(v[arg])) arg = i;
        if (v[arg] < 0) for (int i = 0; i < v.Length; i++) v[i] = -v[i];
        return v;
    }

    private static Span<float> Flat(float[,] a) =>
        a.Length == 0 ? Span<float>.Empty : System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref a[0, 0], a.Length);

    private static ReadOnlySpan<float> FlatRead(float[,] a) =>
        a.Length == 0 ? ReadOnlySpan<float>.Empty : System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref a[0, 0], a.Length);
}
