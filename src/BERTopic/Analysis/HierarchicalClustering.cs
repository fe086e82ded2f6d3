namespace BERTopicNet.Analysis;

/// <summary>
/// Agglomerative clustering on a condensed distance matrix, as SciPy 1.10's <c>scipy.cluster.hierarchy.linkage</c>
/// computes it (nearest-neighbour chain for complete, average, weighted and Ward; the minimum spanning tree for
/// single; rows sorted by distance with a stable sort, then relabelled), and SciPy's
/// <c>optimal_leaf_ordering</c> (Bar-Joseph et al. 2001, with SciPy's float32 scores). O(n²) memory; meant for
/// hundreds to a few thousand items such as topics.
/// </summary>
public static class HierarchicalClustering
{
    /// <summary>The linkage matrix of <paramref name="n"/> items.</summary>
    /// <param name="condensed">The upper triangle of the distance matrix, row by row (SciPy's condensed form, n(n−1)/2 values).</param>
    /// <param name="n">Number of items (≥ 2).</param>
    /// <param name="method">The linkage criterion.</param>
    /// <param name="optimalOrdering">Reorder the children of each merge so that neighbouring leaves are as close as possible (SciPy's <c>optimal_ordering=True</c>).</param>
    /// <returns>n − 1 rows, in order of increasing distance.</returns>
    /// <exception cref="ArgumentException">Fewer than two items, a condensed matrix of the wrong length, or a non-finite distance.</exception>
    public static LinkageRow[] Linkage(ReadOnlySpan<double> condensed, int n, ClusterLinkage method = ClusterLinkage.Ward, bool optimalOrdering = false)
    {
        if (n < 2) throw new ArgumentException($"A hierarchy needs at least two items (there were {n}).", nameof(n));
        long expected = (long)n * (n - 1) / 2;
        if (condensed.Length != expected)
            throw new ArgumentException($"The condensed distance matrix of {n} items must hold n(n-1)/2 = {expected} values but holds {condensed.Length}.", nameof(condensed));
        foreach (var d in condensed)
            if (!double.IsFinite(d)) throw new ArgumentException("The condensed distance matrix must contain only finite values.", nameof(condensed));
        var z = method == ClusterLinkage.Single ? MstSingle(condensed, n) : NnChain(condensed, n, method);
        return optimalOrdering ? OptimalLeafOrdering(z, condensed) : z;
    }

    /// <summary>The leaves of the tree, left to right (SciPy's <c>leaves_list</c>).</summary>
    public static int[] Leaves(IReadOnlyList<LinkageRow> z)
    {
        ArgumentNullException.ThrowIfNull(z);
        int n = z.Count + 1;
        var leaves = new List<int>(n);
        var stack = new Stack<int>();
        stack.Push(2 * n - 2);
        while (stack.Count > 0)
        {
            int node = stack.Pop();
            if (node < n) { leaves.Add(node); continue; }
            var row = z[node - n];
            stack.Push(row.Right);
            stack.Push(row.Left);
        }
        return [.. leaves];
    }

    private static long CondensedIndex(long n, long i, long j) =>
        i < j ? n * i - (i * (i + 1) / 2) + (j - i - 1) : n * j - (j * (j + 1) / 2) + (i - j - 1);

    private static LinkageRow[] NnChain(ReadOnlySpan<double> dists, int n, ClusterLinkage method)
    {
        var d = dists.ToArray();
        var size = new int[n];
        Array.Fill(size, 1);
        var chain = new int[n];
        int chainLength = 0;
        var raw = new (int X, int Y, double Dist)[n - 1];
        int y = 0;
        for (int k = 0; k < n - 1; k++)
        {
            if (chainLength == 0)
            {
                chainLength = 1;
                for (int i = 0; i < n; i++)
                    if (size[i] > 0) { chain[0] = i; break; }
            }
            int x;
            double currentMin;
            while (true)
            {
                x = chain[chainLength - 1];
                // Prefer the previous element of the chain on ties, so that the chain cannot cycle.
                if (chainLength > 1)
                {
                    y = chain[chainLength - 2];
                    currentMin = d[CondensedIndex(n, x, y)];
                }
                else currentMin = double.PositiveInfinity;
                for (int i = 0; i < n; i++)
                {
                    if (size[i] == 0 || x == i) continue;
                    double dist = d[CondensedIndex(n, x, i)];
                    if (dist < currentMin) { currentMin = dist; y = i; }
                }
                if (chainLength > 1 && y == chain[chainLength - 2]) break;
                chain[chainLength++] = y;
            }
            chainLength -= 2;
            int a = x, b = y;
            if (a > b) (a, b) = (b, a);
            int na = size[a], nb = size[b];
            raw[k] = (a, b, currentMin);
            size[a] = 0;
            size[b] = na + nb;
            for (int i = 0; i < n; i++)
            {
                int ni = size[i];
                if (ni == 0 || i == b) continue;
                long ia = CondensedIndex(n, i, a), ib = CondensedIndex(n, i, b);
                d[ib] = Update(method, d[ia], d[ib], currentMin, na, nb, ni);
            }
        }
        return Label(raw, n);
    }

