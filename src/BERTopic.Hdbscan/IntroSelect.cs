namespace BERTopicNet.Hdbscan;

/// <summary>
/// <c>std::nth_element</c> as GNU libstdc++ implements it (introselect): median-of-three pivot moved to the front,
/// Hoare-style unguarded partition, insertion sort once at most three elements remain, and heap selection when the
/// depth limit (2·⌊log2 n⌋) runs out. Ported from the documented algorithm so that the permutation it leaves
/// behind, not just the partition, is the same as C++'s; scikit-learn's k-d tree is built with it.
/// </summary>
internal static class IntroSelect
{
    /// <summary>Strict weak order on the items being selected.</summary>
    public delegate bool Less(int a, int b);

    /// <summary>
    /// Rearranges <paramref name="items"/> so that the element at <paramref name="nth"/> is the one a full sort would
    /// put there, everything before it is not greater and everything after it not less.
    /// </summary>
    public static void NthElement(Span<int> items, int nth, Less less)
    {
        int first = 0, last = items.Length;
        if (first == last || nth == last) return;
        int depth = 2 * Log2(last - first);
        while (last - first > 3)
        {
            if (depth == 0)
            {
                HeapSelect(items, first, nth + 1, last, less);
                (items[first], items[nth]) = (items[nth], items[first]);
                return;
            }
            depth--;
            int cut = PartitionPivot(items, first, last, less);
            if (cut <= nth) first = cut;
            else last = cut;
        }
        InsertionSort(items, first, last, less);
    }

    private static int Log2(int n) => 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)n);

    private static int PartitionPivot(Span<int> v, int first, int last, Less less)
    {
        int mid = first + (last - first) / 2;
        MoveMedianToFirst(v, first, first + 1, mid, last - 1, less);
        return UnguardedPartition(v, first + 1, last, first, less);
    }

    private static void MoveMedianToFirst(Span<int> v, int result, int a, int b, int c, Less less)
    {
        int pick;
        if (less(v[a], v[b]))
        {
            if (less(v[b], v[c])) pick = b;
            else if (less(v[a], v[c])) pick = c;
            else pick = a;
        }
        else if (less(v[a], v[c])) pick = a;
        else if (less(v[b], v[c])) pick = c;
        else pick = b;
        (v[result], v[pick]) = (v[pick], v[result]);
    }

    private static int UnguardedPartition(Span<int> v, int first, int last, int pivot, Less less)
    {
        while (true)
        {
            while (less(v[first], v[pivot])) first++;
            last--;
            while (less(v[pivot], v[last])) last--;
            if (first >= last) return first;
            (v[first], v[last]) = (v[last], v[first]);
            first++;
        }
    }

    private static void InsertionSort(Span<int> v, int first, int last, Less less)
    {
        if (first == last) return;
        for (int i = first + 1; i < last; i++)
        {
            int val = v[i];
            if (less(val, v[first]))
            {
                v.Slice(first, i - first).CopyTo(v.Slice(first + 1));
                v[first] = val;
            }
            else
            {
                int j = i;
                while (less(val, v[j - 1])) { v[j] = v[j - 1]; j--; }
                v[j] = val;
            }
        }
    }

    private static void HeapSelect(Span<int> v, int first, int middle, int last, Less less)
    {
        var heap = v[first..middle];
        MakeHeap(heap, less);
        for (int i = middle; i < last; i++)
        {
            if (!less(v[i], v[first])) continue;
            // pop_heap into position i: the top goes to i, the old v[i] sinks from the top.
            int value = v[i];
            v[i] = v[first];
            AdjustHeap(heap, 0, heap.Length, value, less);
        }
    }

    private static void MakeHeap(Span<int> h, Less less)
    {
        int len = h.Length;
        if (len < 2) return;
        for (int parent = (len - 2) / 2; ; parent--)
        {
            AdjustHeap(h, parent, len, h[parent], less);
            if (parent == 0) return;
        }
    }

    private static void AdjustHeap(Span<int> h, int hole, int len, int value, Less less)
    {
        int top = hole, child = hole;
        while (child < (len - 1) / 2)
        {
            child = 2 * (child + 1);
            if (less(h[child], h[child - 1])) child--;
            h[hole] = h[child];
            hole = child;
        }
        if ((len & 1) == 0 && child == (len - 2) / 2)
        {
            child = 2 * (child + 1);
            h[hole] = h[child - 1];
            hole = child - 1;
        }
        // push_heap back up towards top.
        int parent = (hole - 1) / 2;
        while (hole > top && less(h[parent], value))
        {
            h[hole] = h[parent];
            hole = parent;
            parent = (hole - 1) / 2;
        }
        h[hole] = value;
    }
}
