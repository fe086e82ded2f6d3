namespace BERTopicNet.Hdbscan;

/// <summary>
/// Flat clustering from a condensed tree, following hdbscan's <c>compute_stability</c>, <c>get_clusters</c>,
/// <c>do_labelling</c>, <c>get_probabilities</c>, <c>get_stability_scores</c> and <c>outlier_scores</c>.
/// </summary>
internal sealed class ClusterSelection
{
    /// <summary>Selected cluster ids, ascending; label i is <c>Selected[i]</c>.</summary>
    public required int[] Selected { get; init; }
    public required int[] Labels { get; init; }
    public required double[] Probabilities { get; init; }
    public required double[] Persistence { get; init; }
    public required double[] OutlierScores { get; init; }

    /// <summary>Per-cluster facts of a condensed tree, indexed by cluster id.</summary>
    internal sealed class TreeFacts
    {
        public required int PointCount;
        public required int Limit;             // one past the largest cluster id
        public required int[] ParentOf;        // parent cluster of each cluster (-1 for the root)
        public required double[] Birth;        // lambda at which the cluster appears (0 for the root)
        public required double[] MaxLambda;    // largest lambda among the cluster's own rows (hdbscan's max_lambdas)
        public required int[] Size;            // points in the cluster
        public required int[][] Children;      // child clusters
        public required int[] PointParent;     // cluster each point falls out of
        public required double[] PointLambda;  // lambda at which each point falls out

        public static TreeFacts Of(CondensedTree tree)
        {
            int n = tree.PointCount, limit = tree.ClusterIdLimit;
            var parentOf = new int[limit];
            Array.Fill(parentOf, -1);
            var birth = new double[limit];
            var maxLambda = new double[limit];
            var size = new int[limit];
            var kids = new List<int>?[limit];
            var pointParent = new int[n];
            var pointLambda = new double[n];
            Array.Fill(pointParent, -1);
            for (int r = 0; r < tree.Count; r++)
            {
                int p = tree.Parent[r], c = tree.Child[r];
                double l = tree.Lambda[r];
                if (l > maxLambda[p]) maxLambda[p] = l;
                if (c >= n)
                {
                    parentOf[c] = p;
                    birth[c] = l;
                    size[c] = tree.ChildSize[r];
                    (kids[p] ??= new List<int>(2)).Add(c);
                }
                else
                {
                    pointParent[c] = p;
                    pointLambda[c] = l;
                }
            }
            size[n] = n;
            var children = new int[limit][];
            for (int c = 0; c < limit; c++) children[c] = kids[c]?.ToArray() ?? [];
            return new TreeFacts
            {
                PointCount = n, Limit = limit, ParentOf = parentOf, Birth = birth, MaxLambda = maxLambda, Size = size,
                Children = children, PointParent = pointParent, PointLambda = pointLambda,
            };
        }

        /// <summary>Cluster ids in the subtree of <paramref name="cluster"/>, itself first, breadth first.</summary>
        public List<int> Below(int cluster)
        {
            var result = new List<int> { cluster };
            for (int i = 0; i < result.Count; i++) result.AddRange(Children[result[i]]);
            return result;
        }
    }

    /// <summary>hdbscan's <c>compute_stability</c>: sum over rows of (lambda - birth(parent)) * child size.</summary>
    internal static double[] Stability(CondensedTree tree, TreeFacts f)
    {
        var s = new double[f.Limit];
        for (int r = 0; r < tree.Count; r++)
        {
            int p = tree.Parent[r];
            s[p] += (tree.Lambda[r] - f.Birth[p]) * tree.ChildSize[r];
        }
        return s;
    }

