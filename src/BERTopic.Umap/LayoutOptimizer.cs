using System.Runtime.CompilerServices;

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
        for (int n = 0; n < nEpochs; n++)
        {
            po.CancellationToken.ThrowIfCancellationRequested();
            float alpha = (float)(initialAlpha * (1.0 - (double)n / nEpochs));
            if (symmetric) Array.Copy(head, snapshot, head.Length);
            int epoch = n;
            Parallelism.ForBlocks(nHead, blockSize, epochPo, (s, e) =>
            {
                Span<float> cur = stackalloc float[dim];
                for (int i = s; i < e; i++)
                {
                    int rs = g.RowPtr[i], re = g.RowPtr[i + 1];
                    if (rs == re) continue;
                    head.AsSpan(i * dim, dim).CopyTo(cur);
                    for (int p = rs; p < re; p++)
                    {
                        if (epochNext[p] > epoch) continue;
                        int j = g.ColIdx[p];
                        var other = snapshot.AsSpan(j * dim, dim);
                        for (int step = 0; step < attractSteps; step++)
                        {
                            float d2 = Rdist(cur, other);
                            float coeff = 0;
                            if (d2 > 0)
                            {
                                float pw = FastMath.Pow(d2, b - 1f);
                                coeff = -2f * a * b * pw / (a * pw * d2 + 1f);
                            }
                            for (int t = 0; t < dim; t++) cur[t] += Clip(coeff * (cur[t] - other[t])) * alpha;
                        }
                        epochNext[p] += epochsPerSample[p];
                        int nNeg = (int)((epoch - epochNextNeg[p]) / epochsPerNeg[p]);
                        for (int q = 0; q < nNeg; q++)
                        {
                            // fit: keyed by edge; transform: by (tail, position in row) so a row's result ignores the rest of the batch
                            ulong key = symmetric ? (ulong)p : (uint)j | ((ulong)(p - rs) << 32);
                            int k = SeededHash.Below(SeededHash.Hash(seed, (ulong)epoch, key, (ulong)q), nTail);
                            ReadOnlySpan<float> neg = symmetric && k == i ? cur : snapshot.AsSpan(k * dim, dim);
                            float d2 = Rdist(cur, neg);
                            float coeff;
                            if (d2 > 0) coeff = 2f * gamma * b / ((0.001f + d2) * (a * FastMath.Pow(d2, b) + 1f));
                            else if (symmetric && k == i) continue;
                            else coeff = 0;
                            for (int t = 0; t < dim; t++)
                                cur[t] += (coeff > 0 ? Clip(coeff * (cur[t] - neg[t])) : 4f) * alpha;
                        }
                        epochNextNeg[p] += nNeg * epochsPerNeg[p];
                    }
                    cur.CopyTo(head.AsSpan(i * dim, dim));
                }
            });
            progress?.Invoke((n + 1.0) / nEpochs);
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
