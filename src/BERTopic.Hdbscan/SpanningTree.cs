namespace BERTopicNet.Hdbscan;

/// <summary>An edge of the mutual-reachability minimum spanning tree, between input points.</summary>
/// <param name="A">The point whose component chose the edge.</param>
/// <param name="B">The other end.</param>
/// <param name="Squared">The squared mutual reachability distance (the ordering key).</param>
/// <param name="Raw">The squared Euclidean distance (breaks ties of <paramref name="Squared"/>).</param>
internal readonly record struct MstEdge(int A, int B, double Squared, double Raw)
{
    /// <summary>The mutual reachability distance.</summary>
    public double Weight => Math.Sqrt(Squared);

    /// <summary>
    /// The total order that makes the minimum spanning tree unique: weight, then the plain distance (mutual
    /// reachability ties are common: many edges weigh a point's core distance; the nearer neighbour goes first, as
    /// in hdbscan's k-NN seeded Borůvka), then the smaller endpoint, then the larger one. Borůvka and Prim both
    /// return the one tree that Kruskal's algorithm builds in this order.
    /// </summary>
    public static int Compare(double w1, double r1, int a1, int b1, double w2, double r2, int a2, int b2)
    {
        int c = w1.CompareTo(w2);
        if (c != 0) return c;
        c = r1.CompareTo(r2);
        if (c != 0) return c;
        int lo1 = Math.Min(a1, b1), lo2 = Math.Min(a2, b2);
        if (lo1 != lo2) return lo1.CompareTo(lo2);
        return Math.Max(a1, b1).CompareTo(Math.Max(a2, b2));
    }

    /// <summary>Compares two edges in the total order of <see cref="Compare(double,double,int,int,double,double,int,int)"/>.</summary>
    public static int Compare(MstEdge x, MstEdge y) => Compare(x.Squared, x.Raw, x.A, x.B, y.Squared, y.Raw, y.A, y.B);
}

/// <summary>Mutual reachability: max(core(a), core(b), distance(a, b) / alpha), all in squared form.</summary>
internal static class MutualReachability
{
    /// <summary>Squared mutual reachability from squared core distances and a squared Euclidean distance.</summary>
    public static double Squared(double coreA2, double coreB2, double dist2, double inverseAlpha2)
    {
        double d = inverseAlpha2 == 1.0 ? dist2 : dist2 * inverseAlpha2;
        double m = coreA2 > coreB2 ? coreA2 : coreB2;
        return d > m ? d : m;
    }
}

/// <summary>
/// Prim's algorithm on the implicit dense mutual-reachability graph: O(N²) time, O(N) memory. The simple,
/// obviously-correct baseline that tests hold the Borůvka tree against.
/// </summary>
internal static class PrimMst
{
    public static MstEdge[] Compute(ReadOnlySpan<double> points, int n, int d, double[] core, double alpha)
    {
        var edges = new MstEdge[Math.Max(n - 1, 0)];
        if (n <= 1) return edges;
        double ia2 = 1.0 / (alpha * alpha);
        var inTree = new bool[n];
        var best = new double[n];
        var raw = new double[n];
        var from = new int[n];
        best.AsSpan().Fill(double.PositiveInfinity);
        from.AsSpan().Fill(-1);
        int current = 0;
        inTree[0] = true;
        for (int e = 0; e < n - 1; e++)
        {
            var cp = points.Slice(current * d, d);
            double cc = core[current] * core[current];
            int next = -1;
            for (int v = 0; v < n; v++)
            {
                if (inTree[v]) continue;
                double r = KdTree.SquaredDistance(cp, points.Slice(v * d, d));
                double w = MutualReachability.Squared(cc, core[v] * core[v], r, ia2);
                if (from[v] < 0 || MstEdge.Compare(w, r, current, v, best[v], raw[v], from[v], v) < 0) { best[v] = w; raw[v] = r; from[v] = current; }
                if (next < 0 || MstEdge.Compare(best[v], raw[v], from[v], v, best[next], raw[next], from[next], next) < 0) next = v;
            }
            edges[e] = new MstEdge(from[next], next, best[next], raw[next]);
            inTree[next] = true;
            current = next;
        }
        return edges;
    }
}
