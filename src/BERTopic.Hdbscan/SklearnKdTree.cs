namespace BERTopicNet.Hdbscan;

/// <summary>
/// The k-d tree of scikit-learn's <c>KDTree</c> (1.2), node for node: a complete binary tree stored as an array
/// (children of node <c>i</c> are <c>2i+1</c> and <c>2i+2</c>) with <c>2^levels - 1</c> nodes, levels =
/// 1 + ⌊log2(max(1, (N - 1) / leafSize))⌋; each node splits at its middle position along the dimension of largest
/// spread (the first one on ties), partitioning its index range with libstdc++'s <c>nth_element</c> on
/// (coordinate, index). The index order inside leaves, which decides the order hdbscan's Borůvka visits points in,
/// is therefore the same as Python's.
/// </summary>
internal sealed class SklearnKdTree
{
    /// <summary>Number of points.</summary>
    public readonly int Count;

    /// <summary>Number of dimensions.</summary>
    public readonly int Dimensions;

    /// <summary>Coordinates in input order (row-major).</summary>
    public readonly double[] Data;

    /// <summary>Input indices in tree order (scikit-learn's <c>idx_array</c>).</summary>
    public readonly int[] Index;

    /// <summary>First position in <see cref="Index"/> of each node.</summary>
    public readonly int[] Start;

    /// <summary>One past the last position of each node.</summary>
    public readonly int[] End;

    /// <summary>Whether each node is a leaf.</summary>
    public readonly bool[] IsLeaf;

    /// <summary>Half the diagonal of each node's bounding box (scikit-learn's node radius).</summary>
    public readonly double[] Radius;

    /// <summary>Lower corner of each node's bounding box (node * Dimensions + dim).</summary>
    public readonly double[] Lower;

    /// <summary>Upper corner of each node's bounding box.</summary>
    public readonly double[] Upper;

    /// <summary>Number of nodes.</summary>
    public int NodeCount => Start.Length;

    /// <summary>The leaf size the tree was built with.</summary>
    public readonly int LeafSize;

    /// <summary>Builds the tree over <paramref name="n"/> × <paramref name="d"/> row-major points.</summary>
    public SklearnKdTree(double[] data, int n, int d, int leafSize)
    {
        if (leafSize < 1) throw new ArgumentOutOfRangeException(nameof(leafSize), leafSize, "leafSize must be at least 1.");
        Count = n;
        Dimensions = d;
        LeafSize = leafSize;
        Data = data;
        Index = new int[n];
        for (int i = 0; i < n; i++) Index[i] = i;
        int levels = (int)(Math.Log2(Math.Max(1.0, (n - 1) / (double)leafSize)) + 1);
        int nodes = (1 << levels) - 1;
        Start = new int[nodes];
        End = new int[nodes];
        IsLeaf = new bool[nodes];
        Radius = new double[nodes];
        Lower = new double[nodes * d];
        Upper = new double[nodes * d];
        if (n > 0) Build(0, 0, n);
    }

    private void Build(int node, int start, int end)
    {
        InitNode(node, start, end);
        int count = end - start;
        if (2 * node + 1 >= NodeCount || count < 2)
        {
            IsLeaf[node] = true;
            return;
        }
        int dim = SplitDimension(start, end);
        int mid = count / 2;
        var data = Data;
        int d = Dimensions;
        IntroSelect.NthElement(Index.AsSpan(start, count), mid, (a, b) =>
        {
            double va = data[a * d + dim], vb = data[b * d + dim];
            return va == vb ? a < b : va < vb;
        });
        Build(2 * node + 1, start, start + mid);
        Build(2 * node + 2, start + mid, end);
    }

    private void InitNode(int node, int start, int end)
    {
        int d = Dimensions;
        var lo = Lower.AsSpan(node * d, d);
        var hi = Upper.AsSpan(node * d, d);
        lo.Fill(double.PositiveInfinity);
        hi.Fill(double.NegativeInfinity);
        for (int i = start; i < end; i++)
        {
            var row = Data.AsSpan(Index[i] * d, d);
            for (int j = 0; j < d; j++)
            {
                lo[j] = Math.Min(lo[j], row[j]);
                hi[j] = Math.Max(hi[j], row[j]);
            }
        }
        double rad = 0;
        for (int j = 0; j < d; j++)
        {
            rad += Math.Pow(0.5 * Math.Abs(hi[j] - lo[j]), 2.0);
        }
        Start[node] = start;
        End[node] = end;
        Radius[node] = Math.Pow(rad, 0.5); // C's pow, as scikit-learn calls it (not always equal to sqrt)
    }

    private int SplitDimension(int start, int end)
    {
        int d = Dimensions, best = 0;
        double bestSpread = 0;
        for (int j = 0; j < d; j++)
        {
            double max = Data[Index[start] * d + j], min = max;
            for (int i = start + 1; i < end; i++)
            {
                double v = Data[Index[i] * d + j];
                max = Math.Max(max, v);
                min = Math.Min(min, v);
            }
            if (max - min > bestSpread) { bestSpread = max - min; best = j; }
        }
        return best;
    }
}
