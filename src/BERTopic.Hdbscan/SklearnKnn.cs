namespace BERTopicNet.Hdbscan;

/// <summary>
/// scikit-learn's (1.2) dual-tree, breadth-first k-nearest-neighbour query of a <see cref="SklearnKdTree"/> against
/// itself or a slice of its points, as hdbscan calls it for core distances
/// (<c>tree.query(X, k, dualtree=True, breadth_first=True)</c>). The distances are plain k-NN distances; what is
/// reproduced step for step is the order of neighbours at equal distances (and which of them make the list at the
/// k-th place): a node-pair priority queue, a per-row bounded max-heap that ignores a candidate equal to its current
/// worst, and scikit-learn's quicksort of each row at the end. hdbscan seeds Borůvka with the first listed neighbour
/// whose core distance is not larger than the point's own, so on data with tied distances this order shows in the
/// clusters.
/// </summary>
internal static class SklearnKnn
{
    /// <summary>
    /// The <paramref name="k"/> nearest neighbours of the points <paramref name="first"/> .. first + count - 1 of the
    /// tree's data: <paramref name="indices"/> and <paramref name="distances"/> (Euclidean) get one row of k per query
    /// point, nearest first, starting at row <paramref name="first"/>.
    /// </summary>
    public static void Query(SklearnKdTree tree, int first, int count, int k, int[] indices, double[] distances)
    {
        int d = tree.Dimensions;
        var queryData = new double[count * d];
        Array.Copy(tree.Data, first * d, queryData, 0, count * d);
        var other = new SklearnKdTree(queryData, count, d, tree.LeafSize);
        var heapDist = new double[count * k];
        var heapIdx = new int[count * k];
        Array.Fill(heapDist, double.PositiveInfinity);
        var bounds = new double[other.NodeCount];
        Array.Fill(bounds, double.PositiveInfinity);
        var nodeHeap = new NodeHeap();
        nodeHeap.Push(MinDistance(tree, 0, other, 0), 0, 0);
        var data1 = tree.Data;
        while (nodeHeap.Count > 0)
        {
            var (lowerBound, node1, node2) = nodeHeap.Pop();
            bool leaf1 = tree.IsLeaf[node1], leaf2 = other.IsLeaf[node2];
            if (lowerBound > bounds[node2]) continue;
            if (leaf1 && leaf2)
            {
                bounds[node2] = -1;
                for (int i2 = other.Start[node2]; i2 < other.End[node2]; i2++)
                {
                    int row = other.Index[i2];
                    var rowDist = heapDist.AsSpan(row * k, k);
                    var rowIdx = heapIdx.AsSpan(row * k, k);
                    if (rowDist[0] <= lowerBound) continue;
                    var q = queryData.AsSpan(row * d, d);
                    for (int i1 = tree.Start[node1]; i1 < tree.End[node1]; i1++)
                    {
                        int p = tree.Index[i1];
                        Push(rowDist, rowIdx, KdTree.SquaredDistance(data1.AsSpan(p * d, d), q), p);
                    }
                    bounds[node2] = Math.Max(bounds[node2], rowDist[0]);
                }
            }
            else if (leaf1 || (!leaf2 && other.Radius[node2] > tree.Radius[node1]))
            {
                for (int c = 2 * node2 + 1; c <= 2 * node2 + 2; c++) nodeHeap.Push(MinDistance(tree, node1, other, c), node1, c);
            }
            else
            {
                for (int c = 2 * node1 + 1; c <= 2 * node1 + 2; c++) nodeHeap.Push(MinDistance(tree, c, other, node2), c, node2);
            }
        }
        for (int row = 0; row < count; row++)
        {
            var rowDist = heapDist.AsSpan(row * k, k);
            var rowIdx = heapIdx.AsSpan(row * k, k);
            SimultaneousSort(rowDist, rowIdx);
            for (int j = 0; j < k; j++)
            {
                indices[(first + row) * k + j] = rowIdx[j];
                distances[(first + row) * k + j] = Math.Sqrt(rowDist[j]);
            }
        }
    }

