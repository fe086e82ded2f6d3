using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BERTopicNet.Umap;

/// <summary>
/// umap-learn's SGD layout (<c>optimize_layout_euclidean</c>): each edge is sampled every <c>epochs_per_sample</c>
/// epochs and pulls its two ends together, each sample draws <c>negative_sample_rate</c> random vertices that push
/// the head away; per-coordinate gradients are clipped to ±4 and the learning rate decays linearly.
/// <para>
/// Fit (symmetric graph) — deterministic parallel scheme: each epoch runs as 16 phases over fixed ranges of vertices;
/// within a phase every vertex reads the other vertices from a snapshot (positions at the start of the phase) and
/// writes only itself, so the vertices of a phase can be updated in any order, on any number of threads, with the same result, and later phases see the moves
/// of earlier ones. umap-learn moves both ends of a sampled edge (i, j) by the same clipped step and then samples
/// (j, i) as well; here vertex i replays exactly those two steps for the pair (the second from the pair's moved
/// positions) and j does the mirror image. Negative samples push i from its running position (the moves of its
/// earlier edges in this epoch included), as umap-learn's do; the random vertices are a counter-based hash of (seed,
/// epoch, edge, sample). Measured on 20 Newsgroups through BERTopic (seeds 42–46): 190 topics, outlier share 0.371,
/// against 186 and 0.381 when negative samples pushed from the phase snapshot, and Python's 207 and 0.347.
/// On 20 Newsgroups (k = 15) the trustworthiness is 0.9678 against 0.9731 for a sequential replica of umap-learn's
/// loop (<see cref="SequentialLayoutOptimizer"/>, <see cref="UmapOptions.SequentialLayout"/>) and 0.9728 for
/// umap-learn itself.
/// </para>
/// <para>Transform (bipartite graph, training embedding fixed): umap-learn's loop, row by row, each row on one thread.</para>
/// </summary>
internal static class LayoutOptimizer
{
    /// <summary>Fit epochs run as this many sequential phases over fixed vertex ranges (measured on 20 Newsgroups:
    /// trustworthiness 0.9652 with 1 phase, 0.9678 with 16, 0.9679 with 64).</summary>
    internal const int DefaultPhases = 16;

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
        float a, float b, float gamma, float initialAlpha, int negativeSampleRate, ulong seed, ParallelOptions po, Action<double>? progress, int parallelMinEdges = 100_000, int phases = DefaultPhases)
    {
        int nHead = g.Rows;
        bool symmetric = tail is null;
        int edges = g.EdgeCount;
        var state = new EdgeSchedule(epochsPerSample, negativeSampleRate);
        // small graphs: one thread (a barrier per epoch costs more than the work); the result is the same
        var epochPo = edges < parallelMinEdges ? new ParallelOptions { MaxDegreeOfParallelism = 1, CancellationToken = po.CancellationToken } : po;
        int stride = dim <= 8 && Vector256.IsHardwareAccelerated ? 8 : dim;
        var h = stride == dim ? head : Pad(head, dim, stride);
        var t = symmetric ? new float[h.Length] : stride == dim ? tail! : Pad(tail!, dim, stride);
        var k = new Kernel(g, state, dim, a, b, gamma, seed, symmetric);
        for (int n = 0; n < nEpochs; n++)
        {
            po.CancellationToken.ThrowIfCancellationRequested();
            float alpha = (float)(initialAlpha * (1.0 - (double)n / nEpochs));
            if (symmetric) Array.Copy(h, t, h.Length);
            int epoch = n;
            int groups = symmetric ? Math.Clamp(phases, 1, nHead) : 1;
            for (int gi = 0; gi < groups; gi++)
            {
                int gs = (int)((long)nHead * gi / groups), ge = (int)((long)nHead * (gi + 1) / groups);
                // within a phase every vertex reads only the snapshot, so any split into blocks gives the same result
                int blockSize = Math.Max(64, (ge - gs + 4 * epochPo.MaxDegreeOfParallelism - 1) / (4 * epochPo.MaxDegreeOfParallelism));
                Parallelism.ForBlocks(ge - gs, blockSize, epochPo, (s, e) =>
                {
                    if (stride == 8) k.Block8(gs + s, gs + e, epoch, alpha, h, t);
                    else k.Block(gs + s, gs + e, epoch, alpha, h, t);
                });
                if (groups > 1) Array.Copy(h, (long)gs * stride, t, (long)gs * stride, (long)(ge - gs) * stride);
            }
            progress?.Invoke((n + 1.0) / nEpochs);
        }
        if (!ReferenceEquals(h, head))
            for (int i = 0; i < nHead; i++) h.AsSpan(i * stride, dim).CopyTo(head.AsSpan(i * dim, dim));
    }

    internal static float[] Pad(float[] x, int dim, int stride)
    {
        int n = x.Length / dim;
        var p = new float[n * stride];
        for (int i = 0; i < n; i++) x.AsSpan(i * dim, dim).CopyTo(p.AsSpan(i * stride, dim));
        return p;
    }

    private sealed class Kernel(SparseGraph g, EdgeSchedule st, int dim, float a, float b, float gamma, ulong seed, bool symmetric)
    {
        private readonly GradientCoefficients _c = new(a, b, gamma);
        private readonly int _nTail = g.Cols;

        /// <summary>Random vertex for negative sample q of edge p: fit keys by edge; transform by (tail, position in
        /// the row), so that a row's result does not depend on the rest of the batch.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private ulong NegativeBase(ulong epochSeed, int p, int rs, int j) =>
            SeededHash.Mix(epochSeed ^ SeededHash.Mix(symmetric ? (ulong)p : (uint)j | ((ulong)(p - rs) << 32)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int NegativeVertex(ulong baseHash, int q) =>
            SeededHash.Below(SeededHash.Mix(baseHash + (ulong)q * 0x9E3779B97F4A7C15UL), _nTail);

        /// <summary>One epoch for rows [s, e), each point held in one 8-lane vector (lanes ≥ dim stay 0).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public unsafe void Block8(int s, int e, int epoch, float alpha, float[] head, float[] tail)
        {
            var lim = Vector256.Create(4f);
            var nlim = Vector256.Create(-4f);
            var alphaV = Vector256.Create(alpha);
            Span<float> fourSrc = stackalloc float[8];
            for (int t = 0; t < 8; t++) fourSrc[t] = t < dim ? 4f : 0f;
            var four = Vector256.Create((ReadOnlySpan<float>)fourSrc);
            ulong epochSeed = SeededHash.Hash(seed, (ulong)epoch, 0x5EED);
            fixed (float* H = head, T = tail, eps = st.EpochsPerSample, next = st.NextSample, epn = st.EpochsPerNegative, nextNeg = st.NextNegative)
            fixed (int* rowPtr = g.RowPtr, cols = g.ColIdx)
            {
                for (int i = s; i < e; i++)
                {
                    int rs = rowPtr[i], re = rowPtr[i + 1];
                    if (rs == re) continue;
                    // fit: forces at the epoch-start positions (T is the snapshot); transform: umap-learn's running position
                    var start = symmetric ? Vector256.Load(T + (long)i * 8) : Vector256.Load(H + (long)i * 8);
                    var cur = start;
                    for (int p = rs; p < re; p++)
                    {
                        if (next[p] > epoch) continue;
                        int j = cols[p];
                        var other = Vector256.Load(T + (long)j * 8);
                        if (symmetric)
                        {
                            // umap-learn's two samples of the pair, (i, j) then (j, i), each moving both ends
                            var gap = start - other;
                            for (int step = 0; step < 2; step++)
                            {
                                float d2 = Vector256.Sum(gap * gap);
                                if (!(d2 > 0)) break;
                                var m = Vector256.Min(Vector256.Max(gap * _c.Attract(d2), nlim), lim) * alphaV;
                                cur += m;
                                gap += m + m;
                            }
                        }
                        else
                        {
                            var diff = cur - other;
                            float d2 = Vector256.Sum(diff * diff);
                            if (d2 > 0) cur += Vector256.Min(Vector256.Max(diff * _c.Attract(d2), nlim), lim) * alphaV;
                        }
                        next[p] += eps[p];
                        int nNeg = (int)((epoch - nextNeg[p]) / epn[p]);
                        if (nNeg <= 0) continue;
                        ulong baseHash = NegativeBase(epochSeed, p, rs, j);
                        // negative samples push from the running position, as umap-learn's do (fit: summed per edge)
                        var from = cur;
                        var push = Vector256<float>.Zero;
                        for (int q = 0; q < nNeg; q++)
                        {
                            int k = NegativeVertex(baseHash, q);
                            if (symmetric && k == i) continue;
                            var diff = from - Vector256.Load(T + (long)k * 8);
                            float d2 = Vector256.Sum(diff * diff);
                            var step = d2 > 0 ? Vector256.Min(Vector256.Max(diff * _c.Repel(d2), nlim), lim) : four;
                            if (symmetric) push += step;
                            else from = cur += step * alphaV;
                        }
                        if (symmetric) cur += push * alphaV;
                        nextNeg[p] += nNeg * epn[p];
                    }
                    cur.Store(H + (long)i * 8);
                }
            }
        }

        /// <summary>One epoch for rows [s, e), any dimension (same arithmetic as <see cref="Block8"/>, scalar).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public unsafe void Block(int s, int e, int epoch, float alpha, float[] head, float[] tail)
        {
            float* cur = stackalloc float[dim];
            float* start = stackalloc float[dim];
            float* gap = stackalloc float[dim];
            float* push = stackalloc float[dim];
            ulong epochSeed = SeededHash.Hash(seed, (ulong)epoch, 0x5EED);
            fixed (float* H = head, T = tail, eps = st.EpochsPerSample, next = st.NextSample, epn = st.EpochsPerNegative, nextNeg = st.NextNegative)
            fixed (int* rowPtr = g.RowPtr, cols = g.ColIdx)
            {
                for (int i = s; i < e; i++)
                {
                    int rs = rowPtr[i], re = rowPtr[i + 1];
                    if (rs == re) continue;
                    float* src = symmetric ? T + (long)i * dim : H + (long)i * dim;
                    for (int t = 0; t < dim; t++) cur[t] = start[t] = src[t];
                    for (int p = rs; p < re; p++)
                    {
                        if (next[p] > epoch) continue;
                        int j = cols[p];
                        float* other = T + (long)j * dim;
                        if (symmetric)
                        {
                            for (int t = 0; t < dim; t++) gap[t] = start[t] - other[t];
                            for (int step = 0; step < 2; step++)
                            {
                                float d2 = 0;
                                for (int t = 0; t < dim; t++) d2 += gap[t] * gap[t];
                                if (!(d2 > 0)) break;
                                float c = _c.Attract(d2);
                                for (int t = 0; t < dim; t++) { float m = Clip(gap[t] * c) * alpha; cur[t] += m; gap[t] += 2 * m; }
                            }
                        }
                        else
                        {
                            float d2 = 0;
                            for (int t = 0; t < dim; t++) { float d = cur[t] - other[t]; d2 += d * d; }
                            if (d2 > 0)
                            {
                                float c = _c.Attract(d2);
                                for (int t = 0; t < dim; t++) cur[t] += Clip(c * (cur[t] - other[t])) * alpha;
                            }
                        }
                        next[p] += eps[p];
                        int nNeg = (int)((epoch - nextNeg[p]) / epn[p]);
                        if (nNeg <= 0) continue;
                        ulong baseHash = NegativeBase(epochSeed, p, rs, j);
                        float* from = cur;
                        for (int t = 0; t < dim; t++) push[t] = 0;
                        for (int q = 0; q < nNeg; q++)
                        {
                            int k = NegativeVertex(baseHash, q);
                            if (symmetric && k == i) continue;
                            float* neg = T + (long)k * dim;
                            float d2 = 0;
                            for (int t = 0; t < dim; t++) { float d = from[t] - neg[t]; d2 += d * d; }
                            float c = d2 > 0 ? _c.Repel(d2) : 0f;
                            for (int t = 0; t < dim; t++)
                            {
                                float step = d2 > 0 ? Clip(c * (from[t] - neg[t])) : 4f;
                                if (symmetric) push[t] += step;
                                else cur[t] += step * alpha;
                            }
                        }
                        if (symmetric) for (int t = 0; t < dim; t++) cur[t] += push[t] * alpha;
                        nextNeg[p] += nNeg * epn[p];
                    }
                    for (int t = 0; t < dim; t++) H[(long)i * dim + t] = cur[t];
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Clip(float v) => v > 4f ? 4f : v < -4f ? -4f : v;
}
