namespace BERTopicNet.Hdbscan;

/// <summary>An edge of the mutual-reachability minimum spanning tree, between input points.</summary>
/// <param name="A">The point whose component chose the edge (hdbscan's "source").</param>
/// <param name="B">The other end (hdbscan's "sink").</param>
/// <param name="Squared">The squared mutual reachability distance.</param>
internal readonly record struct MstEdge(int A, int B, double Squared)
{
    /// <summary>The mutual reachability distance.</summary>
    public double Weight => Math.Sqrt(Squared);
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
/// obviously-correct baseline that tests hold the Borůvka tree's weights against (with ties, the edges of a minimum
/// spanning tree are not unique, but the multiset of their weights is).
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
                double w = MutualReachability.Squared(cc, core[v] * core[v], KdTree.SquaredDistance(cp, points.Slice(v * d, d)), ia2);
                if (w < best[v]) { best[v] = w; from[v] = current; }
                if (next < 0 || best[v] < best[next]) next = v;
            }
            edges[e] = new MstEdge(from[next], next, best[next]);
            inTree[next] = true;
            current = next;
        }
        return edges;
    }
}
