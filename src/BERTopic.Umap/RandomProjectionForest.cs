using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace BERTopicNet.Umap;

/// <summary>
/// Random projection trees (pynndescent's): each node splits its rows by a hyperplane between two random rows
/// (angular for cosine, the perpendicular bisector for euclidean). Only the leaves are kept: they seed NN-descent.
/// <para>
/// Each node draws from its own random stream (seeded by its tree and its place in the tree), so a tree is the same
/// whatever order its nodes are split in. That lets the top levels of all trees be split together, level by level:
/// one pass over the rows per level, each row loaded once and measured against the hyperplane of its node in every
/// tree, instead of one pass per tree (near the root a node's rows do not fit in the caches, and reading the matrix
/// once per tree and level is what bounds the forest's time on large inputs). Below those levels each node's subtree
/// is split depth first, the subtrees of all trees in parallel.
/// </para>
/// </summary>
internal static class RandomProjectionForest
{
    private const float Eps = 1e-8f;

    /// <summary>Hyperplanes of one level of all trees kept at once, at most (bytes).</summary>
    private const long LevelHyperplaneBytes = 8 << 20;

    /// <summary>A row's node index in a tree once the row lies in a leaf.</summary>
    private const byte Done = 255;

    /// <summary>A node still to split: its rows order[Start..End) and its place (root 1, children 2·id and 2·id + 1).</summary>
    private readonly record struct Node(int Start, int End, ulong Id);

    /// <summary>
    /// Builds <paramref name="trees"/> trees and returns, per tree, a permutation of the rows and the leaf bounds (in
    /// row order). <paramref name="sharedLevels"/> overrides how many top levels are split for all trees at once (the
    /// trees are the same either way).
    /// </summary>
    public static List<(int[] Order, List<(int Start, int End)> Leaves)> Build(DataSet data, int trees, int leafSize, ulong seed, ParallelOptions po, int? sharedLevels = null)
    {
        int n = data.Rows;
        var treeSeeds = new ulong[trees];
        var orders = new int[trees][];
        var leaves = new List<(int Start, int End)>[trees];
        var open = new List<Node>[trees];
        for (int t = 0; t < trees; t++)
        {
            treeSeeds[t] = SeededHash.Hash(seed, 0x7EEE, (ulong)t);
            orders[t] = new int[n];
            for (int i = 0; i < n; i++) orders[t][i] = i;
            leaves[t] = [];
            open[t] = [];
            if (n <= leafSize) leaves[t].Add((0, n));
            else open[t].Add(new Node(0, n, 1));
        }
        int levels = data.Dense is null ? 0 : Math.Min(sharedLevels ?? SharedLevels(n, trees, data.Dim, leafSize), 7);
        if (levels > 0) SplitLevels(data, orders, treeSeeds, open, leaves, levels, leafSize, po);

        var tasks = new List<(int Tree, Node Node)>();
        for (int t = 0; t < trees; t++) foreach (var node in open[t]) tasks.Add((t, node));
        var subtreeLeaves = new List<(int, int)>[tasks.Count];
        Parallel.For(0, tasks.Count, po, () => new Scratch(n), (j, _, scratch) =>
        {
            var (t, node) = tasks[j];
            subtreeLeaves[j] = SplitSubtree(data, orders[t], node, treeSeeds[t], leafSize, scratch);
            return scratch;
        }, _ => { });
        for (int j = 0; j < tasks.Count; j++) leaves[tasks[j].Tree].AddRange(subtreeLeaves[j]);
        var result = new List<(int[] Order, List<(int Start, int End)> Leaves)>(trees);
        for (int t = 0; t < trees; t++)
        {
            leaves[t].Sort();
            result.Add((orders[t], leaves[t]));
        }
        return result;
    }

    /// <summary>
    /// How many top levels are split for all trees at once: while one level's hyperplanes of all trees stay within
    /// <see cref="LevelHyperplaneBytes"/>, a row's node index in its tree fits a byte (below <see cref="Done"/>), and the nodes are large.
    /// </summary>
    private static int SharedLevels(int n, int trees, int dim, int leafSize)
    {
        int levels = 0;
        while (levels < 7 && (long)trees * (1L << levels) * dim * sizeof(float) <= LevelHyperplaneBytes && (n >> levels) > 8 * leafSize) levels++;
        return levels;
    }

