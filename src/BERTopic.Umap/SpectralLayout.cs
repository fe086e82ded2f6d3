using System.Runtime.CompilerServices;
namespace BERTopicNet.Umap;

/// <summary>
/// umap-learn's spectral initialisation: eigenvectors of the symmetric normalised Laplacian I − D^−½ W D^−½ for the
/// smallest non-trivial eigenvalues, found per connected component by thick-restart Lanczos on the sparse graph
/// (no dense N×N matrix); components are placed apart as umap-learn's <c>multi_component_layout</c> does.
/// </summary>
internal static class SpectralLayout
{
    /// <summary>Returns an N × dim row-major layout, or null when the eigensolver failed (caller falls back to random).</summary>
    public static float[]? Compute(SparseGraph g, DataSet data, int dim, SplitMix rng, ParallelOptions po)
    {
        int n = g.Rows;
        var (nComp, labels) = ConnectedComponents(g);
        Trace.Start().Note($"connected components: {nComp}");
        if (nComp == 1)
        {
            var vecs = Eigenvectors(g, dim, rng, po);
            if (vecs is null) return null;
            return vecs;
        }
        return MultiComponent(g, data, nComp, labels, dim, rng, po);
    }

    public static (int Count, int[] Labels) ConnectedComponents(SparseGraph g)
    {
        int n = g.Rows;
        var labels = new int[n];
        Array.Fill(labels, -1);
        int count = 0;
        var stack = new Stack<int>();
        for (int s = 0; s < n; s++)
        {
            if (labels[s] >= 0) continue;
            labels[s] = count; stack.Push(s);
            while (stack.Count > 0)
            {
                int u = stack.Pop();
                for (int p = g.RowPtr[u]; p < g.RowPtr[u + 1]; p++)
                {
                    int v = g.ColIdx[p];
                    if (labels[v] < 0) { labels[v] = count; stack.Push(v); }
                }
            }
            count++;
        }
        return (count, labels);
    }

    private static float[]? MultiComponent(SparseGraph g, DataSet data, int nComp, int[] labels, int dim, SplitMix rng, ParallelOptions po)
    {
        int n = g.Rows;
        double[,] meta = nComp > 2 * dim ? ComponentLayout(data, nComp, labels, dim) : SimplexMeta(nComp, dim);
        var result = new float[n * dim];
        var members = new List<int>[nComp];
        for (int c = 0; c < nComp; c++) members[c] = new List<int>();
        for (int i = 0; i < n; i++) members[labels[i]].Add(i);
        for (int c = 0; c < nComp; c++)
        {
            double minPos = double.PositiveInfinity;
            for (int o = 0; o < nComp; o++)
            {
                double s = 0;
                for (int t = 0; t < dim; t++) { double dd = meta[c, t] - meta[o, t]; s += dd * dd; }
                s = Math.Sqrt(s);
                if (s > 0) minPos = Math.Min(minPos, s);
            }
            double range = double.IsPositiveInfinity(minPos) ? 1.0 : minPos / 2.0;
            var mem = members[c];
            float[]? vecs = null;
            if (mem.Count >= 2 * dim && mem.Count > dim + 1)
            {
                var sub = Subgraph(g, mem, labels);
                vecs = Eigenvectors(sub, dim, rng, po);
            }
            if (vecs is null)
            {
                for (int m = 0; m < mem.Count; m++)
                    for (int t = 0; t < dim; t++)
                        result[mem[m] * dim + t] = (float)(rng.NextDouble() * 2 * range - range + meta[c, t]);
                continue;
            }
            double maxAbs = 0;
            foreach (var v in vecs) maxAbs = Math.Max(maxAbs, Math.Abs(v));
            double expansion = maxAbs > 0 ? range / maxAbs : 1;
            for (int m = 0; m < mem.Count; m++)
                for (int t = 0; t < dim; t++)
                    result[mem[m] * dim + t] = (float)(vecs[m * dim + t] * expansion + meta[c, t]);
        }
        return result;
    }

    private static double[,] SimplexMeta(int nComp, int dim)
    {
        int k = (nComp + 1) / 2;
        var meta = new double[nComp, dim];
        for (int c = 0; c < nComp; c++)
        {
            int basis = c < k ? c : c - k;
            double sign = c < k ? 1 : -1;
            if (basis < dim) meta[c, basis] = sign;
        }
        return meta;
    }

