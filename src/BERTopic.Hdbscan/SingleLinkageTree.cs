using BERTopicNet.Numerics;

namespace BERTopicNet.Hdbscan;

/// <summary>
/// The single-linkage dendrogram in SciPy's format: merge <c>i</c> creates node <c>N + i</c> from
/// <see cref="Left"/>[i] and <see cref="Right"/>[i] at height <see cref="Distance"/>[i], holding <see cref="Size"/>[i] points.
/// </summary>
internal sealed class SingleLinkageTree
{
    public required int[] Left { get; init; }
    public required int[] Right { get; init; }
    public required double[] Distance { get; init; }
    public required int[] Size { get; init; }

    /// <summary>Number of input points.</summary>
    public int PointCount => Left.Length + 1;

    /// <summary>
    /// Builds the dendrogram as hdbscan's <c>label</c> does: the spanning-tree edges, in the order
    /// <see cref="HdbscanBoruvka"/> emits them, are sorted by weight with NumPy 1.24's (unstable) argsort, which decides
    /// the nesting of tied merges exactly as in Python, then merged with a union-find (the left child is the component
    /// of the edge's first end).
    /// </summary>
    public static SingleLinkageTree FromSpanningTree(MstEdge[] edges, int n)
    {
        var weights = new double[edges.Length];
        for (int i = 0; i < edges.Length; i++) weights[i] = edges[i].Weight;
        var order = NumpySort.ArgQuickSort<double>(weights);
        var sorted = new MstEdge[edges.Length];
        for (int i = 0; i < order.Length; i++) sorted[i] = edges[order[i]];
        return Label(sorted, n);
    }

    private static SingleLinkageTree Label(MstEdge[] sorted, int n)
    {
        int m = Math.Max(n - 1, 0);
        var left = new int[m];
        var right = new int[m];
        var dist = new double[m];
        var size = new int[m];
        var parent = new int[2 * n];
        var count = new int[2 * n];
        for (int i = 0; i < 2 * n; i++) { parent[i] = i; count[i] = i < n ? 1 : 0; }
        int next = n;
        for (int i = 0; i < m; i++)
        {
            var e = sorted[i];
            int a = Find(parent, e.A), b = Find(parent, e.B);
            left[i] = a;
            right[i] = b;
            dist[i] = e.Weight;
            size[i] = count[a] + count[b];
            count[next] = size[i];
            parent[a] = next;
            parent[b] = next;
            next++;
        }
        return new SingleLinkageTree { Left = left, Right = right, Distance = dist, Size = size };
    }

    private static int Find(int[] parent, int x)
    {
        int root = x;
        while (parent[root] != root) root = parent[root];
        while (parent[x] != root) { int nx = parent[x]; parent[x] = root; x = nx; }
        return root;
    }
}
