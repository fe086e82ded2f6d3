namespace BERTopicNet.Hdbscan;

/// <summary>
/// The minimum spanning tree of the mutual-reachability graph exactly as hdbscan 0.8's
/// <c>KDTreeBoruvkaAlgorithm</c> (with <c>approx_min_span_tree=True</c>, its default) emits it: same edges, same
/// endpoints, same order. Equal weights are common (every point whose nearest outside neighbour lies within its core
/// distance links at exactly that distance), and which tied edge is found first decides how tied merges nest in the
/// single-linkage tree; reproducing the emission order (and then NumPy's argsort, see <see cref="Numerics.NumpySort"/>)
/// reproduces hdbscan's clusters exactly rather than up to ties.
/// <para>
/// The algorithm: components start with each point's first k-NN neighbour whose core distance does not exceed its own
/// (an edge at the point's core distance). Then, until one component is left, a dual-tree traversal of the k-d tree
/// against itself finds each component's lightest outgoing edge (strict improvement only, so the first one met wins
/// ties), pruned by node distance against per-node bounds that persist between rounds as long as the number of
/// components changes; the edges are then added component by component in increasing component order. Sequential
/// by nature, so deterministic on any machine.
/// </para>
/// </summary>
internal sealed class HdbscanBoruvka
{
    private readonly SklearnKdTree _tree;
    private readonly double[] _data;
    private readonly int _dims;
    private readonly double[] _core;          // squared core distance per input point
    private readonly double _inverseAlpha2;
    private readonly int[] _componentOfPoint;
    private readonly int[] _componentOfNode;
    private readonly int[] _candidatePoint;
    private readonly int[] _candidateNeighbor;
    private readonly double[] _candidateDistance;
    private readonly double[] _bounds;
    private readonly RankUnionFind _uf;
    private readonly List<MstEdge> _edges;
    private int[] _components;

    private HdbscanBoruvka(SklearnKdTree tree, double[] coreDistance, int[] knn, int k, double alpha)
    {
        _tree = tree;
        _data = tree.Data;
        _dims = tree.Dimensions;
        int n = tree.Count, nodes = tree.NodeCount;
        _inverseAlpha2 = 1.0 / (alpha * alpha);
        _core = new double[n];
        for (int i = 0; i < n; i++) _core[i] = coreDistance[i] * coreDistance[i];
        _componentOfPoint = new int[n];
        _candidatePoint = new int[n];
        _candidateNeighbor = new int[n];
        _candidateDistance = new double[n];
        _componentOfNode = new int[nodes];
        _bounds = new double[nodes];
        _uf = new RankUnionFind(n);
        _edges = new List<MstEdge>(Math.Max(0, n - 1));
        _components = new int[n];
        for (int i = 0; i < n; i++)
        {
            _components[i] = i;
            _componentOfPoint[i] = i;
            _candidatePoint[i] = -1;
            _candidateNeighbor[i] = -1;
            _candidateDistance[i] = double.MaxValue;
        }
        for (int i = 0; i < nodes; i++) _componentOfNode[i] = -(i + 1);
        // Seed each point with its first listed neighbour (after itself) whose core distance is not larger.
        for (int p = 0; p < n; p++)
        {
            for (int i = 1; i < k; i++)
            {
                int m = knn[p * k + i];
                if (_core[m] <= _core[p])
                {
                    _candidatePoint[p] = p;
                    _candidateNeighbor[p] = m;
                    _candidateDistance[p] = _core[p];
                    break;
                }
            }
        }
        UpdateComponents();
        Array.Fill(_bounds, double.MaxValue);
    }