    /// <summary>umap-learn's <c>component_layout</c>: spectral embedding of the component centroids (affinity exp(−d²)).</summary>
    private static double[,] ComponentLayout(DataSet data, int nComp, int[] labels, int dim)
    {
        int d = data.Dim;
        var centroids = new double[nComp, d];
        var counts = new int[nComp];
        for (int i = 0; i < data.Rows; i++)
        {
            int c = labels[i]; counts[c]++;
            if (data.Sparse is { } sp)
            {
                var ix = sp.RowIndices(i); var vx = sp.RowValues(i);
                for (int t = 0; t < ix.Length; t++) centroids[c, ix[t]] += vx[t];
            }
            else
            {
                var r = data.Row(i);
                for (int t = 0; t < d; t++) centroids[c, t] += r[t];
            }
        }
        for (int c = 0; c < nComp; c++) for (int t = 0; t < d; t++) centroids[c, t] /= Math.Max(1, counts[c]);
        var aff = new double[nComp, nComp];
        for (int a = 0; a < nComp; a++)
            for (int b = 0; b < nComp; b++)
            {
                if (a == b) continue;
                double dist;
                if (data.Metric == UmapMetric.Cosine)
                {
                    double dot = 0, na = 0, nb = 0;
                    for (int t = 0; t < d; t++) { dot += centroids[a, t] * centroids[b, t]; na += centroids[a, t] * centroids[a, t]; nb += centroids[b, t] * centroids[b, t]; }
                    dist = na == 0 || nb == 0 ? 1 : 1 - dot / Math.Sqrt(na * nb);
                }
                else
                {
                    double s = 0;
                    for (int t = 0; t < d; t++) { double x = centroids[a, t] - centroids[b, t]; s += x * x; }
                    dist = Math.Sqrt(s);
                }
                aff[a, b] = Math.Exp(-dist * dist);
            }
        // scikit-learn's SpectralEmbedding: normalised Laplacian eigenmaps, first vector dropped, divided by sqrt(degree)
        var deg = new double[nComp];
        for (int a = 0; a < nComp; a++) for (int b = 0; b < nComp; b++) deg[a] += aff[a, b];
        var m = new double[nComp, nComp];
        for (int a = 0; a < nComp; a++)
            for (int b = 0; b < nComp; b++)
                m[a, b] = deg[a] > 0 && deg[b] > 0 ? aff[a, b] / Math.Sqrt(deg[a] * deg[b]) : 0;
        var (_, vecs) = SymmetricEigen.Decompose(m);
        var meta = new double[nComp, dim];
        double max = double.NegativeInfinity;
        for (int t = 0; t < dim; t++)
        {
            int col = Math.Min(t + 1, nComp - 1); // signs are deterministic: Decompose makes each vector's largest entry positive
            for (int a = 0; a < nComp; a++)
            {
                meta[a, t] = vecs[a, col] / Math.Sqrt(Math.Max(deg[a], 1e-300));
                max = Math.Max(max, meta[a, t]);
            }
        }
        if (max > 0) for (int a = 0; a < nComp; a++) for (int t = 0; t < dim; t++) meta[a, t] /= max;
        return meta;
    }

    private static SparseGraph Subgraph(SparseGraph g, List<int> members, int[] labels)
    {
        var local = new Dictionary<int, int>(members.Count);
        for (int m = 0; m < members.Count; m++) local[members[m]] = m;
        var rowPtr = new int[members.Count + 1];
        var ci = new List<int>(); var cv = new List<float>();
        for (int m = 0; m < members.Count; m++)
        {
            int u = members[m];
            for (int p = g.RowPtr[u]; p < g.RowPtr[u + 1]; p++)
                if (local.TryGetValue(g.ColIdx[p], out int lv)) { ci.Add(lv); cv.Add(g.Vals[p]); }
            rowPtr[m + 1] = ci.Count;
        }
        return new SparseGraph(members.Count, members.Count, rowPtr, ci.ToArray(), cv.ToArray());
    }

    /// <summary>
    /// The dim eigenvectors of D^−½ W D^−½ after the top (trivial) one, i.e. those of the normalised Laplacian with the
    /// smallest non-zero eigenvalues, by thick-restart Lanczos with full reorthogonalisation. Null when not converged.
    /// </summary>
    internal static float[]? Eigenvectors(SparseGraph g, int dim, SplitMix rng, ParallelOptions po)
    {
        int n = g.Rows;
        int nev = dim + 1;
        if (n <= nev) return null;
        var deg = g.RowSums();
        var dinv = new double[n];
        for (int i = 0; i < n; i++) dinv[i] = deg[i] > 0 ? 1 / Math.Sqrt(deg[i]) : 0;
        // the weights of D^−½ W D^−½
        var normalized = new double[g.EdgeCount];
        for (int i = 0; i < n; i++)
            for (int p = g.RowPtr[i]; p < g.RowPtr[i + 1]; p++) normalized[p] = g.Vals[p] * dinv[i] * dinv[g.ColIdx[p]];

        if (n <= 64)
        {
            // tiny component: dense decomposition
            var dm = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int p = g.RowPtr[i]; p < g.RowPtr[i + 1]; p++) dm[i, g.ColIdx[p]] += normalized[p];
            var (_, vv) = SymmetricEigen.Decompose(dm);
            var res = new float[n * dim];
            for (int i = 0; i < n; i++) for (int t = 0; t < dim; t++) res[i * dim + t] = (float)vv[i, t + 1];
            return res;
        }