    /// <summary>The random stream of a node: the same however the tree is built.</summary>
    private static ulong NodeSeed(ulong treeSeed, ulong id) => SeededHash.Hash(treeSeed, id, 0x90DE);

    /// <summary>The side of a row at <paramref name="margin"/> from the node's hyperplane (true: left).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SideOf(float margin, ulong nodeSeed, int row) => Math.Abs(margin) < Eps ? TieSide(nodeSeed, row) : margin > 0;

    /// <summary>Which side a row on the hyperplane (|margin| &lt; ε) goes: a coin of the node and the row, not of the visiting order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TieSide(ulong nodeSeed, int row) => (SeededHash.Hash(nodeSeed, (ulong)row, 0x71E) & 1) == 0;

    /// <summary>The node's two random rows (distinct when the node has two): the hyperplane lies between them.</summary>
    private static (int A, int B) PickRows(int[] order, Node node, SplitMix rng)
    {
        int size = node.End - node.Start;
        int a = order[node.Start + rng.Below(size)];
        int b = order[node.Start + rng.Below(size - 1)];
        if (b == a) b = order[node.End - 1];
        return (a, b);
    }

    /// <summary>
    /// Splits the first <paramref name="levels"/> levels of every tree (dense rows only): per level, the hyperplanes of
    /// all open nodes, then one parallel pass over blocks of rows that measures each row against its node's
    /// hyperplane in every tree, then each node's rows are partitioned (stably, left side first).
    /// </summary>
    private static void SplitLevels(DataSet data, int[][] orders, ulong[] treeSeeds, List<Node>[] open, List<(int Start, int End)>[] leaves,
        int levels, int leafSize, ParallelOptions po)
    {
        int n = data.Rows, dim = data.Dim, trees = orders.Length;
        var nodeOf = new byte[(long)trees * n]; // a row's node in tree t at this level: its index among the level's 2^level places
        for (int level = 0; level < levels; level++)
        {
            po.CancellationToken.ThrowIfCancellationRequested();
            int places = 1 << level;
            // node k of tree t is slot t·places + k of the level's hyperplanes, offsets, seeds and streams
            var hyper = new float[(long)trees * places * dim];
            var offsets = new float[trees * places];
            var seeds = new ulong[trees * places];
            var streams = new SplitMix?[trees * places];
            Parallel.For(0, trees, po, t =>
            {
                foreach (var node in open[t])
                {
                    int slot = t * places + (int)(node.Id - (ulong)places);
                    seeds[slot] = NodeSeed(treeSeeds[t], node.Id);
                    var rng = new SplitMix(seeds[slot]);
                    var (a, b) = PickRows(orders[t], node, rng);
                    offsets[slot] = DenseHyperplane(data, a, b, hyper.AsSpan((int)((long)slot * dim), dim));
                    streams[slot] = rng;
                }
            });
            Parallelism.ForBlocks(n, 64, po, (r0, r1) => MeasureBlock(data, r0, r1, places, hyper, offsets, seeds, nodeOf));
            Parallel.For(0, trees, po, () => new Scratch(n), (t, _, scratch) =>
            {
                var order = orders[t];
                var nodes = nodeOf.AsSpan((int)((long)t * n), n);
                var next = new List<Node>();
                foreach (var node in open[t])
                {
                    int k = (int)(node.Id - (ulong)places);
                    int size = node.End - node.Start;
                    var side = scratch.Side.AsSpan(0, size);
                    int left = 0;
                    for (int p = 0; p < size; p++)
                    {
                        side[p] = nodes[order[node.Start + p]] == 2 * k;
                        if (side[p]) left++;
                    }
                    left = RandomSidesIfOneSided(side, left, streams[t * places + k]!);
                    for (int p = 0; p < size; p++) nodes[order[node.Start + p]] = (byte)(2 * k + (side[p] ? 0 : 1));
                    Partition(order, node.Start, side, left, scratch.Rows);
                    var (lo, hi) = Children(node, left);
                    foreach (var child in (ReadOnlySpan<Node>)[lo, hi])
                    {
                        if (child.End - child.Start > leafSize) { next.Add(child); continue; }
                        leaves[t].Add((child.Start, child.End));
                        for (int p = child.Start; p < child.End; p++) nodes[order[p]] = Done;
                    }
                }
                open[t] = next;
                return scratch;
            }, _ => { });
        }
    }

