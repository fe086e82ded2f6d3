using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace BERTopicNet.Umap;

/// <summary>
/// Random projection trees (pynndescent's): each node splits its rows by a hyperplane between two random rows
/// (angular for cosine, the perpendicular bisector for euclidean). Only the leaves are kept: they seed NN-descent.
/// </summary>
internal static class RandomProjectionForest
{
    private const float Eps = 1e-8f;

    /// <summary>Builds <paramref name="trees"/> trees and returns, per tree, a permutation of the rows and the leaf bounds.</summary>
    public static List<(int[] Order, List<(int Start, int End)> Leaves)> Build(DataSet data, int trees, int leafSize, ulong seed, ParallelOptions po)
    {
        var result = new (int[], List<(int, int)>)[trees];
        Parallel.For(0, trees, po, t => result[t] = BuildTree(data, leafSize, SeededHash.Hash(seed, 0x7EEE, (ulong)t)));
        return result.ToList();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[], List<(int, int)>) BuildTree(DataSet data, int leafSize, ulong seed)
    {
        int n = data.Rows;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var leaves = new List<(int, int)>();
        var rng = new SplitMix(seed);
        var side = new bool[n];
        var tmp = new int[n];
        float[] hyper = new float[data.Dim];
        var stack = new Stack<(int, int)>();
        stack.Push((0, n));
        while (stack.Count > 0)
        {
            var (s, e) = stack.Pop();
            int size = e - s;
            if (size <= leafSize) { leaves.Add((s, e)); continue; }
            int a = order[s + rng.Below(size)];
            int b = order[s + rng.Below(size - 1)];
            if (b == a) b = order[e - 1];
            int left = 0;
            float offset = MakeHyperplane(data, a, b, hyper, out var sparseCols);
            for (int p = s; p < e; p++)
            {
                // the rows come in the tree's order, scattered over the data: ask for one 8 rows ahead (near the root
                // the node's rows do not fit in the caches, and each row's first load would wait on memory)
                if (p + 8 < e) PrefetchRow(data, order[p + 8]);
                float m = offset + Margin(data, order[p], hyper);
                bool l = Math.Abs(m) < Eps ? (rng.Next() & 1) == 0 : m > 0;
                side[p - s] = l;
                if (l) left++;
            }
            ClearHyperplane(hyper, sparseCols);
            if (left == 0 || left == size)
            {
                left = 0;
                for (int p = 0; p < size; p++) { side[p] = (rng.Next() & 1) == 0; if (side[p]) left++; }
                if (left == 0 || left == size) { left = size / 2; for (int p = 0; p < size; p++) side[p] = p < left; }
            }
            int li = 0, ri = left;
            for (int p = 0; p < size; p++) tmp[side[p] ? li++ : ri++] = order[s + p];
            Array.Copy(tmp, 0, order, s, size);
            stack.Push((s + left, e));
            stack.Push((s, s + left));
        }
        return (order, leaves);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchRow(DataSet data, int row)
    {
        if (data.Dense is not { } dense) return;
        fixed (float* x = &dense[(long)row * data.Dim]) DotKernel.PrefetchAll(x, data.Dim);
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