    private static double Update(ClusterLinkage method, double dxi, double dyi, double dxy, int sx, int sy, int si)
    {
        switch (method)
        {
            case ClusterLinkage.Complete: return Math.Max(dxi, dyi);
            case ClusterLinkage.Average: return (sx * dxi + sy * dyi) / (sx + sy);
            case ClusterLinkage.Weighted: return 0.5 * (dxi + dyi);
            case ClusterLinkage.Ward:
                double t = 1.0 / (sx + sy + si);
                return Math.Sqrt((si + sx) * t * dxi * dxi + (si + sy) * t * dyi * dyi - si * t * dxy * dxy);
            default: return Math.Min(dxi, dyi);
        }
    }

    private static LinkageRow[] MstSingle(ReadOnlySpan<double> dists, int n)
    {
        var merged = new bool[n];
        var d = new double[n];
        Array.Fill(d, double.PositiveInfinity);
        var raw = new (int X, int Y, double Dist)[n - 1];
        int x = 0, y = 0;
        for (int k = 0; k < n - 1; k++)
        {
            double currentMin = double.PositiveInfinity;
            merged[x] = true;
            for (int i = 0; i < n; i++)
            {
                if (merged[i]) continue;
                double dist = dists[(int)CondensedIndex(n, x, i)];
                if (d[i] > dist) d[i] = dist;
                if (d[i] < currentMin) { y = i; currentMin = d[i]; }
            }
            raw[k] = (x, y, currentMin);
            x = y;
        }
        return Label(raw, n);
    }

    /// <summary>Stable sort by distance (NumPy's mergesort), then SciPy's union-find relabelling (smaller root first).</summary>
    private static LinkageRow[] Label((int X, int Y, double Dist)[] raw, int n)
    {
        var order = Enumerable.Range(0, raw.Length).OrderBy(i => raw[i].Dist).ToArray();
        var parent = new int[2 * n - 1];
        var size = new int[2 * n - 1];
        for (int i = 0; i < parent.Length; i++) { parent[i] = i; size[i] = 1; }
        int nextLabel = n;
        var z = new LinkageRow[raw.Length];
        for (int r = 0; r < order.Length; r++)
        {
            var (x, y, dist) = raw[order[r]];
            int xr = Find(parent, x), yr = Find(parent, y);
            parent[xr] = nextLabel;
            parent[yr] = nextLabel;
            size[nextLabel] = size[xr] + size[yr];
            z[r] = new LinkageRow(Math.Min(xr, yr), Math.Max(xr, yr), dist, size[nextLabel]);
            nextLabel++;
        }
        return z;
    }

    private static int Find(int[] parent, int x)
    {
        int p = x;
        while (parent[x] != x) x = parent[x];
        while (parent[p] != x) (p, parent[p]) = (parent[p], x);
        return x;
    }

    /// <summary>
    /// SciPy's <c>optimal_leaf_ordering(Z, y)</c>: the same merges, with the children of some merges swapped so that
    /// the sum of distances between neighbouring leaves is minimal.
    /// </summary>
    /// <param name="z">A linkage matrix.</param>
    /// <param name="condensed">The condensed distances it was computed from.</param>
    /// <exception cref="ArgumentException">The matrix and the distances do not fit together.</exception>
    public static LinkageRow[] OptimalLeafOrdering(IReadOnlyList<LinkageRow> z, ReadOnlySpan<double> condensed)
    {
        ArgumentNullException.ThrowIfNull(z);
        int n = z.Count + 1;
        if (condensed.Length != (long)n * (n - 1) / 2)
            throw new ArgumentException($"{condensed.Length} condensed distances do not fit a linkage matrix of {z.Count} rows.", nameof(condensed));
        var leaves = Leaves(z);
        var sortedOf = new int[n];
        for (int s = 0; s < n; s++) sortedOf[leaves[s]] = s;
        var sz = new (int L, int R)[z.Count];
        for (int i = 0; i < z.Count; i++)
        {
            int l = z[i].Left, r = z[i].Right;
            sz[i] = (l < n ? sortedOf[l] : l, r < n ? sortedOf[r] : r);
        }
        // Distances between leaves in sorted order.
        var dist = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                dist[i, j] = i == j ? 0 : condensed[(int)CondensedIndex(n, leaves[i], leaves[j])];
        var lo = new int[2 * n - 1];
        var hi = new int[2 * n - 1];
        for (int i = 0; i < n; i++) { lo[i] = i; hi[i] = i + 1; }
        for (int i = 0; i < sz.Length; i++) { lo[n + i] = lo[sz[i].L]; hi[n + i] = hi[sz[i].R]; }

        var mustSwap = IdentifySwaps(sz, dist, lo, hi, n);
        // A node flips once for each swapped ancestor (itself included).
        var flip = new bool[z.Count];
        for (int i = z.Count - 1; i >= 0; i--)
        {
            bool f = flip[i] ^ mustSwap[i];
            flip[i] = f;
            if (sz[i].L >= n) flip[sz[i].L - n] ^= f;
            if (sz[i].R >= n) flip[sz[i].R - n] ^= f;
        }
        var result = new LinkageRow[z.Count];
        for (int i = 0; i < z.Count; i++)
            result[i] = flip[i] ? z[i] with { Left = z[i].Right, Right = z[i].Left } : z[i];
        return result;
    }

