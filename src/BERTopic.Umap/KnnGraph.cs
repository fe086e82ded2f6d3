namespace BERTopicNet.Umap;

/// <summary>k nearest neighbours of each row: row-major N × K indices (−1 = missing) and distances, ascending.</summary>
internal sealed class KnnGraph
{
    public KnnGraph(int rows, int k, int[] indices, float[] distances)
    {
        Rows = rows; K = k; Indices = indices; Distances = distances;
    }

    public int Rows { get; }
    public int K { get; }
    public int[] Indices { get; }
    public float[] Distances { get; }
}

/// <summary>
/// Bounded max-heaps of (distance, index) pairs, one per row, stored in flat arrays. Pairs are ordered by distance and
/// then by index, a total order, so the kept set never depends on the order of the pushes.
/// </summary>
internal static class NeighborHeap
{
    public const int Empty = int.MaxValue;

    public static void Init(Span<int> idx, Span<float> dist)
    {
        idx.Fill(Empty);
        dist.Fill(float.PositiveInfinity);
    }

    private static bool Less(float d1, int i1, float d2, int i2) => d1 < d2 || (d1 == d2 && i1 < i2);

    /// <summary>Pushes (d, j) unless it is not better than the worst kept pair or j is already held; returns whether it was added.</summary>
    public static bool Push(Span<int> idx, Span<float> dist, Span<byte> flags, float d, int j, byte flag)
    {
        if (!Less(d, j, dist[0], idx[0])) return false;
        for (int t = 0; t < idx.Length; t++) if (idx[t] == j) return false;
        SiftDown(idx, dist, flags, d, j, flag);
        return true;
    }

    /// <summary>Push without flags.</summary>
    public static bool Push(Span<int> idx, Span<float> dist, float d, int j)
    {
        if (!Less(d, j, dist[0], idx[0])) return false;
        for (int t = 0; t < idx.Length; t++) if (idx[t] == j) return false;
        SiftDown(idx, dist, default, d, j, 0);
        return true;
    }

    /// <summary>Push when j is known not to be in the heap (e.g. all-pairs scans).</summary>
    public static void PushUnique(Span<int> idx, Span<float> dist, float d, int j)
    {
        if (!Less(d, j, dist[0], idx[0])) return;
        SiftDown(idx, dist, default, d, j, 0);
    }

    private static void SiftDown(Span<int> idx, Span<float> dist, Span<byte> flags, float d, int j, byte flag)
    {
        int n = idx.Length, i = 0;
        bool hasFlags = !flags.IsEmpty;
        while (true)
        {
            int l = 2 * i + 1, r = l + 1, swap;
            if (l >= n) break;
            swap = l;
            if (r < n && Less(dist[l], idx[l], dist[r], idx[r])) swap = r;
            if (!Less(d, j, dist[swap], idx[swap])) break;
            dist[i] = dist[swap]; idx[i] = idx[swap];
            if (hasFlags) flags[i] = flags[swap];
            i = swap;
        }
        dist[i] = d; idx[i] = j;
        if (hasFlags) flags[i] = flag;
    }

    /// <summary>Sorts one row ascending by (distance, index), puts <paramref name="self"/> first when present,
    /// and turns empty slots into −1.</summary>
    public static void Finish(Span<int> idx, Span<float> dist, int self)
    {
        SortPairs(idx, dist);
        int s = idx.IndexOf(self);
        if (s > 0)
        {
            for (int t = s; t > 0; t--) { idx[t] = idx[t - 1]; dist[t] = dist[t - 1]; }
            idx[0] = self; dist[0] = 0;
        }
        for (int t = 0; t < idx.Length; t++)
            if (idx[t] == Empty) { idx[t] = -1; dist[t] = float.PositiveInfinity; }
    }

    private static void SortPairs(Span<int> idx, Span<float> dist)
    {
        // insertion sort by (distance, index): rows are short (k ≈ 15)
        for (int a = 1; a < idx.Length; a++)
        {
            float d = dist[a]; int j = idx[a]; int b = a - 1;
            while (b >= 0 && Less(d, j, dist[b], idx[b])) { dist[b + 1] = dist[b]; idx[b + 1] = idx[b]; b--; }
            dist[b + 1] = d; idx[b + 1] = j;
        }
    }
}
