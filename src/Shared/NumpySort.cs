namespace BERTopicNet.Numerics;

/// <summary>
/// Re-implements the exact element order of NumPy 1.24's scalar <c>argsort(kind="quicksort")</c> (an introsort) and
/// <c>argpartition</c> (introselect) on one-dimensional arrays. Python BERTopic breaks ties (equal topic sizes, equal
/// similarities) through these routines, so reproducing their order is what makes our tie-breaks identical to
/// 0.17.4's, and hdbscan's single-linkage tree inherits the argsort's order of equal edge weights. NaN sorts last,
/// as in NumPy. One source file, compiled into the assemblies that need it (BERTopic and BERTopic.Hdbscan), so that
/// neither package depends on the other's internals.
/// </summary>
internal static class NumpySort
{
    private const int SmallQuicksort = 15;

    /// <summary>The permutation <c>np.argsort(values, kind="quicksort")</c> returns.</summary>
    public static int[] ArgQuickSort<T>(ReadOnlySpan<T> values) where T : IComparable<T>
    {
        var idx = new int[values.Length];
        for (int i = 0; i < idx.Length; i++) idx[i] = i;
        if (idx.Length > 1) AQuickSort(values.ToArray(), idx);
        return idx;
    }

    private static bool Less<T>(T a, T b) where T : IComparable<T> =>
        typeof(T) == typeof(double)
            ? (double)(object)a < (double)(object)b || (double.IsNaN((double)(object)b) && !double.IsNaN((double)(object)a))
            : a.CompareTo(b) < 0;

    private static int Msb(int n)
    {
        int depth = 0;
        while ((n >>= 1) != 0) depth++;
        return depth;
    }

    private static void AQuickSort<T>(T[] v, int[] a) where T : IComparable<T>
    {
        int pl = 0, pr = a.Length - 1;
        var stack = new Stack<(int Lo, int Hi, int Depth)>();
        int cdepth = Msb(a.Length) * 2;
        while (true)
        {
            if (cdepth < 0)
            {
                ArgHeapSort<T>(v, a.AsSpan(pl, pr - pl + 1));
            }
            else
            {
                while (pr - pl > SmallQuicksort)
                {
                    int pm = pl + ((pr - pl) >> 1);
                    if (Less(v[a[pm]], v[a[pl]])) (a[pm], a[pl]) = (a[pl], a[pm]);
                    if (Less(v[a[pr]], v[a[pm]])) (a[pr], a[pm]) = (a[pm], a[pr]);
                    if (Less(v[a[pm]], v[a[pl]])) (a[pm], a[pl]) = (a[pl], a[pm]);
                    T vp = v[a[pm]];
                    int pi = pl, pj = pr - 1;
                    (a[pm], a[pj]) = (a[pj], a[pm]);
                    while (true)
                    {
                        do ++pi; while (Less(v[a[pi]], vp));
                        do --pj; while (Less(vp, v[a[pj]]));
                        if (pi >= pj) break;
                        (a[pi], a[pj]) = (a[pj], a[pi]);
                    }
                    int pk = pr - 1;
                    (a[pi], a[pk]) = (a[pk], a[pi]);
                    --cdepth;
                    if (pi - pl < pr - pi)
                    {
                        stack.Push((pi + 1, pr, cdepth));
                        pr = pi - 1;
                    }
                    else
                    {
                        stack.Push((pl, pi - 1, cdepth));
                        pl = pi + 1;
                    }
                }
                for (int pi = pl + 1; pi <= pr; ++pi)
                {
                    int vi = a[pi];
                    T vp = v[vi];
                    int pj = pi, pk = pi - 1;
                    while (pj > pl && Less(vp, v[a[pk]])) a[pj--] = a[pk--];
                    a[pj] = vi;
                }
            }
            if (stack.Count == 0) break;
            (pl, pr, cdepth) = stack.Pop();
        }
    }

