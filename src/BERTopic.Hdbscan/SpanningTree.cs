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
/// hdbscan's <c>prims_kdtree</c> spanning tree (<c>mst_linkage_core_vector</c>), which hdbscan 0.8 uses instead of
/// Borůvka for inputs of more than 60 dimensions: Prim's algorithm from point 0 on the implicit dense
/// mutual-reachability graph, O(N²·d) time and O(N) memory. It reproduces hdbscan's arithmetic and tie behaviour: each
/// distance is the square root of the dimension-by-dimension sum of squares, divided by alpha when alpha is not 1; a
/// point's best-known distance and its source are replaced only when the new value is strictly smaller (checked as
/// hdbscan does, against the core distances first); the next point is the lowest index with the strictly smallest
/// best-known distance; each edge is (source of that distance, new point). The inner scan may run on several threads:
/// per-block minima combined in block order give the same point as one scan. Tests also hold the weights of the
/// Borůvka tree against it (with ties, the edges of a minimum spanning tree are not unique, but their weights are).
/// </summary>
internal static class PrimMst
{
    /// <summary>Below this much work per step (points left × dimensions) the scan stays on one thread.</summary>
    private const long ParallelWork = 1 << 16;

    /// <param name="points">N × d row-major coordinates.</param>
    /// <param name="n">Number of points.</param>
    /// <param name="d">Number of dimensions.</param>
    /// <param name="core">Core distance of each point (not squared).</param>
    /// <param name="alpha">Robust single linkage's distance scaling.</param>
    /// <param name="threads">Threads for the inner scan.</param>
    /// <param name="progress">Receives the fraction done.</param>
    /// <param name="ct">Cancels the work.</param>
    /// <param name="parallelWork">Below this much work per step (points × dimensions) the scan stays on one thread.</param>
    /// <returns>The N − 1 edges in the order hdbscan emits them (weight = mutual reachability distance).</returns>
    public static MstEdge[] Compute(double[] points, int n, int d, double[] core, double alpha, int threads = 1, IProgress<double>? progress = null, CancellationToken ct = default, long parallelWork = ParallelWork)
    {
        var edges = new MstEdge[Math.Max(n - 1, 0)];
        if (n <= 1) return edges;
        var inTree = new bool[n];
        var best = new double[n];
        var source = new int[n];
        best.AsSpan().Fill(double.PositiveInfinity);
        source.AsSpan().Fill(1); // hdbscan starts its sources at 1; they are always overwritten before use with finite data
        int blocks = Math.Max(1, threads);
        var blockValue = new double[blocks];
        var blockNode = new int[blocks];
        var blockSource = new int[blocks];
        int current = 0;
        for (int e = 0; e < n - 1; e++)
        {
            if ((e & 63) == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report((double)e / (n - 1));
            }
            inTree[current] = true;
            int c = current;
            int used = (long)(n - e) * d >= parallelWork ? blocks : 1;
            int per = (n + used - 1) / used;
            if (used == 1)
                blockValue[0] = Scan(points, d, core, alpha, inTree, best, source, c, 0, n, out blockNode[0], out blockSource[0]);
            else
                Parallel.For(0, used, new ParallelOptions { MaxDegreeOfParallelism = used }, b =>
                {
                    int lo = b * per, hi = Math.Min(n, lo + per);
                    blockValue[b] = Scan(points, d, core, alpha, inTree, best, source, c, lo, hi, out blockNode[b], out blockSource[b]);
                });
            // The first block holding the strictly smallest value: the point one ascending scan would pick.
            double value = double.MaxValue;
            int node = 0, from = 0;
            for (int b = 0; b < used; b++)
                if (blockNode[b] >= 0 && blockValue[b] < value) { value = blockValue[b]; node = blockNode[b]; from = blockSource[b]; }
            edges[e] = new MstEdge(from, node, value * value);
            current = node;
        }
        progress?.Report(1);
        return edges;
    }

    /// <summary>One step of hdbscan's scan over points [lo, hi): updates the best-known distances from
    /// <paramref name="current"/> and returns the smallest one (lowest index on ties; node -1 when none is below
    /// <see cref="double.MaxValue"/>).</summary>
    private static double Scan(double[] points, int d, double[] core, double alpha, bool[] inTree, double[] best, int[] source,
        int current, int lo, int hi, out int node, out int from)
    {
        var cp = points.AsSpan(current * d, d);
        double currentCore = core[current];
        double value = double.MaxValue;
        node = -1; from = 0;
        for (int j = lo; j < hi; j++)
        {
            if (inTree[j]) continue;
            double right = best[j];
            int rightSource = source[j];
            double left = Math.Sqrt(KdTree.SquaredDistance(cp, points.AsSpan(j * d, d)));
            if (alpha != 1.0) left /= alpha;
            double coreJ = core[j];
            if (currentCore > right || coreJ > right || left > right)
            {
                if (right < value) { value = right; node = j; from = rightSource; }
                continue;
            }
            if (coreJ > currentCore)
            {
                if (coreJ > left) left = coreJ;
            }
            else if (currentCore > left)
            {
                left = currentCore;
            }
            if (left < right)
            {
                best[j] = left;
                source[j] = current;
                if (left < value) { value = left; node = j; from = current; }
            }
            else if (right < value)
            {
                value = right; node = j; from = rightSource;
            }
        }
        return value;
    }
}
