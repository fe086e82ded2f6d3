namespace BERTopicNet.Hdbscan;

/// <summary>
/// The condensed cluster tree (hdbscan's <c>condensed_tree_</c>) as plain arrays, one row per edge: a cluster
/// and a child (a point, id &lt; N, or a cluster, id &gt;= N) that leaves it at <see cref="Lambda"/> = 1 / distance,
/// with the child's size. The root cluster has id N; child clusters have larger ids than their parents.
/// </summary>
public sealed class CondensedTree
{
    /// <summary>Parent cluster id of each row.</summary>
    public required int[] Parent { get; init; }

    /// <summary>Child of each row: a point index (&lt; <see cref="PointCount"/>) or a cluster id.</summary>
    public required int[] Child { get; init; }

    /// <summary>1 / distance at which the child leaves the parent (infinity for distance 0).</summary>
    public required double[] Lambda { get; init; }

    /// <summary>Number of points in the child (1 for a point).</summary>
    public required int[] ChildSize { get; init; }

    /// <summary>Number of input points; also the id of the root cluster.</summary>
    public required int PointCount { get; init; }

    /// <summary>Number of rows.</summary>
    public int Count => Parent.Length;

    /// <summary>One past the largest cluster id (at least <see cref="PointCount"/> + 1).</summary>
    public int ClusterIdLimit
    {
        get
        {
            int m = PointCount;
            foreach (var p in Parent) if (p > m) m = p;
            foreach (var c in Child) if (c > m) m = c;
            return m + 1;
        }
    }

    /// <summary>
    /// Condenses a single-linkage tree (hdbscan's <c>condense_tree</c>): walking down from the root, a split where
    /// both sides hold at least <paramref name="minClusterSize"/> points makes two new clusters; otherwise the
    /// points of the small side fall out of the current cluster at that lambda. Cluster ids follow the
    /// breadth-first order of the dendrogram, as in hdbscan.
    /// </summary>
    internal static CondensedTree Condense(SingleLinkageTree slt, int minClusterSize)
    {
        int n = slt.PointCount;
        var parent = new List<int>(n + 16);
        var child = new List<int>(n + 16);
        var lambda = new List<double>(n + 16);
        var size = new List<int>(n + 16);
        if (n == 1)
        {
            // A single point: it falls out of the root at lambda 0 (no merges exist).
            return new CondensedTree { Parent = [1], Child = [0], Lambda = [0.0], ChildSize = [1], PointCount = 1 };
        }
        int root = 2 * n - 2;
        var relabel = new int[2 * n - 1];
        relabel[root] = n;
        int nextLabel = n + 1;
        var queue = new Queue<int>();
        queue.Enqueue(root);
        var sub = new Queue<int>();
        int Count(int node) => node < n ? 1 : slt.Size[node - n];
        void EmitPoints(int start, int label, double lam)
        {
            sub.Clear();
            sub.Enqueue(start);
            while (sub.Count > 0)
            {
                int x = sub.Dequeue();
                if (x < n) { parent.Add(label); child.Add(x); lambda.Add(lam); size.Add(1); }
                else { sub.Enqueue(slt.Left[x - n]); sub.Enqueue(slt.Right[x - n]); }
            }
        }
        while (queue.Count > 0)
        {
            int node = queue.Dequeue();
            if (node < n) continue;
            int i = node - n;
            int left = slt.Left[i], right = slt.Right[i];
            double d = slt.Distance[i];
            double lam = d > 0.0 ? 1.0 / d : double.PositiveInfinity;
            int lc = Count(left), rc = Count(right);
            int label = relabel[node];
            if (lc >= minClusterSize && rc >= minClusterSize)
            {
                relabel[left] = nextLabel++;
                parent.Add(label); child.Add(relabel[left]); lambda.Add(lam); size.Add(lc);
                relabel[right] = nextLabel++;
                parent.Add(label); child.Add(relabel[right]); lambda.Add(lam); size.Add(rc);
                queue.Enqueue(left);
                queue.Enqueue(right);
            }
            else if (lc < minClusterSize && rc < minClusterSize)
            {
                EmitPoints(left, label, lam);
                EmitPoints(right, label, lam);
            }
            else if (lc < minClusterSize)
            {
                relabel[right] = label;
                EmitPoints(left, label, lam);
                queue.Enqueue(right);
            }
            else
            {
                relabel[left] = label;
                EmitPoints(right, label, lam);
                queue.Enqueue(left);
            }
        }
        return new CondensedTree { Parent = [.. parent], Child = [.. child], Lambda = [.. lambda], ChildSize = [.. size], PointCount = n };
    }
}