    /// <summary>Squared distance between the boxes of two nodes (scikit-learn's <c>min_rdist_dual</c>, C's pow).</summary>
    private static double MinDistance(SklearnKdTree t1, int n1, SklearnKdTree t2, int n2)
    {
        int d = t1.Dimensions, o1 = n1 * d, o2 = n2 * d;
        double r = 0;
        for (int j = 0; j < d; j++)
        {
            double d1 = t1.Lower[o1 + j] - t2.Upper[o2 + j], d2 = t2.Lower[o2 + j] - t1.Upper[o1 + j];
            r += Math.Pow(0.5 * ((d1 + Math.Abs(d1)) + (d2 + Math.Abs(d2))), 2.0);
        }
        return r;
    }

    /// <summary>Bounded max-heap push: a value not below the current worst is ignored (first come wins ties).</summary>
    private static void Push(Span<double> values, Span<int> idx, double val, int valIdx)
    {
        if (val >= values[0]) return;
        int size = values.Length, current = 0;
        while (true)
        {
            int left = 2 * current + 1, right = left + 1, swap;
            if (left >= size) break;
            if (right >= size)
            {
                if (values[left] > val) swap = left;
                else break;
            }
            else if (values[left] >= values[right])
            {
                if (val < values[left]) swap = left;
                else break;
            }
            else
            {
                if (val < values[right]) swap = right;
                else break;
            }
            values[current] = values[swap];
            idx[current] = idx[swap];
            current = swap;
        }
        values[current] = val;
        idx[current] = valIdx;
    }

    /// <summary>scikit-learn's <c>simultaneous_sort</c>: a quicksort of values carrying their indices.</summary>
    internal static void SimultaneousSort(Span<double> v, Span<int> idx)
    {
        int size = v.Length;
        if (size <= 1) return;
        if (size == 2)
        {
            if (v[0] > v[1]) Swap(v, idx, 0, 1);
            return;
        }
        if (size == 3)
        {
            if (v[0] > v[1]) Swap(v, idx, 0, 1);
            if (v[1] > v[2])
            {
                Swap(v, idx, 1, 2);
                if (v[0] > v[1]) Swap(v, idx, 0, 1);
            }
            return;
        }
        int pivot = size / 2;
        if (v[0] > v[size - 1]) Swap(v, idx, 0, size - 1);
        if (v[size - 1] > v[pivot])
        {
            Swap(v, idx, size - 1, pivot);
            if (v[0] > v[size - 1]) Swap(v, idx, 0, size - 1);
        }
        double pivotVal = v[size - 1];
        int store = 0;
        for (int i = 0; i < size - 1; i++)
        {
            if (v[i] < pivotVal) { Swap(v, idx, i, store); store++; }
        }
        Swap(v, idx, store, size - 1);
        if (store > 1) SimultaneousSort(v[..store], idx[..store]);
        if (store + 2 < size) SimultaneousSort(v[(store + 1)..], idx[(store + 1)..]);
    }

    private static void Swap(Span<double> v, Span<int> idx, int i, int j)
    {
        (v[i], v[j]) = (v[j], v[i]);
        (idx[i], idx[j]) = (idx[j], idx[i]);
    }

    /// <summary>scikit-learn's <c>NodeHeap</c>: a binary min-heap of node pairs by lower bound.</summary>
    private sealed class NodeHeap
    {
        private (double Val, int I1, int I2)[] _data = new (double, int, int)[64];

        public int Count { get; private set; }

        public void Push(double val, int i1, int i2)
        {
            if (Count == _data.Length) Array.Resize(ref _data, 2 * _data.Length);
            int i = Count++;
            _data[i] = (val, i1, i2);
            while (i > 0)
            {
                int parent = (i - 1) / 2;
                if (_data[parent].Val <= _data[i].Val) break;
                (_data[parent], _data[i]) = (_data[i], _data[parent]);
                i = parent;
            }
        }

        public (double Val, int I1, int I2) Pop()
        {
            var top = _data[0];
            _data[0] = _data[Count - 1];
            Count--;
            int i = 0;
            while (i < Count)
            {
                int c1 = 2 * i + 1, c2 = 2 * i + 2, swap;
                if (c2 < Count) swap = _data[c1].Val <= _data[c2].Val ? c1 : c2;
                else if (c1 < Count) swap = c1;
                else break;
                if (swap > 0 && _data[swap].Val <= _data[i].Val)
                {
                    (_data[i], _data[swap]) = (_data[swap], _data[i]);
                    i = swap;
                }
                else break;
            }
            return top;
        }
    }
}
