namespace BERTopicNet.Hdbscan;

/// <summary>
/// Exact minimum spanning tree of the mutual-reachability graph by Borůvka's algorithm over a k-d tree.
/// Each round, every point needs its nearest point (in mutual reachability) outside its component:
/// <list type="bullet">
/// <item>its k nearest neighbours (from the core-distance query) answer it outright when the best outside one is
/// lighter than anything beyond the k-th neighbour could be;</item>
/// <item>an exact answer stays valid in later rounds until that neighbour joins the point's component;</item>
/// <item>the rest search the tree in batches (one leaf, one component) with box-to-box bounds, in increasing order
/// of a per-point lower bound that only grows, so the component's best edge is found early and most points skip.</item>
/// </list>
/// Ties are broken by <see cref="MstEdge.Compare(MstEdge, MstEdge)"/>, which makes the tree unique and
/// independent of thread count and timing (tests hold it equal to Prim's).
/// </summary>
internal sealed class BoruvkaMst
{
    private readonly KdTree _tree;
    private readonly double[] _core2;        // squared core distance per tree position
    private readonly double[] _nodeMinCore2; // smallest squared core distance in each node
    private readonly double _inverseAlpha2;
    private readonly int[] _comp;            // component (a tree position) of each tree position
    private readonly int[] _nodeComp;        // component of a node when all its points share one, else -1
    private readonly double[] _compBest;     // best squared weight found so far per component (racy bound)
    private readonly double[] _pointBest;    // cached exact nearest outside neighbour per point
    private readonly double[] _pointRaw;
    private readonly int[] _leafOf;          // leaf node of each tree position
    private readonly double[] _pointLower;   // lower bound on the point's nearest outside neighbour (only grows)
    private readonly int[] _pointTo;
    private readonly bool[] _pointExact;
    private readonly int _threads;
    private readonly int[]? _knn;            // k nearest neighbours (tree positions, nearest first) per position
    private readonly int _k;

    private BoruvkaMst(KdTree tree, double[] coreByPosition, double alpha, int threads, int[]? knn, int k)
    {
        _tree = tree;
        _knn = knn;
        _k = k;
        int n = tree.Count;
        _core2 = new double[n];
        for (int i = 0; i < n; i++) _core2[i] = coreByPosition[i] * coreByPosition[i];
        _nodeMinCore2 = new double[tree.NodeCount];
        for (int node = tree.NodeCount - 1; node >= 0; node--)
        {
            if (tree.Left[node] < 0)
            {
                double m = double.PositiveInfinity;
                for (int p = tree.Start[node]; p < tree.End[node]; p++) m = Math.Min(m, _core2[p]);
                _nodeMinCore2[node] = m;
            }
            else _nodeMinCore2[node] = Math.Min(_nodeMinCore2[tree.Left[node]], _nodeMinCore2[tree.Left[node] + 1]);
        }
        _inverseAlpha2 = 1.0 / (alpha * alpha);
        _comp = new int[n];
        _nodeComp = new int[tree.NodeCount];
        _compBest = new double[n];
        _pointBest = new double[n];
        _pointRaw = new double[n];
        _pointLower = new double[n];
        _leafOf = new int[n];
        for (int node = 0; node < tree.NodeCount; node++)
            if (tree.Left[node] < 0) for (int p = tree.Start[node]; p < tree.End[node]; p++) _leafOf[p] = node;
        _pointTo = new int[n];
        _pointExact = new bool[n];
        _threads = threads;
    }

    /// <summary>The N - 1 edges of the tree, endpoints as input indices.</summary>
    /// <param name="tree">The k-d tree over the points.</param>
    /// <param name="coreByPosition">Core distance per tree position.</param>
    /// <param name="alpha">Distance scaling.</param>
    /// <param name="threads">Worker threads.</param>
    /// <param name="progress">Fraction of edges found.</param>
    /// <param name="ct">Cancels the work.</param>
    /// <param name="knn">Optional k nearest neighbours per tree position (tree positions, nearest first, k per row): they
    /// answer most searches without touching the tree and bound the rest.</param>
    /// <param name="k">Neighbours per row of <paramref name="knn"/>.</param>
    public static MstEdge[] Compute(KdTree tree, double[] coreByPosition, double alpha, int threads, IProgress<double>? progress, CancellationToken ct,
        int[]? knn = null, int k = 0)
        => new BoruvkaMst(tree, coreByPosition, alpha, threads, knn, k).Run(progress, ct);