    /// <summary>NumPy's <c>aheapsort</c> (what <c>kind="heapsort"</c> runs, and the introsort's fallback once its depth
    /// budget is spent) on the index window <paramref name="a"/>, with 1-based heap indexing as NumPy does.</summary>
    internal static void ArgHeapSort<T>(ReadOnlySpan<T> v, Span<int> a) where T : IComparable<T>
    {
        int n = a.Length;
        for (int l = n >> 1; l > 0; --l)
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

    /// <summary>
    /// The permutation <c>np.argpartition(values, kth)</c> returns for one non-negative <paramref name="kth"/>
    /// (NumPy's scalar introselect, median of 3 with a median-of-medians fallback).
    /// </summary>
    public static int[] ArgPartition(ReadOnlySpan<double> values, int kth)
    {
        if ((uint)kth >= (uint)values.Length) throw new ArgumentOutOfRangeException(nameof(kth));
        var idx = new int[values.Length];
        for (int i = 0; i < idx.Length; i++) idx[i] = i;
        var pivots = new List<int>();
        IntroSelect(values.ToArray(), idx, 0, values.Length, kth, pivots, true);
        return idx;
    }

    // Works on the index window idx[offset .. offset+num); positions below are relative to offset.
    private static void IntroSelect(double[] v, int[] idx, int offset, int num, int kth, List<int>? pivots, bool inexact)
    {
        int low = 0, high = num - 1;
        while (pivots is not null && pivots.Count > 0)
        {
            int top = pivots[^1];
            if (top > kth) { high = top - 1; break; }
            if (top == kth) return;
            low = top + 1;
            pivots.RemoveAt(pivots.Count - 1);
        }
        double V(int i) => v[idx[offset + i]];
        void Swap(int i, int j) => (idx[offset + i], idx[offset + j]) = (idx[offset + j], idx[offset + i]);

        if (kth - low < 3)
        {
            DumbSelect(v, idx, offset + low, high - low + 1, kth - low);
            StorePivot(kth, kth, pivots);
            return;
        }
        if (inexact && kth == num - 1)
        {
            int maxidx = low;
            double maxval = V(low);
            for (int k = low + 1; k < num; k++)
                if (!(V(k) < maxval)) { maxidx = k; maxval = V(k); }
            Swap(kth, maxidx);
            return;
        }
        int depthLimit = Msb(num) * 2;
        while (low + 1 < high)
        {
            int ll = low + 1, hh = high;
            if (depthLimit > 0 || hh - ll < 5)
            {
                int mid = low + (high - low) / 2;
                if (V(high) < V(mid)) Swap(high, mid);
                if (V(high) < V(low)) Swap(high, low);
                if (V(low) < V(mid)) Swap(low, mid);
                Swap(mid, low + 1);
            }
            else
            {
                int mid = ll + MedianOfMedian5(v, idx, offset + ll, hh - ll);
                Swap(mid, low);
                ll--;
                hh++;
            }
            depthLimit--;
            double pivot = V(low);
            while (true)
            {
                do ll++; while (V(ll) < pivot);
                do hh--; while (pivot < V(hh));
                if (hh < ll) break;
                Swap(ll, hh);
            }
            Swap(low, hh);
            if (hh != kth) StorePivot(hh, kth, pivots);
            if (hh >= kth) high = hh - 1;
            if (hh <= kth) low = ll;
        }
        if (high == low + 1 && V(high) < V(low)) Swap(high, low);
        StorePivot(kth, kth, pivots);
    }

    private const int MaxPivotStack = 50;

    private static void StorePivot(int pivot, int kth, List<int>? pivots)
    {
        if (pivots is null) return;
        if (pivot == kth && pivots.Count == MaxPivotStack) pivots[^1] = pivot;
        else if (pivot >= kth && pivots.Count < MaxPivotStack) pivots.Add(pivot);
    }

    private static void DumbSelect(double[] v, int[] idx, int offset, int num, int kth)
    {
        for (int i = 0; i <= kth; i++)
        {
            int minidx = i;
            double minval = v[idx[offset + i]];
            for (int k = i + 1; k < num; k++)
                if (v[idx[offset + k]] < minval) { minidx = k; minval = v[idx[offset + k]]; }
            (idx[offset + i], idx[offset + minidx]) = (idx[offset + minidx], idx[offset + i]);
        }
    }

    private static int Median5(double[] v, int[] idx, int o)
    {
        double V(int i) => v[idx[o + i]];
        void Swap(int i, int j) => (idx[o + i], idx[o + j]) = (idx[o + j], idx[o + i]);
        if (V(1) < V(0)) Swap(1, 0);
        if (V(4) < V(3)) Swap(4, 3);
        if (V(3) < V(0)) Swap(3, 0);
        if (V(4) < V(1)) Swap(4, 1);
        if (V(2) < V(1)) Swap(2, 1);
        if (V(3) < V(2)) return V(3) < V(1) ? 1 : 3;
        return 2;
    }

    private static int MedianOfMedian5(double[] v, int[] idx, int offset, int num)
    {
        int right = num - 1;
        int nmed = (right + 1) / 5;
        for (int i = 0, subleft = 0; i < nmed; i++, subleft += 5)
        {
            int m = Median5(v, idx, offset + subleft);
            (idx[offset + subleft + m], idx[offset + i]) = (idx[offset + i], idx[offset + subleft + m]);
        }
        if (nmed > 2) IntroSelect(v, idx, offset, nmed, nmed / 2, null, true);
        return nmed / 2;
    }
}
