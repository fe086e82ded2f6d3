using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BERTopicNet.Umap;

/// <summary>
/// umap-learn's SGD layout (<c>optimize_layout_euclidean</c>): each edge is sampled every <c>epochs_per_sample</c>
/// epochs, pulls its head towards its tail, and draws <c>negative_sample_rate</c> random vertices to push away;
/// gradients are clipped to ±4 and the learning rate decays linearly.
/// <para>
/// Deterministic parallel scheme: within an epoch each vertex is moved only by the edges it heads, in a fixed order,
/// against the positions of the other vertices as they were at the start of the epoch; negative samples come from a
/// counter-based hash of (seed, epoch, edge, sample). The result is thus the same on any number of threads. Because
/// umap-learn also moves the tail of every sampled edge and the graph holds both directions of each edge, the head
/// here takes the attractive step twice, keeping umap-learn's balance of attraction and repulsion.
/// </para>
/// </summary>
internal static class LayoutOptimizer
{
    public static float[] EpochsPerSample(float[] weights, int nEpochs)
    {
        var result = new float[weights.Length];
        float max = 0;
        foreach (var w in weights) max = Math.Max(max, w);
        for (int e = 0; e < weights.Length; e++)
        {
            double nSamples = nEpochs * (weights[e] / (double)max);
            result[e] = nSamples > 0 ? (float)(nEpochs / nSamples) : -1f;
        }
        return result;
    }

    /// <summary>
    /// Optimises <paramref name="head"/> (rows × dim). When <paramref name="tail"/> is null the graph is the symmetric
    /// training graph over head itself; otherwise edges go from new points (head) to the fixed training embedding (tail).
    /// </summary>
    public static void Optimize(float[] head, float[]? tail, int dim, SparseGraph g, float[] epochsPerSample, int nEpochs,
        float a, float b, float gamma, float initialAlpha, int negativeSampleRate, ulong seed, ParallelOptions po, Action<double>? progress, int parallelMinEdges = 100_000)
    {
        int nHead = g.Rows;
        int nTail = g.Cols;
        bool symmetric = tail is null;
        int edges = g.EdgeCount;
        var epochNext = (float[])epochsPerSample.Clone();
        var epochsPerNeg = new float[edges];
        for (int e = 0; e < edges; e++) epochsPerNeg[e] = negativeSampleRate > 0 ? epochsPerSample[e] / negativeSampleRate : float.PositiveInfinity;
        var epochNextNeg = (float[])epochsPerNeg.Clone();
        float[] snapshot = symmetric ? new float[head.Length] : tail!;
        int attractSteps = symmetric ? 2 : 1;
        int blockSize = Math.Max(256, nHead / 64);
        // small graphs: one thread (a barrier per epoch costs more than the work); the result is the same
        var epochPo = edges < parallelMinEdges ? new ParallelOptions { MaxDegreeOfParallelism = 1, CancellationToken = po.CancellationToken } : po;
        if (dim <= 8 && Vector256.IsHardwareAccelerated)
        {
            // SIMD path: rows padded to 8 floats, one vector per point
            var headP = Pad(head, dim);
            var tailP = symmetric ? new float[headP.Length] : Pad(tail!, dim);
            for (int n = 0; n < nEpochs; n++)
            {
                po.CancellationToken.ThrowIfCancellationRequested();
                float alpha = (float)(initialAlpha * (1.0 - (double)n / nEpochs));
                if (symmetric) Array.Copy(headP, tailP, headP.Length);
                int epoch = n;
                Parallelism.ForBlocks(nHead, blockSize, epochPo, (s, e) =>
                    RunBlock8(s, e, epoch, alpha, headP, tailP, dim, g, epochsPerSample, epochNext, epochsPerNeg, epochNextNeg,
                        a, b, gamma, seed, nTail, symmetric, attractSteps));
                progress?.Invoke((n + 1.0) / nEpochs);
            }
            for (int i = 0; i < nHead; i++) headP.AsSpan(i * 8, dim).CopyTo(head.AsSpan(i * dim, dim));
            return;
        }
        for (int n = 0; n < nEpochs; n++)
        {
            po.CancellationToken.ThrowIfCancellationRequested();
            float alpha = (float)(initialAlpha * (1.0 - (double)n / nEpochs));
            if (symmetric) Array.Copy(head, snapshot, head.Length);
            int epoch = n;
            Parallelism.ForBlocks(nHead, blockSize, epochPo, (s, e) =>
                RunBlock(s, e, epoch, alpha, head, snapshot, dim, g, epochsPerSample, epochNext, epochsPerNeg, epochNextNeg,
                    a, b, gamma, seed, nTail, symmetric, attractSteps));
            progress?.Invoke((n + 1.0) / nEpochs);
        }
    }

