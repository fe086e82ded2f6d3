namespace BERTopicNet.Hdbscan;

/// <summary>
/// Exact minimum spanning tree of the mutual-reachability graph by Borůvka's algorithm over a k-d tree.
/// Each round, every point looks for its nearest point (in mutual reachability) outside its component; the
/// search prunes boxes that lie in the point's own component or cannot beat the component's best edge so far.
/// A point's exact nearest outside neighbour stays valid in later rounds until that neighbour joins the
/// point's component, so only those points search again. Ties are broken by <see cref="MstEdge.Compare(MstEdge, MstEdge)"/>,
/// which makes the tree independent of thread count and timing.
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
    private readonly double[] _pointLower;       // lower bound on the point's nearest outside neighbour (only grows)
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
            // Search the remaining points in increasing order of their lower bound: those close to another component
            // find the component's best edge early, and its weight then lets most of the others skip.
            int pending = 0;
            for (int q = 0; q < n; q++) if (!_pointExact[q]) { order[pending] = q; keys[pending++] = _pointLower[q]; }
            Array.Sort(keys, order, 0, pending);
            int sc = Math.Max(64, pending / (_threads * 16) + 1), searchChunks = (pending + sc - 1) / sc;
            Parallel.For(0, searchChunks, po, ci =>
            {
                int end = Math.Min(pending, (ci + 1) * sc);
                Span<int> stack = stackalloc int[256];
                for (int i = ci * sc; i < end; i++) Search(order[i], stack);
            });
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

    private void Search(int q, Span<int> stack)
    {
        var t = _tree;
        int c = _comp[q];
        double coreQ = _core2[q];
        double minCompSeen = Volatile.Read(ref _compBest[c]);
        // Every edge from q weighs at least its core distance (and, with neighbour lists, at least the bound
        // beyond its k-th neighbour when none of the listed ones is outside); skip when that cannot beat the
        // component's best. A candidate already found among the neighbours stays.
        double floor = Math.Max(coreQ, _pointLower[q]);
        if (floor > minCompSeen) return;
        _pointTo[q] = -1;
        var qp = t.Point(q);
        int qi = t.Index[q];
        double best = double.PositiveInfinity, bestRaw = double.PositiveInfinity;
        int bestTo = -1;
        int sp = 0;
        stack[sp++] = 0;
        while (sp > 0)
        {
            int node = stack[--sp];
            if (_nodeComp[node] == c) continue;
            double cb = Volatile.Read(ref _compBest[c]);
            if (cb < minCompSeen) minCompSeen = cb;
            double bound = Math.Min(best, cb);
            double lb = MutualReachability.Squared(coreQ, _nodeMinCore2[node], t.SquaredDistanceToBox(qp, node), _inverseAlpha2);
            if (lb > bound) continue;
            int left = t.Left[node];
            if (left < 0)
            {
                for (int p = t.Start[node]; p < t.End[node]; p++)
                {
                    if (_comp[p] == c) continue;
                    double w = _core2[p] > coreQ ? _core2[p] : coreQ;
                    if (w > bound) continue;
                    double r = KdTree.SquaredDistance(qp, t.Point(p));
                    w = MutualReachability.Squared(coreQ, _core2[p], r, _inverseAlpha2);
                    if (w > bound) continue;
                    if (bestTo < 0 || MstEdge.Compare(w, r, qi, t.Index[p], best, bestRaw, qi, t.Index[bestTo]) < 0)
                    {
                        best = w; bestRaw = r; bestTo = p;
                        if (w < bound) bound = w;
                    }
                }
            }
            else
            {
                // Visit the nearer child first: push it last.
                double dl = t.SquaredDistanceToBox(qp, left), dr = t.SquaredDistanceToBox(qp, left + 1);
                if (dl <= dr) { stack[sp++] = left + 1; stack[sp++] = left; }
                else { stack[sp++] = left; stack[sp++] = left + 1; }
            }
        }
        // Nothing lighter than min(best, smallest bound used) was pruned, and outside points only get fewer.
        double learned = Math.Min(best, minCompSeen);
        if (learned > _pointLower[q]) _pointLower[q] = learned;
        if (bestTo < 0) return;
        _pointBest[q] = best;
        _pointRaw[q] = bestRaw;
        _pointTo[q] = bestTo;
        _pointExact[q] = best <= minCompSeen;
        LowerComponentBound(c, best);
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
