namespace BERTopicNet.Clustering;

/// <summary>
/// Supervised topic modeling: a classifier in the clusterer's place (Python BERTopic lets any scikit-learn classifier
/// be the <c>hdbscan_model</c>; this is scikit-learn's <c>NearestCentroid</c>). Fit takes the labels y as the topics and
/// learns one centroid per class (the mean of its points; -1 is a class like the others, the outlier topic);
/// <see cref="Predict"/> assigns new points to the class of the nearest centroid (euclidean, first class on ties).
/// No probabilities, as in Python.
/// </summary>
public sealed class NearestCentroidClassifier : IClusterer
{
    private int[]? _classes;
    private float[,]? _centroids;

    /// <summary>The classes, ascending, or null before fitting.</summary>
    public IReadOnlyList<int>? Classes => _classes;

    /// <summary>The centroids (class × d, row i = <see cref="Classes"/>[i]), a copy, or null before fitting.</summary>
    public float[,]? Centroids => (float[,]?)_centroids?.Clone();

    /// <summary>Learns the centroids and returns <paramref name="y"/> as the labels.</summary>
    /// <exception cref="ArgumentException"><paramref name="y"/> is missing, of the wrong length, or holds a label below -1.</exception>
    public ClusterAssignment Fit(float[,] points, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (y is null)
            throw new ArgumentException("NearestCentroidClassifier is supervised: pass the class of every document as y to Fit/FitTransform.", nameof(y));
        int n = points.GetLength(0), d = points.GetLength(1);
        if (y.Length != n)
            throw new ArgumentException($"y has {y.Length} labels but there are {n} documents; give one label per document.", nameof(y));
        for (int i = 0; i < n; i++)
            if (y[i] < -1) throw new ArgumentException($"y[{i}] is {y[i]}; labels must be -1 (outlier) or a class id >= 0.", nameof(y));
        var classes = y.Distinct().Order().ToArray();
        var row = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var sums = new double[classes.Length, d];
        var counts = new int[classes.Length];
        for (int i = 0; i < n; i++)
        {
            int r = row[y[i]];
            counts[r]++;
            for (int j = 0; j < d; j++) sums[r, j] += points[i, j];
        }
        var centroids = new float[classes.Length, d];
        for (int r = 0; r < classes.Length; r++)
            for (int j = 0; j < d; j++) centroids[r, j] = (float)(sums[r, j] / counts[r]);
        _classes = classes;
        _centroids = centroids;
        progress?.Report(1);
        return new ClusterAssignment((int[])y.Clone(), null);
    }

    /// <inheritdoc />
    public ClusterPrediction Predict(float[,] points, bool withMembership = false)
    {
        ArgumentNullException.ThrowIfNull(points);
        var centroids = _centroids ?? throw new InvalidOperationException("The NearestCentroidClassifier is not fitted; call Fit first.");
        int d = points.GetLength(1);
        var classes = _classes!;
        if (d != centroids.GetLength(1))
            throw new ArgumentException($"The points have {d} dimensions but the classifier was fitted on {centroids.GetLength(1)}.", nameof(points));
        var labels = Array.ConvertAll(NearestCentres.Assign(points, centroids), c => classes[c]);
        return new ClusterPrediction(labels, null, null);
    }

    /// <summary>Restores a fitted state (for loading saved models).</summary>
    internal static NearestCentroidClassifier FromState(int[] classes, float[,] centroids) => new() { _classes = classes, _centroids = centroids };
}
