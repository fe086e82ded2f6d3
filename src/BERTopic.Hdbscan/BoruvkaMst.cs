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
    private readonly int[] _pointTo;
    private readonly bool[] _pointExact;
    private readonly int _threads;

    private BoruvkaMst(KdTree tree, double[] coreByPosition, double alpha, int threads)
    {
        _tree = tree;
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
        _pointTo = new int[n];
        _pointExact = new bool[n];
        _threads = threads;
    }

    /// <summary>The N - 1 edges of the tree, endpoints as input indices.</summary>
    public static MstEdge[] Compute(KdTree tree, double[] coreByPosition, double alpha, int threads, IProgress<double>? progress, CancellationToken ct)
        => new BoruvkaMst(tree, coreByPosition, alpha, threads).Run(progress, ct);

    private MstEdge[] Run(IProgress<double>? progress, CancellationToken ct)
    {
        int n = _tree.Count;
        var edges = new List<MstEdge>(Math.Max(n - 1, 0));
        var uf = new UnionFind(n);
        var bestW = new double[n];
        var bestR = new double[n];
        var bestFrom = new int[n];
        var bestTo = new int[n];
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
                else _pointExact[q] = false;
            }
            Parallel.For(0, chunks, po, ci =>
            {
                int end = Math.Min(n, (ci + 1) * chunk);
                Span<int> stack = stackalloc int[256];
                for (int q = ci * chunk; q < end; q++)
                    if (!_pointExact[q]) Search(q, stack);
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

    private void Search(int q, Span<int> stack)
    {
        var t = _tree;
        int c = _comp[q];
        double coreQ = _core2[q];
        _pointTo[q] = -1;
        double minCompSeen = Volatile.Read(ref _compBest[c]);
        if (coreQ > minCompSeen) return; // every edge from q is heavier than the component's best
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
        if (bestTo < 0) return;
        _pointBest[q] = best;
        _pointRaw[q] = bestRaw;
        _pointTo[q] = bestTo;
        _pointExact[q] = best <= minCompSeen;
        // Lower the component's bound (lock-free minimum).
        double seen = Volatile.Read(ref _compBest[c]);
        while (best < seen)
        {
            double prev = Interlocked.CompareExchange(ref _compBest[c], best, seen);
            if (prev == seen) break;
            seen = prev;
        }
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
