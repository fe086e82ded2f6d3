namespace BERTopicNet.Numerics;

/// <summary>The row order pandas' <c>sort_values(ascending=False)</c> gives on one int64 column (its <c>nargsort</c>).</summary>
internal static class PandasOrder
{
    /// <summary>Positions of <paramref name="values"/> in descending order, ties as pandas 1.x/2.x with NumPy 1.24 break them.</summary>
    public static int[] Descending(ReadOnlySpan<long> values)
    {
        int n = values.Length;
        var reversed = new long[n];
        for (int i = 0; i < n; i++) reversed[i] = values[n - 1 - i];
        var perm = NumpySort.ArgQuickSort<long>(reversed);
        var result = new int[n];
        for (int i = 0; i < n; i++) result[n - 1 - i] = n - 1 - perm[i];
        return result;
    }
}
