using System.Runtime.CompilerServices;
namespace BERTopicNet.Umap;

/// <summary>umap-learn's fuzzy simplicial set: smooth kNN distances, membership strengths, fuzzy union/intersection.</summary>
internal static class FuzzySimplicialSet
{
    private const double SmoothKTolerance = 1e-5;
    private const double MinKDistScale = 1e-3;

    /// <summary>
    /// umap-learn's <c>smooth_knn_dist</c>: per row, rho = distance to the <paramref name="localConnectivity"/>-th non-zero
    /// neighbour (interpolated), and sigma found by binary search so that Σ_{j≥1} exp(−max(0, d_j − rho)/sigma) = log2(k).
    /// Column 0 is skipped in the sum (it is the row itself when fitting — kept as umap-learn does when transforming).
    /// Rows are independent: blocks of them run in parallel, with the same result on any number of threads.
    /// </summary>
    public static (float[] Sigmas, float[] Rhos) SmoothKnnDist(KnnGraph knn, double k, double localConnectivity, ParallelOptions po, int nIter = 64, double bandwidth = 1.0)
    {
        int n = knn.Rows, kk = knn.K;
        double target = Math.Log2(k) * bandwidth;
        var rho = new float[n];
        var sigma = new float[n];
        double meanAll = 0; long cnt = 0;
        foreach (var d in knn.Distances) if (float.IsFinite(d)) { meanAll += d; cnt++; }
        meanAll = cnt > 0 ? meanAll / cnt : 0;
        Parallelism.ForBlocks(n, 1024, po, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
        {
            var nonZero = new double[kk];
            for (int i = start; i < end; i++)
                SmoothRow(knn.Distances.AsSpan(i * kk, kk), nonZero, target, localConnectivity, meanAll, nIter, out rho[i], out sigma[i]);
        });
        return (sigma, rho);
    }

    /// <summary>rho and sigma of one row of <see cref="SmoothKnnDist"/>.</summary>
    private static void SmoothRow(ReadOnlySpan<float> row, double[] nonZero, double target, double localConnectivity, double meanAll, int nIter, out float rho, out float sigma)
    {
        int kk = row.Length;
        int nz = 0;
        double rowMean = 0; int rowCnt = 0;
        foreach (var d in row)
        {
            if (!float.IsFinite(d)) continue;
            rowMean += d; rowCnt++;
            if (d > 0) nonZero[nz++] = d;
        }
        rowMean = rowCnt > 0 ? rowMean / rowCnt : 0;
        double r = 0;
        if (nz >= localConnectivity)
        {
            int index = (int)Math.Floor(localConnectivity);
            double interp = localConnectivity - index;
            if (index > 0)
            {
                r = nonZero[index - 1];
                if (interp > SmoothKTolerance) r += interp * (nonZero[index] - nonZero[index - 1]);
            }
            else r = interp * nonZero[0];
        }
        else if (nz > 0) r = nonZero[nz - 1];
        rho = (float)r;

        double lo = 0, hi = double.PositiveInfinity, mid = 1.0;
        for (int it = 0; it < nIter; it++)
        {
            double psum = 0;
            for (int j = 1; j < kk; j++)
            {
                float dj = row[j];
                if (!float.IsFinite(dj)) continue;
                double dd = dj - r;
                psum += dd > 0 ? Math.Exp(-(dd / mid)) : 1.0;
            }
            if (Math.Abs(psum - target) < SmoothKTolerance) break;
            if (psum > target) { hi = mid; mid = (lo + hi) / 2.0; }
            else
            {
                lo = mid;
                if (double.IsPositiveInfinity(hi)) mid *= 2; else mid = (lo + hi) / 2.0;
            }
        }
        double s = mid;
        if (r > 0) { if (s < MinKDistScale * rowMean) s = MinKDistScale * rowMean; }
        else if (s < MinKDistScale * meanAll) s = MinKDistScale * meanAll;
        sigma = (float)s;
    }

