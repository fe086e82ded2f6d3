using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace BERTopicNet.Umap;

/// <summary>Exact k nearest neighbours by comparing every query row with every training row (SIMD, parallel).</summary>
internal static unsafe class ExactKnn
{
    /// <summary>Query rows per parallel block (dense scan).</summary>
    private const int QueryBlock = 384;

    /// <summary>Candidates packed at a time (dense scan): 256 × 384 floats = 384 KiB, within a core's L2.</summary>
    private const int CandidateBlock = 256;

    private const int LockStripes = 1 << 12;

    /// <summary>The k nearest training rows of each query row, ascending; when <paramref name="queryIsTrain"/>, row i's own index comes first.</summary>
    public static KnnGraph Compute(DataSet train, DataSet query, int k, bool queryIsTrain, ParallelOptions po, Action<double>? progress = null)
    {
        int nq = query.Rows;
        var idx = new int[nq * k];
        var dist = new float[nq * k];
        for (int i = 0; i < nq; i++) NeighborHeap.Init(idx.AsSpan(i * k, k), dist.AsSpan(i * k, k));
        if (train.IsSparse) SparseScan(train, query, k, idx, dist, po, progress);
        else DenseScan(train, query, k, idx, dist, queryIsTrain && ReferenceEquals(train, query), po, progress);
        for (int i = 0; i < nq; i++) NeighborHeap.Finish(idx.AsSpan(i * k, k), dist.AsSpan(i * k, k), queryIsTrain ? i : -1);
        return new KnnGraph(nq, k, idx, dist);
    }

    /// <summary>
    /// Dense rows: blocks of <see cref="QueryBlock"/> query rows against blocks of <see cref="CandidateBlock"/>
    /// candidates packed for <see cref="PackedDotKernel"/> (the packed block stays in L2 while every 6-row tile of
    /// the query block passes over it). A vector compare against each row's worst kept distance skips most pairs
    /// before they reach the heap. When the queries are the training rows, a query block meets only the candidates
    /// from its own first row on, and each pair beyond the block is offered to both rows (dot products are symmetric
    /// bit for bit), which halves the work; heaps are then shared between threads and pushed under striped locks —
    /// the kept set is the k smallest (distance, index) pairs whatever the order of the pushes.
    /// </summary>
    private static void DenseScan(DataSet train, DataSet query, int k, int[] idx, float[] dist, bool symmetric, ParallelOptions po, Action<double>? progress)
    {
        int nt = train.Rows, nq = query.Rows, d = train.Dim;
        bool cosine = train.Metric == UmapMetric.Cosine;
        float[]? sqT = null, sqQ = null;
        if (!cosine)
        {
            sqT = SquaredNorms(train);
            sqQ = ReferenceEquals(train, query) ? sqT : SquaredNorms(query);
        }
        var zt = train.IsZero; var zq = query.IsZero;
        int done = 0;
        object[]? locks = null;
        if (symmetric)
        {
            locks = new object[LockStripes];
            for (int t = 0; t < locks.Length; t++) locks[t] = new object();
        }
        fixed (float* T = train.Dense, Q = query.Dense)
        {
            float* tp = T, qp = Q;
            Parallelism.ForBlocks(nq, QueryBlock, po, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (s, e) =>
            {
                int maxPanels = PackedDotKernel.PanelCount(Math.Min(CandidateBlock, nt));
                var buffer = GC.AllocateUninitializedArray<float>(maxPanels * PackedDotKernel.Panel * d, pinned: true);
                float* res = stackalloc float[PackedDotKernel.Rows * 2 * PackedDotKernel.Panel];
                float* sq = stackalloc float[2 * PackedDotKernel.Panel];
                float* worstBack = stackalloc float[2 * PackedDotKernel.Panel];
                fixed (float* packed = buffer)
                {
                    for (int j0 = symmetric ? s : 0; j0 < nt; j0 += CandidateBlock)
                    {
                        int count = Math.Min(CandidateBlock, nt - j0);
                        int panels = PackedDotKernel.PanelCount(count);
                        PackedDotKernel.Pack(tp + (long)j0 * d, count, d, packed);
                        for (int i0 = s; i0 < e; i0 += PackedDotKernel.Rows)
                        {
                            int rows = Math.Min(PackedDotKernel.Rows, e - i0);
                            float* q0 = qp + (long)i0 * d;
                            // a short last tile repeats its last row (results of the repeats are ignored)
                            float* q1 = q0 + (long)Math.Min(1, rows - 1) * d, q2 = q0 + (long)Math.Min(2, rows - 1) * d;
                            float* q3 = q0 + (long)Math.Min(3, rows - 1) * d, q4 = q0 + (long)Math.Min(4, rows - 1) * d;
                            float* q5 = q0 + (long)Math.Min(5, rows - 1) * d;
                            for (int p = 0; p < panels; p += 2)
                            {
                                PackedDotKernel.Dot6x16(q0, q1, q2, q3, q4, q5, packed + (long)p * d * PackedDotKernel.Panel, d, res);
                                int jb = j0 + p * PackedDotKernel.Panel;
                                int valid = Math.Min(2 * PackedDotKernel.Panel, nt - jb);
                                if (!cosine)
                                    for (int c = 0; c < 2 * PackedDotKernel.Panel; c++) sq[c] = c < valid ? sqT![jb + c] : 0f;
                                uint validMask = valid >= 32 ? uint.MaxValue : (1u << valid) - 1, backMask = 0;
                                if (locks is not null)
                                {
                                    int firstBack = Math.Clamp(e - jb, 0, 2 * PackedDotKernel.Panel);
                                    backMask = validMask & ~((1u << firstBack) - 1);
                                    for (int c = 0; c < 2 * PackedDotKernel.Panel; c++)
                                        worstBack[c] = (backMask >> c & 1) != 0 ? Volatile.Read(ref dist[(jb + c) * k]) : float.NegativeInfinity;
                                }
                                for (int r = 0; r < rows; r++)
                                {
                                    int i = i0 + r;
                                    float* dots = res + 2 * PackedDotKernel.Panel * r;
                                    if (cosine) ToCosine(dots); else ToEuclidean(dots, sqQ![i], sq);
                                    if (locks is null) Offer(idx.AsSpan(i * k, k), dist.AsSpan(i * k, k), dots, jb, valid);
                                    else OfferBothWays(idx, dist, k, locks, i, dots, jb, validMask, backMask, worstBack);
                                }
                            }
                        }
                    }
                }
                if (progress is not null) progress((double)Interlocked.Add(ref done, e - s) / nq);
            });
        }
        if (!cosine) return;
        // an all-zero query row is at distance 0 from the all-zero training rows and 1 from all others
        for (int i = 0; i < nq; i++)
        {
            if (!zq[i]) continue;
            var hi = idx.AsSpan(i * k, k); var hd = dist.AsSpan(i * k, k);
            NeighborHeap.Init(hi, hd);
            for (int j = 0; j < nt; j++) NeighborHeap.PushUnique(hi, hd, zt[j] ? 0f : 1f, j);
        }
    }