    private static float[] Pad(float[] x, int dim)
    {
        int n = x.Length / dim;
        var p = new float[n * 8];
        for (int i = 0; i < n; i++) x.AsSpan(i * dim, dim).CopyTo(p.AsSpan(i * 8, dim));
        return p;
    }

    /// <summary>The epoch for rows [s, e) with each point held in one 8-lane vector (lanes ≥ dim stay 0).</summary>
    private static unsafe void RunBlock8(int s, int e, int epoch, float alpha, float[] head, float[] snapshot, int dim, SparseGraph g,
        float[] epochsPerSample, float[] epochNext, float[] epochsPerNeg, float[] epochNextNeg,
        float a, float b, float gamma, ulong seed, int nTail, bool symmetric, int attractSteps)
    {
        float bm1 = b - 1f, twoAb = -2f * a * b, twoGb = 2f * gamma * b;
        var lim = Vector256.Create(4f);
        var nlim = Vector256.Create(-4f);
        var alphaV = Vector256.Create(alpha);
        Span<float> maskSrc = stackalloc float[8];
        for (int t = 0; t < 8; t++) maskSrc[t] = t < dim ? 4f : 0f;
        var fourAlpha = Vector256.Create((ReadOnlySpan<float>)maskSrc); // 4 in the used lanes
        ulong epochSeed = SeededHash.Hash(seed, (ulong)epoch, 0x5EED);
        fixed (float* H = head, S = snapshot, eps = epochsPerSample, next = epochNext, epn = epochsPerNeg, nextNeg = epochNextNeg)
        fixed (int* rowPtr = g.RowPtr, cols = g.ColIdx)
        {
            for (int i = s; i < e; i++)
            {
                int rs = rowPtr[i], re = rowPtr[i + 1];
                if (rs == re) continue;
                var cur = Vector256.Load(H + (long)i * 8);
                for (int p = rs; p < re; p++)
                {
                    if (next[p] > epoch) continue;
                    int j = cols[p];
                    var other = Vector256.Load(S + (long)j * 8);
                    for (int step = 0; step < attractSteps; step++)
                    {
                        var diff = cur - other;
                        float d2 = Vector256.Sum(diff * diff);
                        if (d2 > 0)
                        {
                            float pw = MathF.Pow(d2, bm1);
                            float coeff = twoAb * pw / (a * pw * d2 + 1f);
                            cur += Vector256.Min(Vector256.Max(diff * coeff, nlim), lim) * alphaV;
                        }
                    }
                    next[p] += eps[p];
                    int nNeg = (int)((epoch - nextNeg[p]) / epn[p]);
                    if (nNeg > 0)
                    {
                        ulong key = symmetric ? (ulong)p : (uint)j | ((ulong)(p - rs) << 32);
                        ulong baseHash = SeededHash.Mix(epochSeed ^ SeededHash.Mix(key));
                        // the negative samples of one edge sample all push from the same position (independent
                        // computations the processor overlaps, instead of one long dependency chain)
                        var push = Vector256<float>.Zero;
                        for (int q = 0; q < nNeg; q++)
                        {
                            int k = SeededHash.Below(SeededHash.Mix(baseHash + (ulong)q * 0x9E3779B97F4A7C15UL), nTail);
                            bool self = symmetric && k == i;
                            if (self) continue;
                            var diff = cur - Vector256.Load(S + (long)k * 8);
                            float d2 = Vector256.Sum(diff * diff);
                            if (d2 > 0)
                            {
                                float coeff = twoGb / ((0.001f + d2) * (a * MathF.Pow(d2, b) + 1f));
                                push += Vector256.Min(Vector256.Max(diff * coeff, nlim), lim);
                            }
                            else push += fourAlpha;
                        }
                        cur += push * alphaV;
                        nextNeg[p] += nNeg * epn[p];
                    }
                }
                cur.Store(H + (long)i * 8);
            }
        }
    }

