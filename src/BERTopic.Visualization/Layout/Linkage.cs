namespace BERTopicNet.Visualization.Layout;

/// <summary>One merge of agglomerative clustering, in SciPy's linkage-matrix form.</summary>
/// <param name="Left">The first merged cluster: a leaf index (&lt; n) or n + the index of an earlier merge.</param>
/// <param name="Right">The second merged cluster, numbered the same way.</param>
/// <param name="Distance">The distance at which the two clusters merge.</param>
/// <param name="Size">The number of leaves under the new cluster.</param>
public readonly record struct LinkageStep(int Left, int Right, double Distance, int Size);

/// <summary>
/// Agglomerative (hierarchical) clustering of a small set of items (topics) from their distance matrix, with the
/// Lance–Williams updates of SciPy's <c>linkage</c>. O(n²) memory, about O(n²) to O(n³) time: meant for hundreds to
/// a few thousand topics.
/// </summary>
public static class Linkage
{
    /// <summary>Clusters <paramref name="n"/> items given their symmetric distance matrix (n × n, row-major).</summary>
    /// <param name="distances">Distances, n × n row-major, symmetric, finite, ≥ 0.</param>
    /// <param name="n">Number of items (≥ 1).</param>
    /// <param name="method">The linkage update.</param>
    /// <returns>n − 1 merges in order of increasing distance (SciPy's Z matrix with the smaller cluster id first).</returns>
    /// <exception cref="ArgumentException">The matrix has the wrong size or holds a negative or non-finite value.</exception>
    public static LinkageStep[] Compute(ReadOnlySpan<double> distances, int n, LinkageMethod method)
    {
        if (n < 1) throw new ArgumentException("At least one item is needed to build a hierarchy.", nameof(n));
        if (distances.Length != n * n)
            throw new ArgumentException($"distances must hold n × n = {n * n} values but holds {distances.Length}.", nameof(distances));
        var d = new double[n * n];
        for (int i = 0; i < n * n; i++)
        {
            double v = distances[i];
            if (!double.IsFinite(v) || v < 0)
                throw new ArgumentException($"distances[{i / n}, {i % n}] = {v}; distances must be finite and non-negative.", nameof(distances));
            d[i] = v;
        }
        for (int i = 0; i < n; i++) d[i * n + i] = double.PositiveInfinity;

        var active = new bool[n];
        var clusterId = new int[n];  // SciPy id of the cluster stored in slot i
        var size = new int[n];
        for (int i = 0; i < n; i++) { active[i] = true; clusterId[i] = i; size[i] = 1; }
        var nearest = new int[n];
        for (int i = 0; i < n; i++) nearest[i] = ArgMinRow(d, n, i, active);

        var steps = new LinkageStep[n - 1];
        for (int s = 0; s < n - 1; s++)
        {
            // The closest pair: scan the cached row minima (ties broken by lowest slot, deterministic).
            int a = -1;
            double best = double.PositiveInfinity;
            for (int i = 0; i < n; i++)
                if (active[i] && nearest[i] >= 0 && d[i * n + nearest[i]] < best) { best = d[i * n + nearest[i]]; a = i; }
            int b = nearest[a];
            if (b < a) (a, b) = (b, a);
            int na = size[a], nb = size[b];
            int idA = clusterId[a], idB = clusterId[b];
            steps[s] = new LinkageStep(Math.Min(idA, idB), Math.Max(idA, idB), best, na + nb);

            // Merge b into slot a.
            double dab = d[a * n + b];
            for (int k = 0; k < n; k++)
            {
                if (!active[k] || k == a || k == b) continue;
                double dak = d[a * n + k], dbk = d[b * n + k];
                int nk = size[k];
                double nd = method switch
                {
                    LinkageMethod.Average => (na * dak + nb * dbk) / (na + nb),
                    LinkageMethod.Complete => Math.Max(dak, dbk),
                    LinkageMethod.Single => Math.Min(dak, dbk),
                    _ => Math.Sqrt(Math.Max(0, ((nk + na) * dak * dak + (nk + nb) * dbk * dbk - nk * dab * dab) / (nk + na + nb))),
                };
                d[a * n + k] = nd;
                d[k * n + a] = nd;
            }
            active[b] = false;
            size[a] = na + nb;
            clusterId[a] = n + s;
            for (int k = 0; k < n; k++) { d[b * n + k] = double.PositiveInfinity; d[k * n + b] = double.PositiveInfinity; }

            // Refresh the row minima that may have changed.
            for (int k = 0; k < n; k++)
            {
                if (!active[k]) continue;
                if (k == a || nearest[k] == a || nearest[k] == b) nearest[k] = ArgMinRow(d, n, k, active);
                else if (d[k * n + a] < d[k * n + nearest[k]]) nearest[k] = a;
            }
        }
        return steps;
    }

    private static int ArgMinRow(double[] d, int n, int i, bool[] active)
    {
        int arg = -1;
        double best = double.PositiveInfinity;
        for (int j = 0; j < n; j++)
            if (active[j] && j != i && d[i * n + j] < best) { best = d[i * n + j]; arg = j; }
        if (arg < 0)
            for (int j = 0; j < n; j++)
                if (active[j] && j != i) { arg = j; break; }
        return arg;
    }
}
