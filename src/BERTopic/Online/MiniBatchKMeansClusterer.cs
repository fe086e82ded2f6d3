using BERTopicNet.Clustering;

namespace BERTopicNet.Online;

/// <summary>
/// Mini-batch k-means (scikit-learn's <c>MiniBatchKMeans</c>, the clusterer of BERTopic's online example). The first
/// batch seeds the centres by greedy k-means++; every batch then moves each centre to the running mean of the points
/// assigned to it (per-centre counts), and the batch is labelled with the updated centres. No outliers, no
/// probabilities. Deterministic for a seed. (scikit-learn's random reassignment of nearly empty centres is not done.)
/// </summary>
public sealed class MiniBatchKMeansClusterer : IOnlineClusterer
{
    private float[,]? _centers;
    private long[]? _counts;
    private readonly Random _random;

    /// <summary>Creates a clusterer.</summary>
    /// <param name="clusters">Number of clusters (topics).</param>
    /// <param name="seed">Seed of the k-means++ initialisation. Default 0.</param>
    /// <param name="batchSize">Rows per step when fitting all points at once. Default 1024, as scikit-learn.</param>
    /// <param name="epochs">Passes over the points when fitting all at once. Default 10.</param>
    public MiniBatchKMeansClusterer(int clusters, int seed = 0, int batchSize = 1024, int epochs = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clusters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        Clusters = clusters;
        Seed = seed;
        BatchSize = batchSize;
        Epochs = epochs;
        _random = new Random(seed);
    }

    /// <summary>Number of clusters.</summary>
    public int Clusters { get; }

    /// <summary>Seed of the initialisation.</summary>
    public int Seed { get; }

    /// <summary>Rows per step of <see cref="Fit"/>.</summary>
    public int BatchSize { get; }

    /// <summary>Passes of <see cref="Fit"/>.</summary>
    public int Epochs { get; }

    /// <summary>The cluster centres (clusters × d), a copy, or null before fitting.</summary>
    public float[,]? Centers => (float[,]?)_centers?.Clone();

    /// <summary>Points assigned to each centre so far, or null before fitting.</summary>
    public IReadOnlyList<long>? Counts => _counts;

    /// <inheritdoc />
    public int[] PartialFit(float[,] points, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        int n = points.GetLength(0), d = points.GetLength(1);
        if (_centers is null)
        {
            if (n < Clusters)
                throw new ArgumentException($"The first batch has {n} rows but MiniBatchKMeansClusterer needs at least {Clusters} (one per cluster) to place its centres.", nameof(points));
            _centers = KMeansPlusPlus(points);
            _counts = new long[Clusters];
        }
        else if (d != _centers.GetLength(1))
            throw new ArgumentException($"The points have {d} dimensions but the clusterer was fitted on {_centers.GetLength(1)}.", nameof(points));
        var labels = Nearest(points);
        var sums = new double[Clusters, d];
        var batchCounts = new long[Clusters];
        for (int i = 0; i < n; i++)
        {
            batchCounts[labels[i]]++;
            for (int j = 0; j < d; j++) sums[labels[i], j] += points[i, j];
        }
        for (int c = 0; c < Clusters; c++)
        {
            if (batchCounts[c] == 0) continue;
            long total = _counts![c] + batchCounts[c];
            for (int j = 0; j < d; j++)
                _centers[c, j] = (float)(((_centers[c, j] * (double)_counts[c]) + sums[c, j]) / total);
            _counts[c] = total;
        }
        cancellationToken.ThrowIfCancellationRequested();
        return Nearest(points);
    }

    /// <summary>Forgets earlier batches and fits on all points: <see cref="Epochs"/> passes of batches of <see cref="BatchSize"/>.</summary>
    public ClusterAssignment Fit(float[,] points, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        _centers = null;
        _counts = null;
        int n = points.GetLength(0), d = points.GetLength(1);
        int batch = Math.Max(BatchSize, Clusters);
        for (int e = 0; e < Epochs; e++)
        {
            for (int start = 0; start < n; start += batch)
            {
                int size = Math.Min(batch, n - start);
                if (_centers is null && size < Clusters) size = n - start;
                var part = new float[size, d];
                Buffer.BlockCopy(points, start * d * sizeof(float), part, 0, size * d * sizeof(float));
                PartialFit(part, cancellationToken);
                if (size == n - start) break;
            }
            progress?.Report((double)(e + 1) / Epochs);
        }
        return new ClusterAssignment(Nearest(points), null);
    }

    /// <inheritdoc />
    public ClusterPrediction Predict(float[,] points, bool withMembership = false)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (_centers is null) throw new InvalidOperationException("The MiniBatchKMeansClusterer is not fitted; call PartialFit or Fit first.");
        if (points.GetLength(1) != _centers.GetLength(1))
            throw new ArgumentException($"The points have {points.GetLength(1)} dimensions but the clusterer was fitted on {_centers.GetLength(1)}.", nameof(points));
        return new ClusterPrediction(Nearest(points), null, null);
    }

    private int[] Nearest(float[,] points) => NearestCentres.Assign(points, _centers!);

    /// <summary>Greedy k-means++ (scikit-learn's: 2 + ln k candidates per step, the one lowering the potential most wins).</summary>
    private float[,] KMeansPlusPlus(float[,] points)
    {
        int n = points.GetLength(0), d = points.GetLength(1), k = Clusters;
        int trials = 2 + (int)Math.Log(k);
        var centers = new float[k, d];
        double Dist(int i, int c) { double s = 0; for (int j = 0; j < d; j++) { double t = points[i, j] - centers[c, j]; s += t * t; } return s; }
        double DistRows(int i, int r) { double s = 0; for (int j = 0; j < d; j++) { double t = points[i, j] - points[r, j]; s += t * t; } return s; }
        int first = _random.Next(n);
        for (int j = 0; j < d; j++) centers[0, j] = points[first, j];
        var closest = new double[n];
        for (int i = 0; i < n; i++) closest[i] = Dist(i, 0);
        for (int c = 1; c < k; c++)
        {
            double potential = closest.Sum();
            int bestCandidate = -1;
            double bestPotential = double.PositiveInfinity;
            double[]? bestClosest = null;
            for (int t = 0; t < trials; t++)
            {
                double target = _random.NextDouble() * potential, acc = 0;
                int candidate = n - 1;
                for (int i = 0; i < n; i++) { acc += closest[i]; if (acc > target) { candidate = i; break; } }
                var updated = new double[n];
                double sum = 0;
                for (int i = 0; i < n; i++) { updated[i] = Math.Min(closest[i], DistRows(i, candidate)); sum += updated[i]; }
                if (sum < bestPotential) { bestPotential = sum; bestCandidate = candidate; bestClosest = updated; }
            }
            for (int j = 0; j < d; j++) centers[c, j] = points[bestCandidate, j];
            closest = bestClosest!;
        }
        return centers;
    }

    /// <summary>Restores a fitted state (for loading saved models).</summary>
    internal static MiniBatchKMeansClusterer FromState(float[,] centers, long[] counts, int seed, int batchSize, int epochs) =>
        new(centers.GetLength(0), seed, batchSize, epochs) { _centers = centers, _counts = counts };
}