    /// <summary>Symmetric scan: offers each candidate jb + c to row i, and row i to each candidate in
    /// <paramref name="backMask"/> (those beyond the query block, whose pairs are not computed again from their side).
    /// <paramref name="worstBack"/> holds the candidates' worst kept distances read before the tile (they only shrink,
    /// so a stale value lets through more, never fewer; the push checks again under the lock).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OfferBothWays(int[] idx, float[] dist, int k, object[] locks, int i, float* dd, int jb, uint validMask, uint backMask, float* worstBack)
    {
        uint fwd, back;
        if (Vector256.IsHardwareAccelerated)
        {
            var worst = Vector256.Create(Volatile.Read(ref dist[i * k]));
            var d0 = Vector256.Load(dd); var d1 = Vector256.Load(dd + 8);
            fwd = Vector256.LessThanOrEqual(d0, worst).ExtractMostSignificantBits() | Vector256.LessThanOrEqual(d1, worst).ExtractMostSignificantBits() << 8;
            back = Vector256.LessThanOrEqual(d0, Vector256.Load(worstBack)).ExtractMostSignificantBits()
                 | Vector256.LessThanOrEqual(d1, Vector256.Load(worstBack + 8)).ExtractMostSignificantBits() << 8;
        }
        else
        {
            fwd = back = 0;
            float worst = Volatile.Read(ref dist[i * k]);
            for (int c = 0; c < 16; c++)
            {
                if (dd[c] <= worst) fwd |= 1u << c;
                if (dd[c] <= worstBack[c]) back |= 1u << c;
            }
        }
        fwd &= validMask;
        back &= backMask;
        if (fwd != 0)
            lock (locks[i & (LockStripes - 1)])
                while (fwd != 0)
                {
                    int c = System.Numerics.BitOperations.TrailingZeroCount(fwd);
                    fwd &= fwd - 1;
                    NeighborHeap.PushUnique(idx.AsSpan(i * k, k), dist.AsSpan(i * k, k), dd[c], jb + c);
                }
        while (back != 0)
        {
            int c = System.Numerics.BitOperations.TrailingZeroCount(back);
            back &= back - 1;
            int j = jb + c;
            lock (locks[j & (LockStripes - 1)])
                NeighborHeap.PushUnique(idx.AsSpan(j * k, k), dist.AsSpan(j * k, k), dd[c], i);
        }
    }