    /// <summary>Selects flat clusters and labels the points.</summary>
    public static ClusterSelection Run(CondensedTree tree, HdbscanOptions o, OutlierPropagation glosh = OutlierPropagation.Full)
    {
        var f = TreeFacts.Of(tree);
        int n = f.PointCount, root = n;
        var stability = Stability(tree, f);
        bool hasClusterTree = f.Children[root].Length > 0;
        bool allowSingle = o.AllowSingleCluster;
        double eps = o.ClusterSelectionEpsilon;
        int maxParent = root;
        for (int r = 0; r < tree.Count; r++) if (tree.Parent[r] > maxParent) maxParent = tree.Parent[r];
        var isCluster = new bool[f.Limit];
        var inNodeList = new bool[f.Limit];
        int lowest = allowSingle ? root : root + 1;
        for (int c = lowest; c <= maxParent; c++) { isCluster[c] = true; inNodeList[c] = true; }

        if (o.ClusterSelectionMethod == ClusterSelectionMethod.Eom)
        {
            int maxSize = o.MaxClusterSize <= 0 ? n + 1 : o.MaxClusterSize;
            var clusterSize = new int[f.Limit];
            for (int c = root + 1; c < f.Limit; c++) clusterSize[c] = f.Size[c];
            if (allowSingle) foreach (var c in f.Children[root]) clusterSize[root] += f.Size[c];
            for (int node = maxParent; node >= lowest; node--)
            {
                double sum = 0;
                foreach (var c in f.Children[node]) sum += stability[c];
                float sub = (float)sum; // hdbscan keeps this sum in a C float
                if (sub > stability[node] || clusterSize[node] > maxSize)
                {
                    isCluster[node] = false;
                    stability[node] = sub;
                }
            }
            // A kept cluster deselects everything below it (hdbscan walks each kept subtree; one top-down pass
            // over the ids, parents first, does the same in linear time).
            var blocked = new bool[f.Limit];
            for (int c = root + 1; c < f.Limit; c++)
            {
                int p = f.ParentOf[c];
                if (p < 0) continue;
                blocked[c] = blocked[p] || (inNodeList[p] && isCluster[p]);
                if (blocked[c]) isCluster[c] = false;
            }
            if (eps != 0.0 && hasClusterTree)
            {
                var eom = Enumerable.Range(0, f.Limit).Where(c => inNodeList[c] && isCluster[c]).ToList();
                HashSet<int> chosen;
                if (eom.Count == 1 && eom[0] == root) chosen = allowSingle ? [root] : [];
                else chosen = EpsilonSearch(eom, f, eps, allowSingle);
                for (int c = 0; c < f.Limit; c++) if (inNodeList[c]) isCluster[c] = chosen.Contains(c);
            }
        }
        else
        {
            var leaves = new List<int>();
            if (hasClusterTree)
                foreach (var c in f.Below(root)) if (c != root && f.Children[c].Length == 0) leaves.Add(c);
            leaves.Sort();
            HashSet<int> chosen = eps != 0.0 ? EpsilonSearch(leaves, f, eps, allowSingle) : [.. leaves];
            for (int c = 0; c < f.Limit; c++) if (inNodeList[c]) isCluster[c] = chosen.Contains(c);
        }

        var selected = Enumerable.Range(0, f.Limit).Where(c => inNodeList[c] && isCluster[c]).ToArray();
        var labelOf = new int[f.Limit];
        Array.Fill(labelOf, -1);
        for (int i = 0; i < selected.Length; i++) labelOf[selected[i]] = i;

        // do_labelling: a point belongs to the nearest selected cluster above it; the root means noise.
        var rep = new int[f.Limit];
        for (int c = root; c < f.Limit; c++)
            rep[c] = c == root || labelOf[c] >= 0 || f.ParentOf[c] < 0 ? c : rep[f.ParentOf[c]];
        var labels = new int[n];
        bool singleRoot = selected.Length == 1 && allowSingle && selected[0] == root;
        for (int p = 0; p < n; p++)
        {
            int c = rep[f.PointParent[p]];
            if (c != root) { labels[p] = labelOf[c]; continue; }
            labels[p] = -1;
            if (!singleRoot) continue;
            double lam = f.PointLambda[p];
            if (eps != 0.0 ? lam >= 1.0 / eps : lam >= f.MaxLambda[root]) labels[p] = labelOf[root];
        }

        // get_probabilities
        var prob = new double[n];
        for (int p = 0; p < n; p++)
        {
            if (labels[p] < 0) continue;
            double max = f.MaxLambda[selected[labels[p]]], lam = f.PointLambda[p];
            prob[p] = max == 0.0 || !double.IsFinite(lam) ? 1.0 : Math.Min(lam, max) / max;
        }

        // get_stability_scores (cluster_persistence_)
        double maxLambdaAll = 0;
        for (int r = 0; r < tree.Count; r++) if (tree.Lambda[r] > maxLambdaAll) maxLambdaAll = tree.Lambda[r];
        var counts = new int[selected.Length];
        foreach (var l in labels) if (l >= 0) counts[l]++;
        var persistence = new double[selected.Length];
        for (int i = 0; i < selected.Length; i++)
            persistence[i] = double.IsInfinity(maxLambdaAll) || maxLambdaAll == 0.0 || counts[i] == 0
                ? 1.0 : stability[selected[i]] / (counts[i] * maxLambdaAll);

        return new ClusterSelection
        {
            Selected = selected, Labels = labels, Probabilities = prob, Persistence = persistence,
            OutlierScores = Glosh(f, glosh),
        };
    }