        int m = Math.Max(2 * nev + 1, Math.Min((int)Math.Sqrt(n), 64));
        m = Math.Min(m, n - 1);
        var V = new double[m + 1][];
        for (int j = 0; j <= m; j++) V[j] = new double[n];
        var H = new double[m, m];
        var w = new double[n];
        var h1 = new double[m + 1];
        var h2 = new double[m + 1];
        var gs = new BlockedGramSchmidt(n, m + 1);
        // start vector: deterministic random (ones, as ARPACK's v0, would miss eigenvectors of symmetric graphs)
        for (int i = 0; i < n; i++) V[0][i] = rng.NextDouble() - 0.5;
        Normalize(V[0]);
        int start = 0;
        // ARPACK (umap-learn) allows 5·N restarts; on data with many tight clusters (many eigenvalues near 1) that
        // takes hours, so the work is capped and approximate Ritz vectors are accepted below (they only seed the SGD)
        long maxMatvecs = 40L * m;
        long matvecs = 0;
        double beta = 0;
        double[] theta = Array.Empty<double>();
        double[,] S = new double[0, 0];
        const double tol = 1e-4;
        bool converged = false;
        int keep = Math.Min(m - 1, nev + (m - nev) / 2);
        while (true)
        {
            po.CancellationToken.ThrowIfCancellationRequested();
            for (int j = start; j < m; j++)
            {
                MatVec(g, normalized, V[j], w, po); matvecs++;
                // full reorthogonalisation (classical Gram–Schmidt, twice), recording the projections in H
                gs.Orthogonalize(V, j + 1, w, h1, h2, po, out double ww);
                for (int i = 0; i <= j; i++) { H[i, j] = H[j, i] = h1[i] + h2[i]; }
                beta = Math.Sqrt(ww);
                if (beta < 1e-12)
                {
                    // invariant subspace: continue with a fresh random direction
                    for (int i = 0; i < n; i++) w[i] = rng.NextDouble() - 0.5;
                    for (int pass = 0; pass < 2; pass++) for (int i = 0; i <= j; i++) Axpy(-Dot(V[i], w), V[i], w);
                    Normalize(w);
                    beta = 0;
                    Array.Copy(w, V[j + 1], n);
                }
                else for (int i = 0; i < n; i++) V[j + 1][i] = w[i] / beta;
                if (j + 1 < m) { H[j + 1, j] = beta; H[j, j + 1] = beta; }
            }
            (theta, S) = SymmetricEigen.Decompose(H);
            converged = true;
            for (int c = 0; c < nev; c++)
                if (Math.Abs(beta * S[m - 1, c]) > tol * Math.Max(Math.Abs(theta[c]), 1e-3)) { converged = false; break; }
            if (converged || matvecs >= maxMatvecs) break;
            // thick restart: keep the leading Ritz vectors and the residual direction
            var ritz = new double[keep][];
            for (int c = 0; c < keep; c++) ritz[c] = new double[n];
            BlockedGramSchmidt.Combine(V, m, S, 0, ritz, po);
            Array.Copy(V[m], V[keep], n);
            for (int c = 0; c < keep; c++) V[c] = ritz[c];
            Array.Clear(H);
            for (int c = 0; c < keep; c++) { H[c, c] = theta[c]; H[c, keep] = H[keep, c] = beta * S[m - 1, c]; }
            start = keep;
        }
        if (!converged)
        {
            // accept approximate vectors when residuals are modest (ARPACK would raise; umap-learn then goes random)
            double worst = 0;
            for (int c = 0; c < nev; c++) worst = Math.Max(worst, Math.Abs(beta * S[m - 1, c]));
            Trace.Start().Note($"lanczos stopped after {matvecs} mat-vecs, worst residual {worst:E2}");
            if (worst > 5e-2) return null;
        }
        Trace.Start().Note($"lanczos: {matvecs} mat-vecs, converged {converged}");
        var result = new float[n * dim];
        var vecs = new double[dim][];
        for (int t = 0; t < dim; t++) vecs[t] = new double[n];
        BlockedGramSchmidt.Combine(V, m, S, 1, vecs, po);
        for (int t = 0; t < dim; t++)
            for (int i = 0; i < n; i++) result[i * dim + t] = (float)vecs[t][i];
        return result;
    }

    /// <summary>y = D^−½ W D^−½ x, the weights already scaled (<paramref name="normalized"/>[p] = w_ij / √(d_i d_j)).</summary>
    private static void MatVec(SparseGraph g, double[] normalized, double[] x, double[] y, ParallelOptions po)
    {
        Parallelism.ForBlocks(g.Rows, 4096, po, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (s, e) =>
        {
            var rowPtr = g.RowPtr;
            var cols = g.ColIdx;
            for (int i = s; i < e; i++)
            {
                double acc = 0;
                for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) acc += normalized[p] * x[cols[p]];
                y[i] = acc;
            }
        });
    }

    private static double Dot(double[] a, double[] b) => System.Numerics.Tensors.TensorPrimitives.Dot<double>(a, b);

    private static void Axpy(double alpha, double[] x, double[] y) =>
        System.Numerics.Tensors.TensorPrimitives.MultiplyAdd<double>(x, alpha, y, y);

    private static void Normalize(double[] v)
    {
        double norm = Math.Sqrt(Dot(v, v));
        for (int i = 0; i < v.Length; i++) v[i] /= norm;
    }
}