    /// <summary>16 dot products → cosine distances max(0, 1 − dot) in place (rows are unit vectors; a zero row's dot is 0, distance 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ToCosine(float* v)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            var one = Vector256.Create(1f);
            Vector256.Max(Vector256<float>.Zero, one - Vector256.Load(v)).Store(v);
            Vector256.Max(Vector256<float>.Zero, one - Vector256.Load(v + 8)).Store(v + 8);
            return;
        }
        for (int c = 0; c < 16; c++) v[c] = DataSet.CosineFromDot(v[c]);
    }

    /// <summary>16 dot products → Euclidean distances √max(0, |q|² + |t|² − 2·dot) in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ToEuclidean(float* v, float sqQuery, float* sqTrain)
    {
        for (int c = 0; c < 16; c++) v[c] = MathF.Sqrt(Math.Max(0f, sqQuery + sqTrain[c] - 2f * v[c]));
    }

    /// <summary>Pushes the candidates jb + c (c below <paramref name="valid"/>) whose distance is not above the row's worst kept one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Offer(Span<int> hi, Span<float> hd, float* dd, int jb, int valid)
    {
        uint mask;
        if (Vector256.IsHardwareAccelerated)
        {
            var worst = Vector256.Create(hd[0]);
            mask = Vector256.LessThanOrEqual(Vector256.Load(dd), worst).ExtractMostSignificantBits()
                 | Vector256.LessThanOrEqual(Vector256.Load(dd + 8), worst).ExtractMostSignificantBits() << 8;
        }
        else
        {
            mask = 0;
            for (int c = 0; c < 16; c++) if (dd[c] <= hd[0]) mask |= 1u << c;
        }
        mask &= valid >= 32 ? uint.MaxValue : (1u << valid) - 1;
        while (mask != 0)
        {
            int c = System.Numerics.BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            NeighborHeap.PushUnique(hi, hd, dd[c], jb + c);
        }
    }

    private static float[] SquaredNorms(DataSet data)
    {
        var sq = new float[data.Rows];
        for (int i = 0; i < data.Rows; i++) { var r = data.Row(i); sq[i] = TensorPrimitives.Dot(r, r); }
        return sq;
    }

    /// <summary>Sparse cosine: accumulate X_query · X_trainᵀ through an inverted index (column → rows), one query row at a time.</summary>
    private static void SparseScan(DataSet train, DataSet query, int k, int[] idx, float[] dist, ParallelOptions po, Action<double>? progress)
    {
        var t = train.Sparse!; var q = query.Sparse!;
        int nt = t.Rows;
        // transpose the training matrix (CSC)
        var colPtr = new int[t.Columns + 1];
        foreach (var c in t.Indices) colPtr[c + 1]++;
        for (int c = 0; c < t.Columns; c++) colPtr[c + 1] += colPtr[c];
        var colRows = new int[t.NonZeroCount];
        var colVals = new float[t.NonZeroCount];
        var fill = (int[])colPtr.Clone();
        for (int r = 0; r < nt; r++)
            for (int p = t.IndPtr[r]; p < t.IndPtr[r + 1]; p++)
            {
                int c = t.Indices[p];
                colRows[fill[c]] = r; colVals[fill[c]] = t.Values[p]; fill[c]++;
            }
        var zt = train.IsZero; var zq = query.IsZero;
        int done = 0;
        Parallelism.ForBlocks(query.Rows, 64, po, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (s, e) =>
        {
            var acc = new float[nt];
            for (int i = s; i < e; i++)
            {
                Array.Clear(acc);
                for (int p = q.IndPtr[i]; p < q.IndPtr[i + 1]; p++)
                {
                    int c = q.Indices[p]; float v = q.Values[p];
                    for (int m = colPtr[c]; m < colPtr[c + 1]; m++) acc[colRows[m]] += v * colVals[m];
                }
                var hi = idx.AsSpan(i * k, k); var hd = dist.AsSpan(i * k, k);
                for (int j = 0; j < nt; j++)
                {
                    float dd = zq[i] || zt[j] ? (zq[i] && zt[j] ? 0f : 1f) : DataSet.CosineFromDot(acc[j]);
                    NeighborHeap.PushUnique(hi, hd, dd, j);
                }
            }
            if (progress is not null) progress((double)Interlocked.Add(ref done, e - s) / query.Rows);
        });
    }
}