    private MstEdge[] Run(IProgress<double>? progress, CancellationToken ct)
    {
        int n = _tree.Count;
        var edges = new List<MstEdge>(Math.Max(n - 1, 0));
        var uf = new UnionFind(n);
        var bestW = new double[n];
        var bestR = new double[n];
        var bestFrom = new int[n];
        var bestTo = new int[n];
        var order = new int[n];
        var keys = new double[n];
        var sortedLength = new int[n];
        int LengthOf(int start)
        {
            int q = start, leaf = _leafOf[start], c = _comp[start];
            while (q < n && !_pointExact[q] && _leafOf[q] == leaf && _comp[q] == c) q++;
            return q - start;
        }
        int chunk = Math.Max(64, n / (_threads * 16) + 1);
        int chunks = (n + chunk - 1) / chunk;
        var po = new ParallelOptions { MaxDegreeOfParallelism = _threads, CancellationToken = ct };
        while (edges.Count < n - 1)
        {
            ct.ThrowIfCancellationRequested();
            for (int p = 0; p < n; p++) _comp[p] = uf.Find(p);
            UpdateNodeComponents();
            _compBest.AsSpan().Fill(double.PositiveInfinity);
            // Cached exact neighbours that are still outside give each component a first bound.
            for (int q = 0; q < n; q++)
            {
                if (_pointExact[q] && _comp[_pointTo[q]] != _comp[q])
                {
                    int c = _comp[q];
                    if (_pointBest[q] < _compBest[c]) _compBest[c] = _pointBest[q];
                }
                else { _pointExact[q] = false; _pointTo[q] = -1; }
            }
            if (_knn is not null)
                Parallel.For(0, chunks, po, ci =>
                {
                    int end = Math.Min(n, (ci + 1) * chunk);
                    for (int q = ci * chunk; q < end; q++)
                        if (!_pointExact[q]) FromNeighbours(q);
                });
            // The remaining points search the tree in batches (points of one leaf and one component share a
            // traversal pruned with box-to-box bounds), batches in increasing order of their points' lower bounds:
            // points close to another component find the component's best edge early, and its weight then lets
            // most of the others skip.
            int batchCount = 0;
            for (int q = 0; q < n;)
            {
                if (_pointExact[q]) { q++; continue; }
                int leaf = _leafOf[q], c = _comp[q], start = q;
                double key = _pointLower[q];
                while (q < n && !_pointExact[q] && _leafOf[q] == leaf && _comp[q] == c) { key = Math.Min(key, _pointLower[q]); q++; }
                order[batchCount] = start; keys[batchCount++] = key;
            }
            Array.Sort(keys, order, 0, batchCount);
            // Array.Sort moved the starts with the keys; lengths follow their starts.
            for (int b = 0; b < batchCount; b++) sortedLength[b] = LengthOf(order[b]);
            int sc = Math.Max(8, batchCount / (_threads * 16) + 1), searchChunks = (batchCount + sc - 1) / sc;
            Parallel.For(0, searchChunks, po, () => new BatchBuffers(_tree.Dimensions), (ci, _, buf) =>
            {
                int end = Math.Min(batchCount, (ci + 1) * sc);
                for (int b = ci * sc; b < end; b++) SearchBatch(order[b], sortedLength[b], buf);
                return buf;
            }, _ => { });
            // Best edge per component in the total order.
            bestFrom.AsSpan().Fill(-1);
            for (int q = 0; q < n; q++)
            {
                int to = _pointTo[q];
                if (to < 0) continue;
                int c = _comp[q];
                double w = _pointBest[q], r = _pointRaw[q];
                if (bestFrom[c] < 0 || MstEdge.Compare(w, r, _tree.Index[q], _tree.Index[to], bestW[c], bestR[c], _tree.Index[bestFrom[c]], _tree.Index[bestTo[c]]) < 0)
                {
                    bestW[c] = w; bestR[c] = r; bestFrom[c] = q; bestTo[c] = to;
                }
            }
            int before = edges.Count;
            for (int c = 0; c < n; c++)
            {
                if (bestFrom[c] < 0 || _comp[c] != c) continue;
                int a = bestFrom[c], b = bestTo[c];
                int ra = uf.Find(a), rb = uf.Find(b);
                if (ra == rb) continue;
                uf.Union(ra, rb);
                edges.Add(new MstEdge(_tree.Index[a], _tree.Index[b], bestW[c], bestR[c]));
            }
            if (edges.Count == before)
                throw new InvalidOperationException("Borůvka made no progress; the input probably holds non-finite values.");
            progress?.Report((double)edges.Count / Math.Max(1, n - 1));
        }
        return edges.ToArray();
    }

