using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BERTopicNet.Umap;

/// <summary>
/// umap-learn's fit loop in umap-learn's order (<c>optimize_layout_euclidean</c> with <c>parallel=False</c>, which is
/// what umap-learn runs whenever <c>random_state</c> is set): edges in CSR order, both ends of a sampled edge moved by
/// the same clipped step, negative samples pushing the head from its running position, one random stream. One thread;
/// deterministic for a seed. Points of up to 8 dimensions are held in one 256-bit vector each.
/// </summary>
internal static class SequentialLayoutOptimizer
{
    /// <summary>Optimises <paramref name="emb"/> (rows × <paramref name="dim"/>, row-major) in place.</summary>
    public static void Optimize(float[] emb, int dim, SparseGraph g, float[] epochsPerSample, int nEpochs,
        float a, float b, float gamma, float initialAlpha, int negativeSampleRate, ulong seed,
        CancellationToken cancellationToken, Action<double>? progress)
    {
        var schedule = new EdgeSchedule(epochsPerSample, negativeSampleRate);
        var rng = new SplitMix(seed);
        var coefficients = new GradientCoefficients(a, b, gamma);
        bool wide = dim <= 8 && Vector256.IsHardwareAccelerated;
        var x = emb;
        if (wide) LayoutOptimizer.Pad(emb, x = new float[g.Rows * 8], dim, 8);
        for (int n = 0; n < nEpochs; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            float alpha = (float)(initialAlpha * (1.0 - (double)n / nEpochs));
            if (wide) Epoch8(x, g, schedule, coefficients, n, alpha, dim, rng);
            else Epoch(x, dim, g, schedule, coefficients, n, alpha, rng);
            progress?.Invoke((n + 1.0) / nEpochs);
        }
        if (wide) LayoutOptimizer.Unpad(x, emb, dim, 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Epoch8(float[] x, SparseGraph g, EdgeSchedule st, GradientCoefficients c, int epoch, float alpha, int dim, SplitMix rng)
    {
        var lim = Vector256.Create(4f);
        var nlim = Vector256.Create(-4f);
        var alphaV = Vector256.Create(alpha);
        Span<float> fourSrc = stackalloc float[8];
        for (int t = 0; t < 8; t++) fourSrc[t] = t < dim ? 4f : 0f;
        var fourAlpha = Vector256.Create((ReadOnlySpan<float>)fourSrc) * alphaV;
        int nv = g.Rows;
        fixed (float* X = x, eps = st.EpochsPerSample, next = st.NextSample, nextNeg = st.NextNegative)
        fixed (int* rowPtr = g.RowPtr, cols = g.ColIdx)
        {
            for (int i = 0; i < nv; i++)
            {
                float* pi = X + (long)i * 8;
                for (int p = rowPtr[i], re = rowPtr[i + 1]; p < re; p++)
                {
                    if (next[p] > epoch) continue;
                    float* pj = X + (long)cols[p] * 8;
                    var xi = Vector256.Load(pi);
                    var xj = Vector256.Load(pj);
                    var diff = xi - xj;
                    float d2 = Vector256.Sum(diff * diff);
                    if (d2 > 0)
                    {
                        var step = Vector256.Min(Vector256.Max(diff * c.Attract(d2), nlim), lim) * alphaV;
                        xi += step;
                        (xj - step).Store(pj);
                    }
                    next[p] += eps[p];
                    float every = st.EpochsPerNegative(eps[p]);
                    int nNeg = (int)((epoch - nextNeg[p]) / every);
                    for (int q = 0; q < nNeg; q++)
                    {
                        int k = rng.Below(nv);
                        if (k == i) continue; // umap-learn skips the head itself (its row in X is not stored yet)
                        diff = xi - Vector256.Load(X + (long)k * 8);
                        d2 = Vector256.Sum(diff * diff);
                        if (d2 > 0) xi += Vector256.Min(Vector256.Max(diff * c.Repel(d2), nlim), lim) * alphaV;
                        else xi += fourAlpha;
                    }
                    nextNeg[p] += nNeg * every;
                    xi.Store(pi);
                }
            }
        }
    }

    private static void Epoch(float[] x, int dim, SparseGraph g, EdgeSchedule st, GradientCoefficients c, int epoch, float alpha, SplitMix rng)
    {
        int nv = g.Rows;
        for (int i = 0; i < nv; i++)
            for (int p = g.RowPtr[i]; p < g.RowPtr[i + 1]; p++)
            {
                if (st.NextSample[p] > epoch) continue;
                int j = g.ColIdx[p];
                float d2 = SquaredDistance(x, i, j, dim);
                if (d2 > 0)
                {
                    float coefficient = c.Attract(d2);
                    for (int t = 0; t < dim; t++)
                    {
                        float step = LayoutOptimizer.Clip(coefficient * (x[i * dim + t] - x[j * dim + t])) * alpha;
                        x[i * dim + t] += step;
                        x[j * dim + t] -= step;
                    }
                }
                st.NextSample[p] += st.EpochsPerSample[p];
                float every = st.EpochsPerNegative(st.EpochsPerSample[p]);
                int nNeg = (int)((epoch - st.NextNegative[p]) / every);
                for (int q = 0; q < nNeg; q++)
                {
                    int k = rng.Below(nv);
                    d2 = SquaredDistance(x, i, k, dim);
                    if (d2 > 0)
                    {
                        float coefficient = c.Repel(d2);
                        for (int t = 0; t < dim; t++) x[i * dim + t] += LayoutOptimizer.Clip(coefficient * (x[i * dim + t] - x[k * dim + t])) * alpha;
                    }
                    else if (k != i)
                        for (int t = 0; t < dim; t++) x[i * dim + t] += 4f * alpha;
                }
                st.NextNegative[p] += nNeg * every;
            }
    }

    private static float SquaredDistance(float[] e, int i, int j, int dim)
    {
        float s = 0;
        for (int t = 0; t < dim; t++) { float d = e[i * dim + t] - e[j * dim + t]; s += d * d; }
        return s;
    }

}
