namespace BERTopicNet.Hdbscan;

/// <summary>
/// NumPy 1.24's default <c>argsort</c> (kind "quicksort") for float64: an introsort with median-of-three pivots,
/// insertion sort on runs of at most 16 elements, the smaller half deferred on an explicit stack, and heapsort once
/// the depth budget 2·⌊log2 n⌋ is spent. Not stable: the order of equal keys is whatever this exact sequence of swaps
/// leaves, and hdbscan's single-linkage tree inherits it, so it is reproduced step for step. NaN sorts last.
/// </summary>
internal static class NumpyArgsort
{
    private const int SmallQuicksort = 15;

    /// <summary>The permutation that sorts <paramref name="v"/> ascending, as <c>np.argsort(v)</c> returns it.</summary>
    public static int[] Argsort(ReadOnlySpan<double> v)
    {
        int n = v.Length;
        var t = new int[n];
        for (int i = 0; i < n; i++) t[i] = i;
        if (n < 2) return t;
        var stack = new Stack<(int Lo, int Hi, int Depth)>();
        int pl = 0, pr = n - 1;
        int depth = 2 * (31 - System.Numerics.BitOperations.LeadingZeroCount((uint)n));
        while (true)
        {
            if (depth < 0)
            {
                HeapSort(v, t.AsSpan(pl, pr - pl + 1));
            }
            else
            {
                while (pr - pl > SmallQuicksort)
                {
                    int pm = pl + ((pr - pl) >> 1);
                    if (Less(v[t[pm]], v[t[pl]])) Swap(t, pm, pl);
                    if (Less(v[t[pr]], v[t[pm]])) Swap(t, pr, pm);
                    if (Less(v[t[pm]], v[t[pl]])) Swap(t, pm, pl);
                    double vp = v[t[pm]];
                    int pi = pl, pj = pr - 1;
                    Swap(t, pm, pj);
                    while (true)
                    {
                        do pi++; while (Less(v[t[pi]], vp));
                        do pj--; while (Less(vp, v[t[pj]]));
                        if (pi >= pj) break;
                        Swap(t, pi, pj);
                    }
                    Swap(t, pi, pr - 1);
                    depth--;
                    if (pi - pl < pr - pi) { stack.Push((pi + 1, pr, depth)); pr = pi - 1; }
                    else { stack.Push((pl, pi - 1, depth)); pl = pi + 1; }
                }
                for (int i = pl + 1; i <= pr; i++)
                {
                    int vi = t[i];
                    double key = v[vi];
                    int j = i;
                    while (j > pl && Less(key, v[t[j - 1]])) { t[j] = t[j - 1]; j--; }
                    t[j] = vi;
                }
            }
            if (stack.Count == 0) break;
            (pl, pr, depth) = stack.Pop();
        }
        return t;
    }

    /// <summary>NumPy's float order: NaN after every number.</summary>
    private static bool Less(double a, double b) => a < b || (double.IsNaN(b) && !double.IsNaN(a));

    private static void Swap(int[] t, int i, int j) => (t[i], t[j]) = (t[j], t[i]);

    /// <summary>NumPy's <c>aheapsort</c> on a sub-range (1-based heap indexing).</summary>
    internal static void HeapSort(ReadOnlySpan<double> v, Span<int> a)
    {
        int n = a.Length;
        // a1[k] is a[k - 1].
        for (int l = n >> 1; l > 0; l--)
        {
            int tmp = a[l - 1], i = l, j = l << 1;
            while (j <= n)
            {
                if (j < n && Less(v[a[j - 1]], v[a[j]])) j++;
                if (Less(v[tmp], v[a[j - 1]])) { a[i - 1] = a[j - 1]; i = j; j += j; }
                else break;
            }
            a[i - 1] = tmp;
        }
        while (n > 1)
        {
            int tmp = a[n - 1];
            a[n - 1] = a[0];
            n--;
            int i = 1, j = 2;
            while (j <= n)
            {
                if (j < n && Less(v[a[j - 1]], v[a[j]])) j++;
                if (Less(v[tmp], v[a[j - 1]])) { a[i - 1] = a[j - 1]; i = j; j += j; }
                else break;
            }
            a[i - 1] = tmp;
        }
    }
}
