using System.Runtime.CompilerServices;

namespace BERTopicNet.Hdbscan;

/// <summary>
/// A k-d tree over points held in double precision, in tree order (points of a node are contiguous), with
/// axis-aligned bounding boxes per node. Distances are Euclidean, summed dimension by dimension in double
/// precision (the order scikit-learn's KDTree uses), so equal inputs give bit-identical distances. The fast
/// single-point k-NN query behind prediction; the fit uses <see cref="SklearnKdTree"/>, whose layout and tie order
/// follow scikit-learn's.
/// </summary>
internal sealed class KdTree
{
    /// <summary>Number of points.</summary>
    public readonly int Count;

    /// <summary>Number of dimensions.</summary>
    public readonly int Dimensions;

    /// <summary>Coordinates in tree order: row <c>i</c> is the point <c>Index[i]</c> of the input.</summary>
    public readonly double[] Data;

    /// <summary>Input index of the point at each tree position.</summary>
    public readonly int[] Index;

    /// <summary>First tree position of each node.</summary>
    public readonly int[] Start;

    /// <summary>One past the last tree position of each node.</summary>
    public readonly int[] End;

    /// <summary>Left child of each node, or -1 for a leaf (the right child is <c>Left + 1</c>).</summary>
    public readonly int[] Left;

    /// <summary>Lower corner of each node's box (node * Dimensions + dim).</summary>
    public readonly double[] Lo;

    /// <summary>Upper corner of each node's box.</summary>
    public readonly double[] Hi;

    /// <summary>Number of nodes.</summary>
    public int NodeCount => Start.Length;

    private KdTree(int count, int dims, double[] data, int[] index, List<(int s, int e, int left)> nodes)
    {
        Count = count;
        Dimensions = dims;
        Data = data;
        Index = index;
        Start = new int[nodes.Count];
        End = new int[nodes.Count];
        Left = new int[nodes.Count];
        Lo = new double[nodes.Count * dims];
        Hi = new double[nodes.Count * dims];
        for (int i = 0; i < nodes.Count; i++) (Start[i], End[i], Left[i]) = nodes[i];
        for (int node = nodes.Count - 1; node >= 0; node--)
        {
            var lo = Lo.AsSpan(node * dims, dims);
            var hi = Hi.AsSpan(node * dims, dims);
            if (Left[node] < 0)
            {
                lo.Fill(double.PositiveInfinity);
                hi.Fill(double.NegativeInfinity);
                for (int p = Start[node]; p < End[node]; p++)
                    for (int j = 0; j < dims; j++)
                    {
                        double v = data[p * dims + j];
                        if (v < lo[j]) lo[j] = v;
                        if (v > hi[j]) hi[j] = v;
                    }
            }
            else
            {
                int a = Left[node], b = a + 1;
                for (int j = 0; j < dims; j++)
                {
                    lo[j] = Math.Min(Lo[a * dims + j], Lo[b * dims + j]);
                    hi[j] = Math.Max(Hi[a * dims + j], Hi[b * dims + j]);
                }
            }
        }
    }

    /// <summary>Builds a tree over the rows of <paramref name="points"/> (n × d, row-major).</summary>
    public static KdTree Build(ReadOnlySpan<double> points, int n, int d, int leafSize = 16)
    {
        var index = new int[n];
        for (int i = 0; i < n; i++) index[i] = i;
        var nodes = new List<(int s, int e, int left)>();
        var keys = new double[n];
        var src = points.ToArray();
        // Breadth-first construction so that a node's two children are adjacent (Left, Left + 1).
        nodes.Add((0, n, -1));
        for (int node = 0; node < nodes.Count; node++)
        {
            var (s, e, _) = nodes[node];
            if (e - s <= leafSize) continue;
            int bestDim = 0;
            double bestSpread = -1;
            for (int j = 0; j < d; j++)
            {
                double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
                for (int p = s; p < e; p++)
                {
                    double v = src[index[p] * d + j];
                    if (v < lo) lo = v;
                    if (v > hi) hi = v;
                }
                if (hi - lo > bestSpread) { bestSpread = hi - lo; bestDim = j; }
            }
            if (bestSpread <= 0) continue; // all points equal: keep as a leaf
            for (int p = s; p < e; p++) keys[p] = src[index[p] * d + bestDim];
            Array.Sort(keys, index, s, e - s);
            int mid = s + (e - s) / 2;
            int left = nodes.Count;
            nodes[node] = (s, e, left);
            nodes.Add((s, mid, -1));
            nodes.Add((mid, e, -1));
        }
        var data = new double[n * d];
        for (int p = 0; p < n; p++)
            src.AsSpan(index[p] * d, d).CopyTo(data.AsSpan(p * d, d));
        return new KdTree(n, d, data, index, nodes);
    }