    private static unsafe void RunBlock(int s, int e, int epoch, float alpha, float[] head, float[] snapshot, int dim, SparseGraph g,
        float[] epochsPerSample, float[] epochNext, float[] epochsPerNeg, float[] epochNextNeg,
        float a, float b, float gamma, ulong seed, int nTail, bool symmetric, int attractSteps)
    {
        float* cur = stackalloc float[dim];
        float* push = stackalloc float[dim];
        float bm1 = b - 1f, twoAb = -2f * a * b, twoGb = 2f * gamma * b;
        ulong epochSeed = SeededHash.Hash(seed, (ulong)epoch, 0x5EED);
        fixed (float* H = head, S = snapshot, eps = epochsPerSample, next = epochNext, epn = epochsPerNeg, nextNeg = epochNextNeg)
        fixed (int* rowPtr = g.RowPtr, cols = g.ColIdx)
        {
            for (int i = s; i < e; i++)
            {
                int rs = rowPtr[i], re = rowPtr[i + 1];
                if (rs == re) continue;
                float* hi = H + (long)i * dim;
                for (int t = 0; t < dim; t++) cur[t] = hi[t];
                for (int p = rs; p < re; p++)
                {
                    if (next[p] > epoch) continue;
                    int j = cols[p];
                    float* other = S + (long)j * dim;
                    for (int step = 0; step < attractSteps; step++)
                    {
                        float d2 = 0;
                        for (int t = 0; t < dim; t++) { float d = cur[t] - other[t]; d2 += d * d; }
                        if (d2 > 0)
                        {
                            float pw = MathF.Pow(d2, bm1);
                            float coeff = twoAb * pw / (a * pw * d2 + 1f);
                            for (int t = 0; t < dim; t++) cur[t] += Clip(coeff * (cur[t] - other[t])) * alpha;
                        }
                    }
                    next[p] += eps[p];
                    int nNeg = (int)((epoch - nextNeg[p]) / epn[p]);
                    if (nNeg > 0)
                    {
                        // fit: keyed by edge; transform: by (tail, position in row) so a row's result ignores the rest of the batch
                        ulong key = symmetric ? (ulong)p : (uint)j | ((ulong)(p - rs) << 32);
                        ulong baseHash = SeededHash.Mix(epochSeed ^ SeededHash.Mix(key));
                        for (int t = 0; t < dim; t++) push[t] = 0;
                        for (int q = 0; q < nNeg; q++)
                        {
                            int k = SeededHash.Below(SeededHash.Mix(baseHash + (ulong)q * 0x9E3779B97F4A7C15UL), nTail);
                            if (symmetric && k == i) continue;
                            float* neg = S + (long)k * dim;
                            float d2 = 0;
                            for (int t = 0; t < dim; t++) { float d = cur[t] - neg[t]; d2 += d * d; }
                            if (d2 > 0)
                            {
                                float coeff = twoGb / ((0.001f + d2) * (a * MathF.Pow(d2, b) + 1f));
                                for (int t = 0; t < dim; t++) push[t] += Clip(coeff * (cur[t] - neg[t]));
                            }
                            else for (int t = 0; t < dim; t++) push[t] += 4f;
                        }
                        for (int t = 0; t < dim; t++) cur[t] += push[t] * alpha;
                        nextNeg[p] += nNeg * epn[p];
                    }
                }
                for (int t = 0; t < dim; t++) hi[t] = cur[t];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Clip(float v) => v > 4f ? 4f : v < -4f ? -4f : v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Rdist(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        float s = 0;
        for (int t = 0; t < x.Length; t++) { float d = x[t] - y[t]; s += d * d; }
        return s;
    }
}
