using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
/// On 20 Newsgroups (k = 15) the trustworthiness is 0.9668 / 0.9670 / 0.9658 / 0.9667 for seeds 42 / 1 / 2 / 3 (the kernel before negative samples
/// were loaded row by row, the same arithmetic summed in another order: 0.9678 / 0.9669 / 0.9669 / 0.9666) against 0.9731 for a sequential replica of umap-learn's
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
    public static unsafe void Optimize(float[] head, float[]? tail, int dim, SparseGraph g, float[] epochsPerSample, int nEpochs,
        float a, float b, float gamma, float initialAlpha, int negativeSampleRate, ulong seed, ParallelOptions po, Action<double>? progress, int parallelMinEdges = 100_000, int phases = DefaultPhases, long prefetchFromBytes = PrefetchFromBytes)
    {
        int nHead = g.Rows;
        bool symmetric = tail is null;
        int edges = g.EdgeCount;
        var state = new EdgeSchedule(epochsPerSample, negativeSampleRate);
        // small graphs: one thread (a barrier per epoch costs more than the work); the result is the same
        var epochPo = edges < parallelMinEdges ? new ParallelOptions { MaxDegreeOfParallelism = 1, CancellationToken = po.CancellationToken } : po;
        int stride = dim <= 8 && Avx2.IsSupported ? 8 : dim; // the 8-lane kernels gather and permute with AVX2
        // the positions in LargePageBuffers (huge pages at scale): every negative sample reads a random row
        using var h = Padded(head, dim, stride);
        using var t = symmetric ? Padded(head, dim, stride) : Padded(tail!, dim, stride);
        var k = new Kernel(g, state, dim, a, b, gamma, seed, symmetric, prefetchFromBytes);
        int groups = symmetric ? Math.Clamp(phases, 1, nHead) : 1;
        int workers = Math.Max(1, epochPo.MaxDegreeOfParallelism);
        int GroupStart(int gi) => (int)((long)nHead * gi / groups);
        // within a phase every vertex reads only the snapshot, so any split into blocks gives the same result
        int BlockSize(int gi) => Math.Max(32, (GroupStart(gi + 1) - GroupStart(gi) + 4 * workers - 1) / (4 * workers));
        float Alpha(int epoch) => (float)(initialAlpha * (1.0 - (double)epoch / nEpochs));
        // phase p = group p % groups of epoch p / groups
        PhaseTeam.Run(nEpochs * groups,
            p => { int gi = p % groups, bs = BlockSize(gi); return (GroupStart(gi + 1) - GroupStart(gi) + bs - 1) / bs; },
            (p, blk) =>
            {
                int epoch = p / groups, gi = p % groups, bs = BlockSize(gi), gs = GroupStart(gi);
                int s = gs + blk * bs, e = Math.Min(GroupStart(gi + 1), s + bs);
                if (stride == 8) k.Block8(s, e, epoch, Alpha(epoch), h.Pointer, t.Pointer);
                else k.Block(s, e, epoch, Alpha(epoch), h.Pointer, t.Pointer);
            },
            p =>
            {
                int gi = p % groups, gs = GroupStart(gi);
                // later phases (and the next epoch) see this phase's moves
                if (symmetric)
                {
                    long from = (long)gs * stride, count = (long)(GroupStart(gi + 1) - gs) * stride;
                    Buffer.MemoryCopy(h.Pointer + from, t.Pointer + from, count * sizeof(float), count * sizeof(float));
                }
                if (gi == groups - 1) progress?.Invoke((p / groups + 1.0) / nEpochs);
            },
            epochPo);
        Unpad(h.Slice(0, nHead * stride), head, dim, stride);
    }

    /// <summary><paramref name="x"/>'s rows of <paramref name="dim"/> floats in a <see cref="LargePageBuffer"/>, each
    /// padded with zeros to <paramref name="stride"/>.</summary>
    private static LargePageBuffer Padded(float[] x, int dim, int stride)
    {
        int n = x.Length / dim;
        var p = new LargePageBuffer((long)n * stride);
        Pad(x, p.Slice(0, n * stride), dim, stride);
        return p;
    }

    /// <summary>Copies rows of <paramref name="dim"/> floats from <paramref name="x"/> to rows of
    /// <paramref name="stride"/> floats in <paramref name="padded"/> (the padding is left as it is).</summary>
    internal static void Pad(ReadOnlySpan<float> x, Span<float> padded, int dim, int stride)
    {
        for (int i = 0, n = x.Length / dim; i < n; i++) x.Slice(i * dim, dim).CopyTo(padded.Slice(i * stride, dim));
    }

    /// <summary>The reverse of <see cref="Pad"/>: the first <paramref name="dim"/> floats of each padded row.</summary>
    internal static void Unpad(ReadOnlySpan<float> padded, Span<float> x, int dim, int stride)
    {
        for (int i = 0, n = x.Length / dim; i < n; i++) padded.Slice(i * stride, dim).CopyTo(x.Slice(i * dim, dim));
    }

    /// <summary>The size of the padded positions from which the layout prefetches its random reads: 1 MB, a core's L2 cache on current x64 parts (32,768 rows).</summary>
    internal const long PrefetchFromBytes = 1 << 20;

    private sealed class Kernel(SparseGraph g, EdgeSchedule st, int dim, float a, float b, float gamma, ulong seed, bool symmetric, long prefetchFromBytes)
    {
        private readonly GradientCoefficients _c = new(a, b, gamma);
        private readonly int _nTail = g.Cols;
        private readonly Vector256<float> _four = FourInFirst(dim);

        /// <summary>Whether the fit prefetches what it reads at random: the rows drawn as negative samples and the
        /// neighbour rows when it batches their edges, and the edges' arrays ahead of its scan. Only where the padded
        /// positions outgrow a core's L2 cache (<see cref="PrefetchFromBytes"/> by default); below that every row is a cache hit and the
        /// prefetches are pure cost (20 Newsgroups, 0.6 MB: the arrays' prefetch alone gave no gain). Measured on the
        /// scale benchmark, interleaved pairs off → on: 35k rows (1.1 MB) layout 2.06/2.01/2.01/1.96 → 2.00/1.98/1.96/2.01 s,
        /// 50k rows 3.95/3.67/3.67 → 3.28/3.31/3.83 s, 100k rows 9.15/9.46/9.25 → 8.54/7.95/8.01 s; 200k rows (the
        /// neighbour rows and edge arrays, 8 pairs of two variants): mean 17.7 → 14.9 s.</summary>
        private readonly bool _prefetch = (long)g.Cols * 8 * sizeof(float) >= prefetchFromBytes;

        /// <summary>Random vertex for negative sample q of edge p: fit keys by edge; transform by (tail, position in
        /// the row), so that a row's result does not depend on the rest of the batch.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private ulong NegativeBase(ulong epochSeed, int p, int rs, int j) =>
            SeededHash.Mix(epochSeed ^ SeededHash.Mix(symmetric ? (ulong)p : (uint)j | ((ulong)(p - rs) << 32)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int NegativeVertex(ulong baseHash, int q) => NegativeDraws.One(baseHash, q, _nTail);

        /// <summary>One epoch for rows [s, e), each point held in one 8-lane vector (lanes ≥ dim stay 0).</summary>
        public unsafe void Block8(int s, int e, int epoch, float alpha, float* head, float* tail)
        {
            if (symmetric) Fit8(s, e, epoch, alpha, head, tail);
            else Transform8(s, e, epoch, alpha, head, tail);
        }

        /// <summary>Vertices whose edge-by-edge dependency chains one thread interleaves in a fit epoch.</summary>
        internal const int FitCursors = 2;

        /// <summary>
        /// Fit epoch for rows [s, e). Per row, the sampled edges are taken 8 at a time: their attractions depend only on
        /// the snapshot, so the two steps of all 8 are computed as vectors first (squared distances and powers of 8
        /// edges at once); then, in edge order, each edge's moves are added and its negative samples, also 8 at a time,
        /// push from the running position. That last part is one long chain of dependent arithmetic per row (each
        /// edge's pushes start where the previous edge left the vertex), so <see cref="FitCursors"/> rows are walked
        /// at once, an edge of each in turn, and the processor overlaps their chains; every row still sees exactly
        /// its own sequence of steps, so the result does not depend on the interleaving.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private unsafe void Fit8(int s, int e, int epoch, float alpha, float* H, float* T)
        {
            var cursors = stackalloc FitCursor[FitCursors];
            var ints = stackalloc int[FitCursors * 16];
            var floats = stackalloc float[FitCursors * 16];
            var drawn = stackalloc Vector256<int>[FitCursors * 8];
            var vectors = stackalloc Vector256<float>[FitCursors * 32];
            for (int c = 0; c < FitCursors; c++)
                cursors[c] = new FitCursor
                {
                    Row = -1,
                    Batch = ints + c * 16, NegCount = ints + c * 16 + 8,
                    NegEvery = floats + c * 16, Coef = floats + c * 16 + 8,
                    Drawn = drawn + c * 8,
                    First = vectors + c * 32, Second = vectors + c * 32 + 8, Vecs = vectors + c * 32 + 16, Squares = vectors + c * 32 + 24,
                };
            fixed (float* eps = st.EpochsPerSample, next = st.NextSample, nextNeg = st.NextNegative)
            fixed (int* rowPtr = g.RowPtr, cols = g.ColIdx)
            {
                var x = new FitEpoch
                {
                    H = H, T = T, Eps = eps, Next = next, NextNeg = nextNeg, RowPtr = rowPtr, Cols = cols,
                    NextRow = s, EndRow = e, EpochF = epoch, Alpha = alpha,
                    EpochSeed = SeededHash.Hash(seed, (ulong)epoch, 0x5EED),
                };
                bool any;
                do
                {
                    any = false;
                    for (int c = 0; c < FitCursors; c++) any |= Step(ref cursors[c], ref x);
                }
                while (any);
            }
        }

        /// <summary>Applies the cursor's next sampled edge, first moving on to its next batch of edges or its next
        /// row where needed (a finished row is written to the head); false when no rows are left.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private unsafe bool Step(ref FitCursor r, ref FitEpoch x)
        {
            while (r.Next == r.Count)
            {
                if (r.Row >= 0)
                {
                    // a batch that ended the row's scan was its last: no empty scan at the end of each row
                    if (r.P < r.End && NextBatch(ref r, ref x)) break;
                    r.Cur.Store(x.H + (long)r.Row * 8);
                }
                if (x.NextRow >= x.EndRow)
                {
                    r.Row = -1;
                    return false;
                }
                int i = x.NextRow++;
                r.Row = i;
                r.RowStart = r.P = x.RowPtr[i];
                r.End = x.RowPtr[i + 1];
                r.Start = r.Cur = Vector256.Load(x.T + (long)i * 8);
            }
            ApplyEdge(ref r, ref x);
            return true;
        }

        /// <summary>The row's next (up to) 8 edges sampled in this epoch, their first 8 negative vertices and both
        /// attraction steps of each; false when the row has no more.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private unsafe bool NextBatch(ref FitCursor r, ref FitEpoch x)
        {
            var lim = Vector256.Create(4f);
            var nlim = Vector256.Create(-4f);
            var alphaV = Vector256.Create(x.Alpha);
            float epochF = x.EpochF;
            var epochV = Vector256.Create(epochF);
            int* batch = r.Batch;
            float* next = x.Next;
            int p = r.P, re = r.End, cnt = 0;
            // 8 schedule entries per compare: a bit mask instead of a hard-to-predict branch per edge
            while (cnt < 8 && p + 8 <= re)
            {
                // at scale the edges' four arrays are streams the hardware does not prefetch far enough ahead
                if (_prefetch) PrefetchSchedule(ref x, p + 64);
                uint due = Vector256.LessThanOrEqual(Vector256.Load(next + p), epochV).ExtractMostSignificantBits();
                while (due != 0 && cnt < 8)
                {
                    batch[cnt++] = p + BitOperations.TrailingZeroCount(due);
                    due &= due - 1;
                }
                // resume after the last edge taken when the batch filled up inside these 8
                p = due != 0 ? batch[7] + 1 : p + 8;
            }
            for (; p < re && cnt < 8; p++)
                if (next[p] <= epochF) batch[cnt++] = p;
            r.P = p;
            r.Count = cnt;
            r.Next = 0;
            if (cnt == 0) return false;
            // the batch's neighbour rows, loaded below: requested now, their latency overlaps the draws
            if (_prefetch) for (int l = 0; l < cnt; l++) Sse.Prefetch0(x.T + (long)x.Cols[batch[l]] * 8);

            for (int l = 0; l < cnt; l++)
            {
                int q = batch[l];
                float every = st.EpochsPerNegative(x.Eps[q]);
                r.NegEvery[l] = every;
                int nNeg = (int)((epochF - x.NextNeg[q]) / every);
                r.NegCount[l] = nNeg;
                // the first 8 draws here, with the batch, rather than in ApplyEdge: measured 3-5% faster (single
                // thread), the hashing overlapping the attraction arithmetic below instead of the edge's own chain
                if (nNeg > 0) r.Drawn[l] = NegativeDraws.Eight(NegativeBase(x.EpochSeed, q, r.RowStart, x.Cols[q]), 0, _nTail);
            }
            if (_prefetch) PrefetchDrawn(ref r, x.T);

            // umap-learn's two samples of each pair, (i, j) then (j, i), each moving both ends: the gap shrinks by
            // twice the step after the first
            var vecs = r.Vecs;
            var squares = r.Squares;
            var start = r.Start;
            for (int l = 0; l < 8; l++)
            {
                var gap = l < cnt ? start - Vector256.Load(x.T + (long)x.Cols[batch[l]] * 8) : Vector256<float>.Zero;
                vecs[l] = gap;
                squares[l] = gap * gap;
            }
            var d2 = FastMath.Sums(squares);
            var ok = Vector256.GreaterThan(d2, Vector256<float>.Zero);
            float* coef = r.Coef;
            Vector256.ConditionalSelect(ok, _c.Attract(d2), Vector256<float>.Zero).Store(coef);
            for (int l = 0; l < cnt; l++)
            {
                var m = Vector256.MinNative(Vector256.MaxNative(vecs[l] * coef[l], nlim), lim) * alphaV;
                r.First[l] = m;
                var gap = vecs[l] + (m + m);
                vecs[l] = gap;
                squares[l] = gap * gap;
            }
            var d2b = FastMath.Sums(squares);
            var ok2 = ok & Vector256.GreaterThan(d2b, Vector256<float>.Zero);
            Vector256.ConditionalSelect(ok2, _c.Attract(d2b), Vector256<float>.Zero).Store(coef);
            uint okBits = ok.ExtractMostSignificantBits();
            for (int l = 0; l < cnt; l++)
            {
                // a pair at distance 0 does not move (umap-learn's gradient is 0 there)
                if ((okBits & (1u << l)) == 0) r.First[l] = Vector256<float>.Zero;
                r.Second[l] = Vector256.MinNative(Vector256.MaxNative(vecs[l] * coef[l], nlim), lim) * alphaV;
            }
            return true;
        }

        /// <summary>Requests edge <paramref name="p"/>'s schedule entry (its next sample, epochs per sample and next
        /// negative sample) and its other end from memory.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe void PrefetchSchedule(ref FitEpoch x, int p)
        {
            Sse.Prefetch0(x.Next + p);
            Sse.Prefetch0(x.Eps + p);
            Sse.Prefetch0(x.NextNeg + p);
            Sse.Prefetch0(x.Cols + p);
        }

        /// <summary>Requests the rows of the batch's first (up to 8) negative samples per edge from memory.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static unsafe void PrefetchDrawn(ref FitCursor r, float* T)
        {
            for (int l = 0; l < r.Count; l++)
            {
                int* drawn = (int*)(r.Drawn + l);
                for (int t = 0, m = Math.Min(r.NegCount[l], 8); t < m; t++) Sse.Prefetch0(T + (long)drawn[t] * 8);
            }
        }

        /// <summary>Adds the cursor's next batched edge's two steps, then its negative samples' push from the running
        /// position, as umap-learn's do, summed per edge. The samples are taken 8 at a time: each sample's row is
        /// loaded whole (lane = coordinate), the 8 squared distances come out of one transposing sum (lane = sample),
        /// their repulsions are computed as one vector, and each sample's clipped step is added in sample order.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private unsafe void ApplyEdge(ref FitCursor r, ref FitEpoch x)
        {
            int l = r.Next++;
            int q = r.Batch[l];
            var cur = r.Cur + r.First[l] + r.Second[l];
            x.Next[q] += x.Eps[q];
            int nNeg = r.NegCount[l];
            if (nNeg > 0)
            {
                var lim = Vector256.Create(4f);
                var nlim = Vector256.Create(-4f);
                var diffs = r.Vecs;
                var squares = r.Squares;
                float* coef = r.Coef;
                int* drawn = (int*)(r.Drawn + l);
                var push = Vector256<float>.Zero;
                for (int q0 = 0; q0 < nNeg; q0 += 8)
                {
                    if (q0 > 0) NegativeDraws.Eight(NegativeBase(x.EpochSeed, q, r.RowStart, x.Cols[q]), q0, _nTail).Store(drawn);
                    int n = Math.Min(8, nNeg - q0);
                    for (int t = 0; t < n; t++)
                    {
                        var d = cur - Vector256.Load(x.T + (long)drawn[t] * 8);
                        diffs[t] = d;
                        squares[t] = d * d;
                    }
                    for (int t = n; t < 8; t++) squares[t] = Vector256<float>.Zero;
                    var d2 = FastMath.Sums(squares);
                    _c.Repel(d2).Store(coef);
                    uint far = Vector256.GreaterThan(d2, Vector256<float>.Zero).ExtractMostSignificantBits();
                    for (int t = 0; t < n; t++)
                    {
                        if (drawn[t] == r.Row) continue; // the vertex itself is no negative sample
                        // coincident points: umap-learn's step of 4 along every axis
                        push += (far & (1u << t)) != 0
                            ? Vector256.MinNative(Vector256.MaxNative(diffs[t] * coef[t], nlim), lim)
                            : _four;
                    }
                }
                cur += push * Vector256.Create(x.Alpha);
                x.NextNeg[q] += nNeg * r.NegEvery[l];
            }
            r.Cur = cur;
        }

        /// <summary>Transform epoch for rows [s, e): umap-learn's loop, every step from the running position.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private unsafe void Transform8(int s, int e, int epoch, float alpha, float* H, float* T)
        {
            var lim = Vector256.Create(4f);
            var nlim = Vector256.Create(-4f);
            var alphaV = Vector256.Create(alpha);
            ulong epochSeed = SeededHash.Hash(seed, (ulong)epoch, 0x5EED);
            float epochF = epoch;
            fixed (float* eps = st.EpochsPerSample, next = st.NextSample, nextNeg = st.NextNegative)
            fixed (int* rowPtr = g.RowPtr, cols = g.ColIdx)
            {
                for (int i = s; i < e; i++)
                {
                    int rs = rowPtr[i], re = rowPtr[i + 1];
                    if (rs == re) continue;
                    var cur = Vector256.Load(H + (long)i * 8);
                    for (int p = rs; p < re; p++)
                    {
                        if (next[p] > epochF) continue;
                        int j = cols[p];
                        var diff = cur - Vector256.Load(T + (long)j * 8);
                        float d2 = Vector256.Sum(diff * diff);
                        if (d2 > 0) cur += Vector256.MinNative(Vector256.MaxNative(diff * _c.Attract(d2), nlim), lim) * alphaV;
                        next[p] += eps[p];
                        float every = st.EpochsPerNegative(eps[p]);
                        int nNeg = (int)((epochF - nextNeg[p]) / every);
                        if (nNeg <= 0) continue;
                        ulong baseHash = NegativeBase(epochSeed, p, rs, j);
                        for (int q = 0; q < nNeg; q++)
                        {
                            var nd = cur - Vector256.Load(T + (long)NegativeVertex(baseHash, q) * 8);
                            float nd2 = Vector256.Sum(nd * nd);
                            cur += (nd2 > 0 ? Vector256.MinNative(Vector256.MaxNative(nd * _c.Repel(nd2), nlim), lim) : _four) * alphaV;
                        }
                        nextNeg[p] += nNeg * every;
                    }
                    cur.Store(H + (long)i * 8);
                }
            }
        }

        /// <summary>4 in the first <paramref name="dim"/> lanes, 0 beyond.</summary>
        private static Vector256<float> FourInFirst(int dim)
        {
            Span<float> four = stackalloc float[8];
            for (int t = 0; t < 8; t++) four[t] = t < dim ? 4f : 0f;
            return Vector256.Create((ReadOnlySpan<float>)four);
        }

        /// <summary>One epoch for rows [s, e), any dimension (same arithmetic as <see cref="Block8"/>, scalar).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public unsafe void Block(int s, int e, int epoch, float alpha, float* H, float* T)
        {
            float* cur = stackalloc float[dim];
            float* start = stackalloc float[dim];
            float* gap = stackalloc float[dim];
            float* push = stackalloc float[dim];
            ulong epochSeed = SeededHash.Hash(seed, (ulong)epoch, 0x5EED);
            fixed (float* eps = st.EpochsPerSample, next = st.NextSample, nextNeg = st.NextNegative)
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
                        float every = st.EpochsPerNegative(eps[p]);
                        int nNeg = (int)((epoch - nextNeg[p]) / every);
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
                        nextNeg[p] += nNeg * every;
                    }
                    for (int t = 0; t < dim; t++) H[(long)i * dim + t] = cur[t];
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Clip(float v) => v > 4f ? 4f : v < -4f ? -4f : v;
}