    private void UpdateNodeComponents()
    {
        var t = _tree;
        for (int node = t.NodeCount - 1; node >= 0; node--)
        {
            int left = t.Left[node];
            if (left < 0)
            {
                int c = _comp[t.Start[node]];
                for (int p = t.Start[node] + 1; p < t.End[node]; p++)
                    if (_comp[p] != c) { c = -1; break; }
                _nodeComp[node] = c;
            }
            else
            {
                int a = _nodeComp[left], b = _nodeComp[left + 1];
                _nodeComp[node] = a == b ? a : -1;
            }
        }
    }

    /// <summary>
    /// Looks for q's nearest outside point among its k nearest neighbours. When the best one is lighter than any
    /// point beyond the list could be, it is q's exact answer; otherwise it still bounds the component's best edge.
    /// </summary>
    private void FromNeighbours(int q)
    {
        int c = _comp[q], k = _k;
        double coreQ = _core2[q];
        var t = _tree;
        int qi = t.Index[q];
        var qp = t.Point(q);
        double best = double.PositiveInfinity, bestRaw = double.PositiveInfinity;
        int bestTo = -1;
        for (int i = 0; i < k; i++)
        {
            int p = _knn![q * k + i];
            if (_comp[p] == c) continue;
            double r = KdTree.SquaredDistance(qp, t.Point(p)); // exact, as the tree search computes it
            double w = MutualReachability.Squared(coreQ, _core2[p], r, _inverseAlpha2);
            if (bestTo < 0 || MstEdge.Compare(w, r, qi, t.Index[p], best, bestRaw, qi, t.Index[bestTo]) < 0)
            {
                best = w; bestRaw = r; bestTo = p;
            }
        }
        double beyond = MutualReachability.Squared(coreQ, 0, KdTree.SquaredDistance(qp, t.Point(_knn![q * k + k - 1])), _inverseAlpha2);
        if (bestTo < 0)
        {
            _pointTo[q] = -1;
            if (beyond > _pointLower[q]) _pointLower[q] = beyond; // listed points stay inside q's component
            return;
        }
        _pointBest[q] = best;
        _pointRaw[q] = bestRaw;
        _pointTo[q] = bestTo;
        if (best < beyond) { _pointExact[q] = true; _pointLower[q] = best; }
        LowerComponentBound(c, best);
    }

    private void LowerComponentBound(int c, double w)
    {
        double seen = Volatile.Read(ref _compBest[c]);
        while (w < seen)
        {
            double prev = Interlocked.CompareExchange(ref _compBest[c], w, seen);
            if (prev == seen) break;
            seen = prev;
        }
    }

    /// <summary>Scratch space of one worker.</summary>
    private sealed class BatchBuffers(int dims)
    {
        public readonly int[] Stack = new int[256];
        public readonly int[] Members = new int[64];
        public readonly double[] Best = new double[64];
        public readonly double[] Raw = new double[64];
        public readonly int[] To = new int[64];
        public readonly double[] Lo = new double[dims];
        public readonly double[] Hi = new double[dims];
    }

