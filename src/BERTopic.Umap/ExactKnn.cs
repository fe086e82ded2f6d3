using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace BERTopicNet.Umap;

/// <summary>Exact k nearest neighbours by comparing every query row with every training row (SIMD, parallel).</summary>
internal static unsafe class ExactKnn
{
    private const int QueryTile = 16;

    /// <summary>The k nearest training rows of each query row, ascending; when <paramref name="queryIsTrain"/>, row i's own index comes first.</summary>
    public static KnnGraph Compute(DataSet train, DataSet query, int k, bool queryIsTrain, ParallelOptions po, Action<double>? progress = null)
    {
        int nq = query.Rows;
        var idx = new int[nq * k];
        var dist = new float[nq * k];
        for (int i = 0; i < nq; i++) NeighborHeap.Init(idx.AsSpan(i * k, k), dist.AsSpan(i * k, k));
        if (train.IsSparse) SparseScan(train, query, k, idx, dist, po, progress);
        else DenseScan(train, query, k, idx, dist, po, progress);
        for (int i = 0; i < nq; i++) NeighborHeap.Finish(idx.AsSpan(i * k, k), dist.AsSpan(i * k, k), queryIsTrain ? i : -1);
        return new KnnGraph(nq, k, idx, dist);
    }

    private static void DenseScan(DataSet train, DataSet query, int k, int[] idx, float[] dist, ParallelOptions po, Action<double>? progress)
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
        fixed (float* T = train.Dense, Q = query.Dense)
        {
            float* tp = T, qp = Q;
            Parallelism.ForBlocks(nq, QueryTile, po, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (s, e) =>
            {
                float* res = stackalloc float[16];
                int fullQ = s + (e - s) / 4 * 4;
                int fullT = nt / 4 * 4;
                for (int j = 0; j < fullT; j += 4)
                {
                    for (int i = s; i < fullQ; i += 4)
                    {
                        DotKernel.Dot4x4(qp + (long)i * d, tp + (long)j * d, d, d, res);
                        for (int r = 0; r < 4; r++)
                            for (int c = 0; c < 4; c++)
                                Push(i + r, j + c, res[4 * r + c]);
                    }
                    for (int i = fullQ; i < e; i++)
                        for (int c = 0; c < 4; c++)
                            Push(i, j + c, TensorPrimitives.Dot(new ReadOnlySpan<float>(qp + (long)i * d, d), new ReadOnlySpan<float>(tp + (long)(j + c) * d, d)));
                }
                for (int j = fullT; j < nt; j++)
                    for (int i = s; i < e; i++)
                        Push(i, j, TensorPrimitives.Dot(new ReadOnlySpan<float>(qp + (long)i * d, d), new ReadOnlySpan<float>(tp + (long)j * d, d)));
                if (progress is not null) progress((double)Interlocked.Add(ref done, e - s) / nq);
            });
        }

        void Push(int i, int j, float dot)
        {
            float dd;
            if (cosine) dd = zq[i] || zt[j] ? (zq[i] && zt[j] ? 0f : 1f) : DataSet.CosineFromDot(dot);
            else dd = MathF.Sqrt(Math.Max(0f, sqQ![i] + sqT![j] - 2f * dot));
            NeighborHeap.PushUnique(idx.AsSpan(i * k, k), dist.AsSpan(i * k, k), dd, j);
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
