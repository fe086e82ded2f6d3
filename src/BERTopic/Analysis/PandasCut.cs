namespace BERTopicNet.Analysis;

/// <summary>
/// Equal-width binning of timestamps as <c>pandas.cut(x, bins=nr_bins)</c> does it on datetimes (pandas 1.5): the
/// values as float64 nanoseconds since the Unix epoch, edges <c>np.linspace(min, max, nr_bins + 1)</c> with the
/// first lowered by 0.1 % of the range (or, when all values are equal, the range widened by 0.1 % on both sides),
/// right-closed bins found by <c>searchsorted(side="left")</c>, each value labelled by its bin's left edge.
/// </summary>
internal static class PandasCut
{
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    /// <summary>The left edge of each timestamp's bin.</summary>
    public static DateTime[] LeftEdges(IReadOnlyList<DateTime> timestamps, int nrBins)
    {
        var x = new double[timestamps.Count];
        for (int i = 0; i < x.Length; i++) x[i] = Nanoseconds(timestamps[i]);
        double mn = x.Min(), mx = x.Max();
        double[] bins;
        if (mn == mx)
        {
            mn -= mn != 0 ? 0.001 * Math.Abs(mn) : 0.001;
            mx += mx != 0 ? 0.001 * Math.Abs(mx) : 0.001;
            bins = Linspace(mn, mx, nrBins + 1);
        }
        else
        {
            bins = Linspace(mn, mx, nrBins + 1);
            bins[0] -= (mx - mn) * 0.001;
        }
        var lefts = new DateTime[bins.Length - 1];
        for (int b = 0; b < lefts.Length; b++) lefts[b] = FromNanoseconds(bins[b]);
        var result = new DateTime[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            // searchsorted(bins, v, side="left"): the number of edges below v.
            int id = Array.BinarySearch(bins, x[i]);
            if (id < 0) id = ~id;
            else while (id > 0 && bins[id - 1] == x[i]) id--;
            result[i] = lefts[Math.Clamp(id - 1, 0, lefts.Length - 1)];
        }
        return result;
    }

    /// <summary>NumPy's <c>linspace(start, stop, num)</c>: start + i·step, the last value exactly stop.</summary>
    internal static double[] Linspace(double start, double stop, int num)
    {
        var result = new double[num];
        int div = num - 1;
        double delta = stop - start;
        double step = delta / div;
        for (int i = 0; i < num; i++) result[i] = step == 0 ? i / (double)div * delta + start : i * step + start;
        if (num > 1) result[^1] = stop;
        return result;
    }

    private static double Nanoseconds(DateTime t)
    {
        long ticks = t.Ticks - EpochTicks;
        // pandas holds int64 nanoseconds and cuts their float64 values; outside its range (1677–2262) use doubles.
        return Math.Abs(ticks) < long.MaxValue / 100 ? (double)(ticks * 100) : ticks * 100.0;
    }

    private static DateTime FromNanoseconds(double ns)
    {
        // pandas' Timestamp(float) keeps whole nanoseconds; DateTime keeps 100 ns ticks (rounded down).
        double ticks = Math.Floor(Math.Truncate(ns) / 100.0);
        return new DateTime(EpochTicks + (long)ticks, DateTimeKind.Unspecified);
    }
}