    /// <summary>Squared Euclidean distance, summed in dimension order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double t = a[j] - b[j];
            s += t * t;
        }
        return s;
    }

    /// <summary>Squared distance from <paramref name="q"/> to the box of <paramref name="node"/> (0 inside).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double SquaredDistanceToBox(ReadOnlySpan<double> q, int node)
    {
        int o = node * Dimensions;
        double s = 0;
        for (int j = 0; j < q.Length; j++)
        {
            double v = q[j], lo = Lo[o + j], hi = Hi[o + j];
            double t = v < lo ? lo - v : v > hi ? v - hi : 0;
            s += t * t;
        }
        return s;
    }

    /// <summary>The point at tree position <paramref name="pos"/>.</summary>
    public ReadOnlySpan<double> Point(int pos) => Data.AsSpan(pos * Dimensions, Dimensions);

    /// <summary>
    /// The <paramref name="k"/> nearest points to <paramref name="q"/>, nearest first, as tree positions and
    /// Euclidean distances. Equal distances are ordered by input index.
    /// </summary>
    public void Query(ReadOnlySpan<double> q, int k, Span<int> positions, Span<double> distances)
    {
        // Max-heap of the k best (squared distance, input index), worst at the top.
        Span<double> hd = distances[..k];
        Span<int> hp = positions[..k];
        hd.Fill(double.PositiveInfinity);
        hp.Fill(-1);
        Span<int> stack = stackalloc int[128];
        Span<double> stackDist = stackalloc double[128];
        int sp = 0;
        stack[sp] = 0; stackDist[sp++] = 0;
        while (sp > 0)
        {
            sp--;
            int node = stack[sp];
            if (stackDist[sp] > hd[0]) continue;
            int left = Left[node];
            if (left < 0)
            {
                for (int p = Start[node]; p < End[node]; p++)
                {
                    double d2 = SquaredDistance(q, Point(p));
                    if (d2 > hd[0]) continue;
                    if (d2 == hd[0] && hp[0] >= 0 && Index[p] > Index[hp[0]]) continue;
                    Replace(hd, hp, d2, p);
                }
            }
            else
            {
                double dl = SquaredDistanceToBox(q, left), dr = SquaredDistanceToBox(q, left + 1);
                if (dl <= dr)
                {
                    if (dr <= hd[0]) { stack[sp] = left + 1; stackDist[sp++] = dr; }
                    if (dl <= hd[0]) { stack[sp] = left; stackDist[sp++] = dl; }
                }
                else
                {
                    if (dl <= hd[0]) { stack[sp] = left; stackDist[sp++] = dl; }
                    if (dr <= hd[0]) { stack[sp] = left + 1; stackDist[sp++] = dr; }
                }
            }
        }
        // Heap-sort into ascending order.
        for (int end = k - 1; end > 0; end--)
        {
            (hd[0], hd[end]) = (hd[end], hd[0]);
            (hp[0], hp[end]) = (hp[end], hp[0]);
            SiftDown(hd, hp, 0, end);
        }
        for (int i = 0; i < k; i++) distances[i] = Math.Sqrt(hd[i]);
    }

    private bool Worse(double da, int pa, double db, int pb)
    {
        if (da != db) return da > db;
        int ia = pa < 0 ? int.MaxValue : Index[pa], ib = pb < 0 ? int.MaxValue : Index[pb];
        return ia > ib;
    }

    private void Replace(Span<double> hd, Span<int> hp, double d2, int p)
    {
        hd[0] = d2; hp[0] = p;
        SiftDown(hd, hp, 0, hd.Length);
    }

    private void SiftDown(Span<double> hd, Span<int> hp, int i, int n)
    {
        while (true)
        {
            int l = 2 * i + 1, r = l + 1, m = i;
            if (l < n && Worse(hd[l], hp[l], hd[m], hp[m])) m = l;
            if (r < n && Worse(hd[r], hp[r], hd[m], hp[m])) m = r;
            if (m == i) return;
            (hd[i], hd[m]) = (hd[m], hd[i]);
            (hp[i], hp[m]) = (hp[m], hp[i]);
            i = m;
        }
    }
}
