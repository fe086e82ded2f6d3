namespace BERTopicNet.Visualization.Layout;

/// <summary>
/// Positions of a dendrogram as SciPy's <c>dendrogram</c> draws it: leaves at 5, 15, 25, … in depth-first order
/// (left child first), each merge drawn as a ⊓ shape from its children's heights up to its own distance, and
/// links below <see cref="ColorThreshold"/> coloured by the subtree they belong to.
/// </summary>
internal sealed class DendrogramLayout
{
    /// <summary>Lays out the dendrogram of <paramref name="steps"/> over <paramref name="leafCount"/> leaves.</summary>
    public DendrogramLayout(IReadOnlyList<LinkageStep> steps, int leafCount, double colorThreshold)
    {
        if (steps.Count != leafCount - 1)
            throw new ArgumentException($"A hierarchy over {leafCount} leaves has {leafCount - 1} merges, not {steps.Count}.", nameof(steps));
        LeafCount = leafCount;
        ColorThreshold = colorThreshold;
        Steps = steps;
        int n = leafCount;
        LeafOrder = new int[n];
        int next = 0;
        if (n == 1) LeafOrder[0] = 0;
        else
        {
            // Iterative depth-first walk from the root (cluster id 2n − 2).
            var stack = new Stack<int>();
            stack.Push(2 * n - 2);
            while (stack.Count > 0)
            {
                int c = stack.Pop();
                if (c < n) { LeafOrder[next++] = c; continue; }
                var st = steps[c - n];
                stack.Push(st.Right);
                stack.Push(st.Left);
            }
        }
        Position = new double[2 * n - 1];
        Height = new double[2 * n - 1];
        for (int i = 0; i < n; i++) Position[LeafOrder[i]] = 5 + 10 * i;
        for (int s = 0; s < steps.Count; s++)
        {
            var st = steps[s];
            Position[n + s] = (Position[st.Left] + Position[st.Right]) / 2;
            Height[n + s] = st.Distance;
        }

        // Colour groups: each maximal subtree whose merge height is below the threshold gets its own group
        // (numbered by leaf order); links above the threshold get group -1.
        Group = new int[2 * n - 1];
        Array.Fill(Group, -1);
        int groups = 0;
        if (n > 1) AssignGroups(2 * n - 2, ref groups);
        GroupCount = groups;
    }

    /// <summary>The merges.</summary>
    public IReadOnlyList<LinkageStep> Steps { get; }

    /// <summary>Number of leaves.</summary>
    public int LeafCount { get; }

    /// <summary>Merges below this height are coloured by cluster.</summary>
    public double ColorThreshold { get; }

    /// <summary>Leaves from bottom (first) to top (last) of the drawing.</summary>
    public int[] LeafOrder { get; }

    /// <summary>Position along the leaf axis of each cluster (leaves 0..n−1, merges n..2n−2).</summary>
    public double[] Position { get; }

    /// <summary>Height (distance) of each cluster; 0 for leaves.</summary>
    public double[] Height { get; }

    /// <summary>Colour group of each merge's link (-1 = above the threshold).</summary>
    public int[] Group { get; }

    /// <summary>Number of colour groups below the threshold.</summary>
    public int GroupCount { get; }

    /// <summary>The leaf indices under cluster <paramref name="cluster"/>.</summary>
    public List<int> LeavesOf(int cluster)
    {
        var leaves = new List<int>();
        var stack = new Stack<int>();
        stack.Push(cluster);
        while (stack.Count > 0)
        {
            int c = stack.Pop();
            if (c < LeafCount) { leaves.Add(c); continue; }
            stack.Push(Steps[c - LeafCount].Right);
            stack.Push(Steps[c - LeafCount].Left);
        }
        return leaves;
    }

    private void AssignGroups(int root, ref int groups)
    {
        // Walk top-down; the first cluster found below the threshold starts a group that covers its subtree.
        var stack = new Stack<int>();
        stack.Push(root);
        var starts = new List<int>();
        while (stack.Count > 0)
        {
            int c = stack.Pop();
            if (c < LeafCount) continue;
            if (Height[c] < ColorThreshold) { starts.Add(c); continue; }
            stack.Push(Steps[c - LeafCount].Left);
            stack.Push(Steps[c - LeafCount].Right);
        }
        // Number the groups by position so colours run in drawing order.
        foreach (var start in starts.OrderBy(c => Position[c]))
        {
            int g = groups++;
            var inner = new Stack<int>();
            inner.Push(start);
            while (inner.Count > 0)
            {
                int c = inner.Pop();
                if (c < LeafCount) continue;
                Group[c] = g;
                inner.Push(Steps[c - LeafCount].Left);
                inner.Push(Steps[c - LeafCount].Right);
            }
        }
    }
}