    /// <summary>
    /// Finds, for each point of a batch (consecutive tree positions of one leaf and one component), its nearest
    /// outside point in mutual reachability, unless its lower bound shows it cannot beat the component's best edge.
    /// </summary>
    private void SearchBatch(int start, int length, BatchBuffers buf)
    {
        var t = _tree;
        int dims = t.Dimensions;
        int c = _comp[start];
        double minCompSeen = Volatile.Read(ref _compBest[c]);
        int m = 0;
        var members = buf.Members;
        for (int q = start; q < start + length; q++)
        {
            if (Math.Max(_core2[q], _pointLower[q]) > minCompSeen) continue; // cannot beat the component's best
            if (m == members.Length) { SearchBatch(q, start + length - q, buf); break; }
            members[m++] = q;
        }
        if (m == 0) return;
        var best = buf.Best; var raw = buf.Raw; var to = buf.To; var lo = buf.Lo; var hi = buf.Hi;
        double minCore = double.PositiveInfinity;
        Array.Fill(lo, double.PositiveInfinity);
        Array.Fill(hi, double.NegativeInfinity);
        for (int i = 0; i < m; i++)
        {
            int q = members[i];
            best[i] = double.PositiveInfinity; raw[i] = double.PositiveInfinity; to[i] = -1;
            _pointTo[q] = -1;
            minCore = Math.Min(minCore, _core2[q]);
            var qp = t.Point(q);
            for (int j = 0; j < dims; j++) { lo[j] = Math.Min(lo[j], qp[j]); hi[j] = Math.Max(hi[j], qp[j]); }
        }
        var stack = buf.Stack;
        int sp = 0;
        stack[sp++] = 0;
        while (sp > 0)
        {
            int node = stack[--sp];
            if (_nodeComp[node] == c) continue;
            double cb = Volatile.Read(ref _compBest[c]);
            if (cb < minCompSeen) minCompSeen = cb;
            double maxBound = 0;
            for (int i = 0; i < m; i++) maxBound = Math.Max(maxBound, Math.Min(best[i], cb));
            double lb = MutualReachability.Squared(minCore, _nodeMinCore2[node], BoxToBox(lo, hi, node), _inverseAlpha2);
            if (lb > maxBound) continue;
            int left = t.Left[node];
            if (left < 0)
            {
                for (int p = t.Start[node]; p < t.End[node]; p++)
                {
                    if (_comp[p] == c) continue;
                    double coreP = _core2[p];
                    var pp = t.Point(p);
                    int pi = t.Index[p];
                    for (int i = 0; i < m; i++)
                    {
                        int q = members[i];
                        double bound = Math.Min(best[i], cb);
                        double coreQ = _core2[q];
                        if ((coreP > coreQ ? coreP : coreQ) > bound) continue;
                        double r = KdTree.SquaredDistance(t.Point(q), pp);
                        double w = MutualReachability.Squared(coreQ, coreP, r, _inverseAlpha2);
                        if (w > bound) continue;
                        if (to[i] < 0 || MstEdge.Compare(w, r, t.Index[q], pi, best[i], raw[i], t.Index[q], t.Index[to[i]]) < 0)
                        {
                            best[i] = w; raw[i] = r; to[i] = p;
                        }
                    }
                }
            }
            else
            {
                double dl = BoxToBox(lo, hi, left), dr = BoxToBox(lo, hi, left + 1);
                if (dl <= dr) { stack[sp++] = left + 1; stack[sp++] = left; }
                else { stack[sp++] = left; stack[sp++] = left + 1; }
            }
        }
        for (int i = 0; i < m; i++)
        {
            int q = members[i];
            // Nothing lighter than min(best, smallest bound used) was pruned, and outside points only get fewer.
            double learned = Math.Min(best[i], minCompSeen);
            if (learned > _pointLower[q]) _pointLower[q] = learned;
            if (to[i] < 0) continue;
            _pointBest[q] = best[i];
            _pointRaw[q] = raw[i];
            _pointTo[q] = to[i];
            _pointExact[q] = best[i] <= minCompSeen;
            LowerComponentBound(c, best[i]);
        }
    }

    /// <summary>Squared distance between the box [lo, hi] and the box of <paramref name="node"/>.</summary>
    private double BoxToBox(double[] lo, double[] hi, int node)
    {
        var t = _tree;
        int dims = t.Dimensions, o = node * dims;
        double s = 0;
        for (int j = 0; j < dims; j++)
        {
            double a = lo[j] - t.Hi[o + j], b = t.Lo[o + j] - hi[j];
            double g = a > b ? a : b;
            if (g > 0) s += g * g;
        }
        return s;
    }
}

/// <summary>Union-find with path halving and union by size.</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public UnionFind(int n)
    {
        _parent = new int[n];
        _size = new int[n];
        for (int i = 0; i < n; i++) { _parent[i] = i; _size[i] = 1; }
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }
        return x;
    }

    public void Union(int a, int b)
    {
        a = Find(a); b = Find(b);
        if (a == b) return;
        if (_size[a] < _size[b]) (a, b) = (b, a);
        _parent[b] = a;
        _size[a] += _size[b];
    }
}
