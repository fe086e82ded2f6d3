namespace BERTopicNet.Topics;

/// <summary>
/// Agglomerative clustering with average linkage on a precomputed distance matrix (scikit-learn's
/// <c>AgglomerativeClustering(linkage="average", metric="precomputed")</c>, which builds SciPy's nearest-neighbour
/// chain linkage and cuts it at <c>n_clusters</c>). O(n²) time and memory in the number of topics.
/// </summary>
internal static class AverageLinkage
{
    /// <summary>A cluster id in [0, clusters) per item; clusters are numbered by their smallest item.</summary>
    public static int[] Cluster(double[,] distances, int clusters)
    {
        int n = distances.GetLength(0);
        if (clusters < 1 || clusters > n) throw new ArgumentOutOfRangeException(nameof(clusters), clusters, $"Must lie in [1, {n}].");
        var merges = Linkage(distances);
        // Cutting the tree at k clusters undoes the last k-1 merges: apply the first n-k in distance order.
        var order = Enumerable.Range(0, merges.Count).OrderBy(i => merges[i].Distance).ThenBy(i => i).ToArray();
        var parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        for (int m = 0; m < n - clusters; m++)
        {
            var (a, b, _) = merges[order[m]];
            int ra = Find(a), rb = Find(b);
            if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
        var label = new int[n];
        var ids = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            int root = Find(i);
            if (!ids.TryGetValue(root, out int id)) ids[root] = id = ids.Count;
            label[i] = id;
        }
        return label;
    }

    /// <summary>The merges (item a, item b, distance) of the nearest-neighbour chain algorithm.</summary>
    private static List<(int A, int B, double Distance)> Linkage(double[,] input)
    {
        int n = input.GetLength(0);
        var d = (double[,])input.Clone();
        var size = new int[n];
        Array.Fill(size, 1);
        var merges = new List<(int, int, double)>(Math.Max(0, n - 1));
        var chain = new List<int>();
        for (int k = 0; k < n - 1; k++)
        {
            if (chain.Count == 0)
                for (int i = 0; i < n; i++) if (size[i] > 0) { chain.Add(i); break; }
            int x, y;
            double best;
            while (true)
            {
                x = chain[^1];
                if (chain.Count > 1) { y = chain[^2]; best = d[x, y]; }
                else { y = -1; best = double.PositiveInfinity; }
                for (int i = 0; i < n; i++)
                {
                    if (size[i] == 0 || i == x) continue;
                    if (d[x, i] < best) { best = d[x, i]; y = i; }
                }
                if (chain.Count > 1 && y == chain[^2]) break;
                chain.Add(y);
            }
            chain.RemoveAt(chain.Count - 1);
            chain.RemoveAt(chain.Count - 1);
            if (x > y) (x, y) = (y, x);
            int nx = size[x], ny = size[y];
            merges.Add((x, y, best));
            size[x] = 0;
            size[y] = nx + ny;
            for (int i = 0; i < n; i++)
            {
                if (size[i] == 0 || i == y) continue;
                double v = (nx * d[i, x] + ny * d[i, y]) / (nx + ny);
                d[i, y] = d[y, i] = v;
            }
        }
        return merges;
    }
}