    /// <summary>umap-learn's <c>compute_membership_strengths</c>: exp(−(d − rho)/sigma), 1 within rho; self edges 0 unless bipartite.</summary>
    public static SparseGraph MembershipStrengths(KnnGraph knn, float[] sigmas, float[] rhos, int cols, bool bipartite, ParallelOptions po)
    {
        int n = knn.Rows, k = knn.K;
        var r = new int[n * k]; var c = new int[n * k]; var v = new float[n * k];
        Parallelism.ForBlocks(n, 1024, po, (first, last) =>
        {
            for (int i = first; i < last; i++)
                for (int j = 0; j < k; j++)
                {
                    int e = i * k + j;
                    int nb = knn.Indices[e];
                    r[e] = i; c[e] = nb;
                    if (nb == -1) { r[e] = -1; continue; }
                    float d = knn.Distances[e];
                    float val;
                    if (!bipartite && nb == i) val = 0;
                    else if (d - rhos[i] <= 0 || sigmas[i] == 0) val = 1;
                    else val = (float)Math.Exp(-((d - rhos[i]) / (double)sigmas[i]));
                    v[e] = val;
                }
        });
        return SparseGraph.FromCoo(n, cols, r, c, v, po);
    }

    /// <summary>The symmetric fuzzy graph of a kNN graph: fuzzy union (mix 1) to intersection (mix 0).</summary>
    public static SparseGraph Build(KnnGraph knn, int nNeighbors, double localConnectivity, double setOpMixRatio, ParallelOptions po, out float[] sigmas, out float[] rhos)
    {
        (sigmas, rhos) = SmoothKnnDist(knn, nNeighbors, localConnectivity, po);
        var a = MembershipStrengths(knn, sigmas, rhos, knn.Rows, bipartite: false, po);
        float mix = (float)setOpMixRatio;
        return a.SymmetricCombine((x, y) =>
        {
            float prod = x * y;
            return mix * (x + y - prod) + (1f - mix) * prod;
        }, po);
    }

    /// <summary>umap-learn's categorical supervision: edges between different labels are scaled by exp(−farDist),
    /// edges touching an unknown label (−1) by exp(−1); then the local connectivity is reset twice, as umap-learn does.</summary>
    public static SparseGraph IntersectWithLabels(SparseGraph g, int[] y, double targetWeight, ParallelOptions po)
    {
        double farDist = targetWeight < 1.0 ? 2.5 * (1.0 / (1.0 - targetWeight)) : 1.0e12;
        float unknown = (float)Math.Exp(-1.0), far = (float)Math.Exp(-farDist);
        var vals = (float[])g.Vals.Clone();
        for (int i = 0; i < g.Rows; i++)
            for (int p = g.RowPtr[i]; p < g.RowPtr[i + 1]; p++)
            {
                int j = g.ColIdx[p];
                if (y[i] == -1 || y[j] == -1) vals[p] *= unknown;
                else if (y[i] != y[j]) vals[p] *= far;
            }
        var h = Compact(new SparseGraph(g.Rows, g.Cols, g.RowPtr, g.ColIdx, vals));
        return ResetLocalConnectivity(ResetLocalConnectivity(h, po), po);
    }

    /// <summary>umap-learn's <c>reset_local_connectivity</c>: row-wise max normalisation, then fuzzy union with the transpose.</summary>
    public static SparseGraph ResetLocalConnectivity(SparseGraph g, ParallelOptions po)
    {
        var vals = (float[])g.Vals.Clone();
        for (int i = 0; i < g.Rows; i++)
        {
            float max = 0;
            for (int p = g.RowPtr[i]; p < g.RowPtr[i + 1]; p++) max = Math.Max(max, Math.Abs(vals[p]));
            if (max > 0) for (int p = g.RowPtr[i]; p < g.RowPtr[i + 1]; p++) vals[p] /= max;
        }
        return new SparseGraph(g.Rows, g.Cols, g.RowPtr, g.ColIdx, vals).SymmetricCombine((x, y) => x + y - x * y, po);
    }

    /// <summary>Drops explicit zeros.</summary>
    public static SparseGraph Compact(SparseGraph g)
    {
        var rowPtr = new int[g.Rows + 1];
        var ci = new List<int>(g.EdgeCount); var cv = new List<float>(g.EdgeCount);
        for (int i = 0; i < g.Rows; i++)
        {
            for (int p = g.RowPtr[i]; p < g.RowPtr[i + 1]; p++)
                if (g.Vals[p] != 0) { ci.Add(g.ColIdx[p]); cv.Add(g.Vals[p]); }
            rowPtr[i + 1] = ci.Count;
        }
        return new SparseGraph(g.Rows, g.Cols, rowPtr, ci.ToArray(), cv.ToArray());
    }
}