    /// <summary>The N - 1 edges in hdbscan's emission order (endpoints are input indices).</summary>
    /// <param name="tree">scikit-learn's k-d tree over the points (hdbscan uses leaf size 40 / 3 = 13).</param>
    /// <param name="coreDistance">Core distance of each input point.</param>
    /// <param name="knn">Nearest neighbours of each input point, k per row, nearest first, the point itself first.</param>
    /// <param name="k">Neighbours per row of <paramref name="knn"/> (min_samples + 1).</param>
    /// <param name="alpha">Distance scaling of mutual reachability.</param>
    /// <param name="progress">Fraction of edges found.</param>
    /// <param name="ct">Cancels the work between rounds.</param>
    public static MstEdge[] Compute(SklearnKdTree tree, double[] coreDistance, int[] knn, int k, double alpha,
        IProgress<double>? progress, CancellationToken ct)
    {
        var alg = new HdbscanBoruvka(tree, coreDistance, knn, k, alpha);
        int n = tree.Count, stalled = 0;
        while (alg._components.Length > 1)
        {
            ct.ThrowIfCancellationRequested();
            int before = alg._edges.Count;
            alg.Traverse(0, 0, alg.NodeDistance(0, 0));
            alg.UpdateComponents();
            // A round may find nothing when stale bounds prune everything; it then resets them. Two in a row cannot happen.
            stalled = alg._edges.Count == before ? stalled + 1 : 0;
            if (stalled > 1)
                throw new InvalidOperationException("Borůvka made no progress; the input probably holds non-finite values.");
            progress?.Report((double)alg._edges.Count / Math.Max(1, n - 1));
        }
        return alg._edges.ToArray();
    }

    private void UpdateComponents()
    {
        int n = _tree.Count;
        foreach (int component in _components)
        {
            int source = _candidatePoint[component], sink = _candidateNeighbor[component];
            if (source == -1 || sink == -1) continue;
            if (_uf.Find(source) == _uf.Find(sink))
            {
                _candidatePoint[component] = -1;
                _candidateNeighbor[component] = -1;
                _candidateDistance[component] = double.MaxValue;
                continue;
            }
            double w = _candidateDistance[component];
            _edges.Add(new MstEdge(source, sink, w));
            _uf.Union(source, sink);
            _candidateDistance[component] = double.MaxValue;
            if (_edges.Count == n - 1)
            {
                _components = _uf.Components();
                return;
            }
        }
        for (int p = 0; p < n; p++) _componentOfPoint[p] = _uf.Find(p);
        var t = _tree;
        for (int node = t.NodeCount - 1; node >= 0; node--)
        {
            if (t.IsLeaf[node])
            {
                int c = _componentOfPoint[t.Index[t.Start[node]]];
                bool same = true;
                for (int i = t.Start[node] + 1; i < t.End[node]; i++)
                    if (_componentOfPoint[t.Index[i]] != c) { same = false; break; }
                if (same) _componentOfNode[node] = c;
            }
            else if (_componentOfNode[2 * node + 1] == _componentOfNode[2 * node + 2])
                _componentOfNode[node] = _componentOfNode[2 * node + 1];
        }
        int last = _components.Length;
        _components = _uf.Components();
        // approx_min_span_tree: bounds are kept between rounds unless the round merged nothing.
        if (_components.Length == last) Array.Fill(_bounds, double.MaxValue);
    }

    /// <summary>
    /// Squared distance between the boxes of two nodes, as hdbscan computes it: squares through C's <c>pow</c>, which
    /// differs from <c>g * g</c> in the last bit for about one value in a thousand, and a bound that differs by one
    /// bit can flip a pruning decision.
    /// </summary>
    private double NodeDistance(int a, int b)
    {
        var lo = _tree.Lower; var hi = _tree.Upper;
        int d = _dims, oa = a * d, ob = b * d;
        double r = 0;
        for (int j = 0; j < d; j++)
        {
            double d1 = lo[oa + j] - hi[ob + j], d2 = lo[ob + j] - hi[oa + j];
            r += Math.Pow(0.5 * ((d1 + Math.Abs(d1)) + (d2 + Math.Abs(d2))), 2.0);
        }
        return r;
    }