    /// <summary>hdbscan's <c>epsilon_search</c>: leaves born below epsilon are replaced by their lowest ancestor born above it.</summary>
    private static HashSet<int> EpsilonSearch(List<int> leaves, TreeFacts f, double eps, bool allowSingle)
    {
        int root = f.PointCount;
        var selected = new HashSet<int>();
        var processed = new HashSet<int>();
        foreach (var leaf in leaves)
        {
            double leafEps = 1.0 / f.Birth[leaf];
            if (leafEps < eps)
            {
                if (processed.Contains(leaf)) continue;
                int chosen = TraverseUpwards(leaf, f, eps, allowSingle);
                selected.Add(chosen);
                foreach (var d in f.Below(chosen)) if (d != chosen) processed.Add(d);
            }
            else selected.Add(leaf);
        }
        return selected;

        static int TraverseUpwards(int leaf, TreeFacts f, double eps, bool allowSingle)
        {
            int root = f.PointCount;
            while (true)
            {
                int parent = f.ParentOf[leaf];
                if (parent == root) return allowSingle ? parent : leaf;
                if (1.0 / f.Birth[parent] > eps) return parent;
                leaf = parent;
            }
        }
    }

    /// <summary>How GLOSH lets a cluster's death lambda see its descendants' (hdbscan versions differ here).</summary>
    internal enum OutlierPropagation { None, OneLevel, Full }

    /// <summary>GLOSH outlier scores: (lambda_max(cluster) - lambda(point)) / lambda_max(cluster).</summary>
    internal static double[] Glosh(TreeFacts f, OutlierPropagation mode)
    {
        var deaths = (double[])f.MaxLambda.Clone();
        int root = f.PointCount;
        if (mode == OutlierPropagation.OneLevel)
        {
            for (int c = root; c < f.Limit; c++)
                foreach (var k in f.Children[c]) if (f.MaxLambda[k] > deaths[c]) deaths[c] = f.MaxLambda[k];
        }
        else if (mode == OutlierPropagation.Full)
        {
            for (int c = f.Limit - 1; c > root; c--)
            {
                int p = f.ParentOf[c];
                if (p >= 0 && deaths[c] > deaths[p]) deaths[p] = deaths[c];
            }
        }
        var result = new double[root];
        for (int p = 0; p < root; p++)
        {
            double max = deaths[f.PointParent[p]], lam = f.PointLambda[p];
            // hdbscan computes (inf - lambda) / inf = NaN when duplicates give a cluster an infinite death; the
            // limit of 1 - lambda / max, which is 1, is returned instead.
            result[p] = max == 0.0 || !double.IsFinite(lam) ? 0.0 : double.IsPositiveInfinity(max) ? 1.0 : (max - lam) / max;
        }
        return result;
    }
}
