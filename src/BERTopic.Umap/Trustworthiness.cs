using System.Runtime.CompilerServices;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BERTopicNet.Umap;

/// <summary>
/// Trustworthiness of an embedding (Venna &amp; Kaski; scikit-learn's <c>sklearn.manifold.trustworthiness</c>):
/// 1 − 2/(n·k·(2n − 3k − 1)) · Σ_i Σ_{j ∈ kNN_embedded(i)} max(0, r(i, j) − k), where r(i, j) is the rank of j among
/// i's neighbours in the original space. Memory O(n) per thread; time O(n²·d).
/// </summary>
public static class Trustworthiness
{
    /// <summary>Computes the trustworthiness of <paramref name="embedded"/> with respect to <paramref name="original"/>.</summary>
    /// <param name="original">n × D input rows.</param>
    /// <param name="embedded">n × d embedded rows (compared with the euclidean distance).</param>
    /// <param name="k">Neighbourhood size (scikit-learn's <c>n_neighbors</c>), below n / 2.</param>
    /// <param name="metric">Distance in the original space (scikit-learn's default is euclidean).</param>
    /// <param name="maxThreads">Most threads (null = all cores).</param>
    public static double Compute(float[,] original, float[,] embedded, int k = 15, UmapMetric metric = UmapMetric.Euclidean, int? maxThreads = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(embedded);
        int n = original.GetLength(0);
        if (embedded.GetLength(0) != n) throw new ArgumentException($"embedded has {embedded.GetLength(0)} rows but original has {n}.", nameof(embedded));
        if (k < 1 || k >= n / 2.0) throw new ArgumentException($"k must be in [1, n/2) = [1, {n / 2.0}) (got {k}).", nameof(k));
        var x = DataSet.FromDense(original, metric, nameof(original));
        var e = DataSet.FromDense(embedded, UmapMetric.Euclidean, nameof(embedded));
        var po = Parallelism.Options(maxThreads, default);
        var embKnn = ExactKnn.Compute(e, e, k + 1, queryIsTrain: true, po);
        long total = 0;
        object gate = new();
        int d = x.Dim;
        bool cosine = metric == UmapMetric.Cosine;
        var sq = new float[n];
        for (int i = 0; i < n; i++) { var r = x.Row(i); sq[i] = TensorPrimitives.Dot(r, r); }
        int tiles = (n + 3) / 4;
        Parallel.For(0, tiles, po, () => (new float[4 * n], 0L), (tile, _, local) =>
        {
            var rows = local.Item1;
            int i0 = tile * 4, cnt = Math.Min(4, n - i0);
            DistanceRows(x, sq, cosine, i0, cnt, rows);
            long sum = local.Item2;
            for (int r = 0; r < cnt; r++)
            {
                int i = i0 + r;
                var dr = rows.AsSpan(r * n, n);
                dr[i] = float.PositiveInfinity;
                for (int t = 1; t <= k; t++)
                {
                    int j = embKnn.Indices[i * (k + 1) + t];
                    if (j < 0) continue;
                    // rank of j (1-based) among i's neighbours in the original space
                    int rank = 1 + CountBelow(dr, dr[j]);
                    if (rank > k) sum += rank - k;
                }
            }
            return (rows, sum);
        }, local => { lock (gate) total += local.Item2; });
        return 1.0 - total * (2.0 / (n * (double)k * (2.0 * n - 3.0 * k - 1.0)));
    }

    /// <summary>Distances (squared euclidean, or cosine) from rows i0..i0+cnt−1 to every row, into rows[r·n + j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void DistanceRows(DataSet x, float[] sq, bool cosine, int i0, int cnt, float[] rows)
    {
        int n = x.Rows, d = x.Dim;
        var dots = stackalloc float[16];
        fixed (float* X = x.Dense)
        {
            int full = n / 4 * 4;
            for (int j = 0; j < n; j += 4)
            {
                if (cnt == 4 && j < full) DotKernel.Dot4x4(X + (long)i0 * d, X + (long)j * d, d, d, dots);
                else
                    for (int r = 0; r < cnt; r++)
                        for (int c = 0; c < 4 && j + c < n; c++)
                            dots[4 * r + c] = TensorPrimitives.Dot(new ReadOnlySpan<float>(X + (long)(i0 + r) * d, d), new ReadOnlySpan<float>(X + (long)(j + c) * d, d));
                for (int r = 0; r < cnt; r++)
                    for (int c = 0; c < 4 && j + c < n; c++)
                    {
                        int i = i0 + r, jj = j + c;
                        float v = cosine
                            ? (x.IsZero[i] || x.IsZero[jj] ? (x.IsZero[i] && x.IsZero[jj] ? 0f : 1f) : DataSet.CosineFromDot(dots[4 * r + c]))
                            : Math.Max(0f, sq[i] + sq[jj] - 2f * dots[4 * r + c]);
                        rows[r * n + jj] = v;
                    }
            }
        }
    }

    private static int CountBelow(Span<float> d, float threshold)
    {
        int count = 0, m = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var t = Vector256.Create(threshold);
            ref float r = ref MemoryMarshal.GetReference(d);
            for (; m <= d.Length - 8; m += 8)
                count += BitOperations.PopCount(Vector256.LessThan(Vector256.LoadUnsafe(ref r, (nuint)m), t).ExtractMostSignificantBits());
        }
        for (; m < d.Length; m++) if (d[m] < threshold) count++;
        return count;
    }
}