    /// <summary>One step of the dual-tree traversal; <paramref name="nodeDist"/> is <see cref="NodeDistance"/> of the
    /// pair, computed once by the caller (which also orders the children by it).</summary>
    private void Traverse(int node1, int node2, double nodeDist)
    {
        if (!(nodeDist < _bounds[node1])) return;
        if (_componentOfNode[node1] == _componentOfNode[node2] && _componentOfNode[node1] >= 0) return;
        var t = _tree;
        bool leaf1 = t.IsLeaf[node1], leaf2 = t.IsLeaf[node2];
        if (leaf1 && leaf2)
        {
            LeafPair(node1, node2);
        }
        else if (leaf1 || (!leaf2 && t.Radius[node2] > t.Radius[node1]))
        {
            int left = 2 * node2 + 1, right = left + 1;
            double dl = NodeDistance(node1, left), dr = NodeDistance(node1, right);
            if (dl < dr) { Traverse(node1, left, dl); Traverse(node1, right, dr); }
            else { Traverse(node1, right, dr); Traverse(node1, left, dl); }
        }
        else
        {
            int left = 2 * node1 + 1, right = left + 1;
            double dl = NodeDistance(left, node2), dr = NodeDistance(right, node2);
            if (dl < dr) { Traverse(left, node2, dl); Traverse(right, node2, dr); }
            else { Traverse(right, node2, dr); Traverse(left, node2, dl); }
        }
    }

    private void LeafPair(int node1, int node2)
    {
        var t = _tree;
        var idx = t.Index;
        var core = _core;
        var cand = _candidateDistance;
        int d = _dims;
        double upper = 0, lower = double.MaxValue;
        for (int i = t.Start[node1]; i < t.End[node1]; i++)
        {
            int p = idx[i];
            int c1 = _componentOfPoint[p];
            if (core[p] > cand[c1]) continue;
            var pp = _data.AsSpan(p * d, d);
            for (int j = t.Start[node2]; j < t.End[node2]; j++)
            {
                int q = idx[j];
                if (core[q] > cand[c1]) continue;
                if (c1 == _componentOfPoint[q]) continue;
                double r = KdTree.SquaredDistance(pp, _data.AsSpan(q * d, d));
                double mr = MutualReachability.Squared(core[p], core[q], r, _inverseAlpha2);
                if (mr < cand[c1])
                {
                    cand[c1] = mr;
                    _candidateNeighbor[c1] = q;
                    _candidatePoint[c1] = p;
                }
            }
            upper = Math.Max(upper, cand[c1]);
            lower = Math.Min(lower, cand[c1]);
        }
        double bound = Math.Min(upper, lower + 2 * t.Radius[node1]);
        if (bound < _bounds[node1])
        {
            _bounds[node1] = bound;
            int node = node1;
            while (node > 0)
            {
                int parent = (node - 1) / 2;
                double nb = Math.Max(_bounds[2 * parent + 1], _bounds[2 * parent + 2]);
                if (nb < _bounds[parent]) { _bounds[parent] = nb; node = parent; }
                else break;
            }
        }
    }

    /// <summary>hdbscan's Borůvka union-find: union by rank (ties keep the first root), path halving, and the
    /// ascending list of current roots.</summary>
    private sealed class RankUnionFind
    {
        private readonly int[] _parent;
        private readonly byte[] _rank;
        private readonly bool[] _isComponent;

        public RankUnionFind(int n)
        {
            _parent = new int[n];
            _rank = new byte[n];
            _isComponent = new bool[n];
            for (int i = 0; i < n; i++) { _parent[i] = i; _isComponent[i] = true; }
        }

        public int Find(int x)
        {
            int parent = _parent[x];
            while (parent != x)
            {
                int grand = _parent[parent];
                _parent[x] = grand;
                x = parent;
                parent = grand;
            }
            return x;
        }

        public void Union(int x, int y)
        {
            int xr = Find(x), yr = Find(y);
            if (xr == yr) return;
            if (_rank[xr] < _rank[yr]) { _parent[xr] = yr; _isComponent[xr] = false; }
            else if (_rank[xr] > _rank[yr]) { _parent[yr] = xr; _isComponent[yr] = false; }
            else { _rank[xr]++; _parent[yr] = xr; _isComponent[yr] = false; }
        }

        public int[] Components()
        {
            var list = new List<int>();
            for (int i = 0; i < _isComponent.Length; i++) if (_isComponent[i]) list.Add(i);
            return list.ToArray();
        }
    }
}