    private static bool[] IdentifySwaps((int L, int R)[] sz, double[,] d, int[] lo, int[] hi, int n)
    {
        var m = new float[n, n];
        var swapL = new bool[n, n];
        var swapR = new bool[n, n];
        var mustSwap = new bool[sz.Length];
        var uClusters = new int[2];
        var mClusters = new int[2];
        var wClusters = new int[2];
        var kClusters = new int[2];
        for (int i = 0; i < sz.Length; i++)
        {
            int vl = sz[i].L, vr = sz[i].R;
            int totalU, totalW;
            if (vl < n) { totalU = 1; uClusters[0] = vl; mClusters[0] = vl; }
            else
            {
                totalU = 2;
                uClusters[0] = sz[vl - n].L; mClusters[0] = sz[vl - n].R;
                uClusters[1] = sz[vl - n].R; mClusters[1] = sz[vl - n].L;
            }
            if (vr < n) { totalW = 1; wClusters[0] = vr; kClusters[0] = vr; }
            else
            {
                totalW = 2;
                wClusters[0] = sz[vr - n].R; wClusters[1] = sz[vr - n].L;
                kClusters[0] = sz[vr - n].L; kClusters[1] = sz[vr - n].R;
            }
            for (int sl = 0; sl < totalU; sl++)
                for (int sr = 0; sr < totalW; sr++)
                {
                    int uMin = lo[uClusters[sl]], uMax = hi[uClusters[sl]];
                    int mMin = lo[mClusters[sl]], mMax = hi[mClusters[sl]];
                    int wMin = lo[wClusters[sr]], wMax = hi[wClusters[sr]];
                    int kMin = lo[kClusters[sr]], kMax = hi[kClusters[sr]];
                    float minKm = 1073741824f;
                    for (int mm = mMin; mm < mMax; mm++)
                        for (int kk = kMin; kk < kMax; kk++)
                            if (d[mm, kk] < minKm) minKm = (float)d[mm, kk];
                    var mIdx = new int[mMax - mMin];
                    var kIdx = new int[kMax - kMin];
                    for (int u = uMin; u < uMax; u++)
                    {
                        SortSlice(m, mIdx, mMin, u);
                        for (int w = wMin; w < wMax; w++)
                        {
                            SortSlice(m, kIdx, kMin, w);
                            float curMin = 1073741824f;
                            for (int mi = 0; mi < mIdx.Length; mi++)
                            {
                                int mm = mIdx[mi];
                                if (m[u, mm] + m[w, kIdx[0]] + minKm >= curMin) break;
                                for (int ki = 0; ki < kIdx.Length; ki++)
                                {
                                    int kk = kIdx[ki];
                                    if (m[u, mm] + m[w, kk] + minKm >= curMin) break;
                                    float current = (float)((double)(m[u, mm] + m[w, kk]) + d[mm, kk]);
                                    if (current < curMin) curMin = current;
                                }
                            }
                            m[u, w] = curMin;
                            m[w, u] = curMin;
                            swapL[u, w] = swapL[w, u] = sl == 1;
                            swapR[u, w] = swapR[w, u] = sr == 1;
                        }
                    }
                }
            float best = 1073741824f;
            int bestU = 0, bestW = 0;
            for (int u = lo[vl]; u < hi[vl]; u++)
                for (int w = lo[vr]; w < hi[vr]; w++)
                    if (m[u, w] < best) { best = m[u, w]; bestU = u; bestW = w; }
            if (vl >= n) mustSwap[vl - n] = swapL[bestU, bestW];
            if (vr >= n) mustSwap[vr - n] = swapR[bestU, bestW];
        }
        return mustSwap;
    }

    /// <summary>The rows <c>start..start+idx.Length</c> ordered by their value in column <paramref name="column"/> of <paramref name="m"/>.</summary>
    private static void SortSlice(float[,] m, int[] idx, int start, int column)
    {
        var keys = new float[idx.Length];
        for (int i = 0; i < idx.Length; i++) { idx[i] = start + i; keys[i] = m[start + i, column]; }
        Array.Sort(keys, idx);
    }
}