    /// <summary>
    /// Rows [r0, r1) against their node's hyperplane in every tree, four trees at a time (the row read once for the
    /// four, four independent sums): each row's node index becomes its child's (2k left, 2k + 1 right).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void MeasureBlock(DataSet data, int r0, int r1, int places, float[] hyper, float[] offsets, ulong[] seeds, byte[] nodeOf)
    {
        int n = data.Rows, dim = data.Dim, trees = offsets.Length / places;
        float* margins = stackalloc float[4];
        float** planes = stackalloc float*[4];
        fixed (float* x0 = data.Dense, h0 = hyper)
        {
            for (int t0 = 0; t0 < trees; t0 += 4)
            {
                int group = Math.Min(4, trees - t0);
                for (int i = r0; i < r1; i++)
                {
                    float* x = x0 + (long)i * dim;
                    bool any = false;
                    for (int c = 0; c < 4; c++)
                    {
                        int k = c < group ? nodeOf[(long)(t0 + c) * n + i] : Done;
                        // a finished tree's slot measures the row against itself; its result is not used
                        planes[c] = k == Done ? x : h0 + ((long)(t0 + c) * places + k) * dim;
                        any |= k != Done;
                    }
                    if (!any) continue;
                    DotKernel.OneByFour(x, planes[0], planes[1], planes[2], planes[3], dim, false, margins);
                    for (int c = 0; c < group; c++)
                    {
                        long at = (long)(t0 + c) * n + i;
                        int k = nodeOf[at];
                        if (k == Done) continue;
                        int slot = (t0 + c) * places + k;
                        bool left = SideOf(offsets[slot] + margins[c], seeds[slot], i);
                        nodeOf[at] = (byte)(2 * k + (left ? 0 : 1));
                    }
                }
            }
        }
    }

    /// <summary>The sides of dense rows order[s..e) against one hyperplane, four rows at a time (the rows come in the
    /// tree's order, scattered over the data: the next four are requested from memory meanwhile); returns the left count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int DenseSides(DataSet data, int[] order, int s, int e, float[] hyper, float offset, ulong nodeSeed, Span<bool> side)
    {
        int dim = data.Dim, left = 0, last = e - 1;
        float* margins = stackalloc float[4];
        fixed (float* x0 = data.Dense, h = hyper)
        {
            for (int p = s; p < e; p += 4)
            {
                for (int u = p + 4; u < p + 8 && u <= last; u++) DotKernel.PrefetchAll(x0 + (long)order[u] * dim, dim);
                DotKernel.OneByFour(h, x0 + (long)order[p] * dim, x0 + (long)order[Math.Min(p + 1, last)] * dim,
                    x0 + (long)order[Math.Min(p + 2, last)] * dim, x0 + (long)order[Math.Min(p + 3, last)] * dim, dim, false, margins);
                for (int c = 0; c < 4 && p + c <= last; c++)
                {
                    bool l = SideOf(offset + margins[c], nodeSeed, order[p + c]);
                    side[p + c - s] = l;
                    if (l) left++;
                }
            }
        }
        return left;
    }

    /// <summary>Per-worker scratch: a side per row and a row buffer for the partition.</summary>
    private sealed class Scratch(int n)
    {
        public readonly bool[] Side = new bool[n];
        public readonly int[] Rows = new int[n];
    }

    /// <summary>Every row on one side: sides drawn at random from the node's stream instead (halves if that fails too); returns the left count.</summary>
    private static int RandomSidesIfOneSided(Span<bool> side, int left, SplitMix rng)
    {
        int size = side.Length;
        if (left != 0 && left != size) return left;
        left = 0;
        for (int p = 0; p < size; p++) { side[p] = (rng.Next() & 1) == 0; if (side[p]) left++; }
        if (left == 0 || left == size) { left = size / 2; for (int p = 0; p < size; p++) side[p] = p < left; }
        return left;
    }

    /// <summary>Reorders order[start..start + side.Length): the left rows first, each side in its previous order.</summary>
    private static void Partition(int[] order, int start, ReadOnlySpan<bool> side, int left, int[] buffer)
    {
        int li = 0, ri = left;
        for (int p = 0; p < side.Length; p++) buffer[side[p] ? li++ : ri++] = order[start + p];
        Array.Copy(buffer, 0, order, start, side.Length);
    }

    private static (Node Left, Node Right) Children(Node node, int left) =>
        (new Node(node.Start, node.Start + left, 2 * node.Id), new Node(node.Start + left, node.End, 2 * node.Id + 1));

    /// <summary>Splits a node's subtree depth first; returns its leaves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<(int, int)> SplitSubtree(DataSet data, int[] order, Node root, ulong treeSeed, int leafSize, Scratch scratch)
    {
        var leaves = new List<(int, int)>();
        float[] hyper = new float[data.Dim];
        var stack = new Stack<Node>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            var (s, e) = (node.Start, node.End);
            int size = e - s;
            if (size <= leafSize) { leaves.Add((s, e)); continue; }
            ulong nodeSeed = NodeSeed(treeSeed, node.Id);
            var rng = new SplitMix(nodeSeed);
            var (a, b) = PickRows(order, node, rng);
            var side = scratch.Side.AsSpan(0, size);
            int left = 0;
            float offset = MakeHyperplane(data, a, b, hyper, out var sparseCols);
            if (data.Dense is null)
            {
                for (int p = s; p < e; p++)
                {
                    bool l = SideOf(offset + Margin(data, order[p], hyper), nodeSeed, order[p]);
                    side[p - s] = l;
                    if (l) left++;
                }
            }
            else left = DenseSides(data, order, s, e, hyper, offset, nodeSeed, side);
            ClearHyperplane(hyper, sparseCols);
            left = RandomSidesIfOneSided(side, left, rng);
            Partition(order, s, side, left, scratch.Rows);
            var (lo, hi) = Children(node, left);
            stack.Push(hi);
            stack.Push(lo);
        }
        return leaves;
    }

    /// <summary>Fills the hyperplane between rows a and b; returns its offset (0 for angular splits).</summary>
    private static float MakeHyperplane(DataSet data, int a, int b, float[] hyper, out ReadOnlySpan<int> sparseCols)
    {
        sparseCols = default;
        if (data.Sparse is { } sp)
        {
            // rows are already unit-normalised for cosine; the union of their columns is the support
            var ia = sp.RowIndices(a); var va = sp.RowValues(a);
            var ib = sp.RowIndices(b); var vb = sp.RowValues(b);
            for (int t = 0; t < ia.Length; t++) hyper[ia[t]] += va[t];
            for (int t = 0; t < ib.Length; t++) hyper[ib[t]] -= vb[t];
            double norm = 0;
            for (int t = 0; t < ia.Length; t++) { float h = hyper[ia[t]]; norm += h * h; }
            for (int t = 0; t < ib.Length; t++) { if (ia.BinarySearch(ib[t]) < 0) { float h = hyper[ib[t]]; norm += h * h; } }
            if (norm > 0)
            {
                float inv = (float)(1 / Math.Sqrt(norm));
                for (int t = 0; t < ia.Length; t++) hyper[ia[t]] *= inv;
                for (int t = 0; t < ib.Length; t++) if (ia.BinarySearch(ib[t]) < 0) hyper[ib[t]] *= inv;
            }
            var cols = new int[ia.Length + ib.Length];
            ia.CopyTo(cols); ib.CopyTo(cols.AsSpan(ia.Length));
            sparseCols = cols;
            return 0;
        }
        return DenseHyperplane(data, a, b, hyper);
    }

    /// <summary>The hyperplane between dense rows a and b into <paramref name="hyper"/>; returns its offset (0 for angular splits).</summary>
    private static float DenseHyperplane(DataSet data, int a, int b, Span<float> hyper)
    {
        var ra = data.Row(a); var rb = data.Row(b);
        TensorPrimitives.Subtract(ra, rb, hyper);
        if (data.Metric == UmapMetric.Cosine)
        {
            float norm = TensorPrimitives.Norm(hyper);
            if (norm > 0) TensorPrimitives.Multiply(hyper, 1f / norm, hyper);
            return 0;
        }
        // euclidean: hyperplane through the midpoint
        float offset = 0;
        for (int t = 0; t < hyper.Length; t++) offset -= hyper[t] * (ra[t] + rb[t]) * 0.5f;
        return offset;
    }

    private static void ClearHyperplane(float[] hyper, ReadOnlySpan<int> sparseCols)
    {
        foreach (var c in sparseCols) hyper[c] = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Margin(DataSet data, int row, float[] hyper)
    {
        if (data.Sparse is { } sp)
        {
            var ix = sp.RowIndices(row); var vx = sp.RowValues(row);
            float m = 0;
            for (int t = 0; t < ix.Length; t++) m += hyper[ix[t]] * vx[t];
            return m;
        }
        return TensorPrimitives.Dot(data.Row(row), hyper);
    }
}
