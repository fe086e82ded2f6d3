namespace BERTopicNet.Hdbscan;

/// <summary>
/// HDBSCAN* clustering with the semantics of the Python <c>hdbscan</c> library (McInnes &amp; Healy): core distances,
/// mutual reachability, a minimum spanning tree (Borůvka over a k-d tree), the single-linkage and condensed
/// trees, Excess-of-Mass or leaf selection, membership strengths, GLOSH outlier scores, and prediction for new
/// points with soft clustering. Euclidean metric. Deterministic: the same input gives the same result on any
/// number of threads.
/// <para>
/// Equal mutual-reachability distances are common, and the order in which tied spanning-tree edges are merged decides
/// how clusters nest. The fit therefore follows hdbscan 0.8's <c>algorithm="best"</c> step for step: up to 60
/// dimensions its <c>boruvka_kdtree</c> path (scikit-learn's k-d trees and k-NN order, hdbscan's Borůvka with
/// <c>approx_min_span_tree=True</c>), above 60 its <c>prims_kdtree</c> path (Prim's algorithm from point 0, O(N²)
/// time as in Python), then NumPy's argsort of the edges; so it returns the same labels as Python, not just an
/// equally valid tie-break (identical on the 20 Newsgroups and BBC News reference embeddings, and on BERTopic's
/// 384-dimension topic embeddings in <c>nr_topics="auto"</c>).
/// </para>
/// </summary>
/// <example>
/// <code>
/// var hdb = new Hdbscan(new HdbscanOptions { MinClusterSize = 10, PredictionData = true });
/// var result = hdb.Fit(points);                 // labels, strengths, outlier scores
/// var soft = hdb.AllPointsMembershipVectors();  // N × clusters
/// var (labels, strengths) = hdb.ApproximatePredict(newPoints);
/// </code>
/// </example>
public sealed class Hdbscan
{
    private readonly HdbscanOptions _options;
    private float[]? _points;
    private int _n, _dims;
    private CondensedTree? _tree;
    private int[]? _selected;
    private HdbscanResult? _result;
    private PredictionModel? _prediction;
    private double[]? _predictionCore;

    /// <summary>Creates an unfitted model; <paramref name="options"/> null means the defaults.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public Hdbscan(HdbscanOptions? options = null)
    {
        _options = (options ?? new HdbscanOptions()).Clone();
        _options.Validate();
    }

    /// <summary>A copy of the options of this model.</summary>
    public HdbscanOptions Options => _options.Clone();

    /// <summary>True after <see cref="Fit"/> or <see cref="FromState"/>.</summary>
    public bool IsFitted => _result is not null;

    /// <summary>Cluster of each training point, -1 for noise.</summary>
    public int[] Labels => Fitted.Labels;

    /// <summary>Membership strength of each training point in its cluster (0 for noise).</summary>
    public float[] Probabilities => Fitted.Probabilities;

    /// <summary>GLOSH outlier score of each training point.</summary>
    public float[] OutlierScores => Fitted.OutlierScores;

    /// <summary>Persistence (scaled stability) of each cluster.</summary>
    public float[] ClusterPersistence => Fitted.ClusterPersistence;

    /// <summary>Number of clusters found.</summary>
    public int ClusterCount => Fitted.ClusterCount;

    /// <summary>The condensed tree of the fit.</summary>
    public CondensedTree CondensedTree => _tree ?? throw NotFitted();

    private HdbscanResult Fitted => _result ?? throw NotFitted();

    private static InvalidOperationException NotFitted() => new("The model is not fitted: call Fit first (or restore one with Hdbscan.FromState).");

    private int Threads => Math.Max(1, Math.Min(_options.MaxThreads ?? Environment.ProcessorCount, Environment.ProcessorCount));

    /// <summary>Clusters <paramref name="points"/> (N × d, Euclidean).</summary>
    /// <param name="points">The points; every value must be finite.</param>
    /// <param name="progress">Receives the fraction of work done, from 0 to 1.</param>
    /// <param name="ct">Cancels the work.</param>
    /// <exception cref="ArgumentException">The input is empty or holds NaN or infinity.</exception>
    public HdbscanResult Fit(float[,] points, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        int n = points.GetLength(0), d = points.GetLength(1);
        if (n == 0 || d == 0)
            throw new ArgumentException($"points must have at least one row and one column (got {n} × {d}).", nameof(points));
        var flat = new float[n * d];
        Buffer.BlockCopy(points, 0, flat, 0, n * d * sizeof(float));
        for (int i = 0; i < flat.Length; i++)
            if (!float.IsFinite(flat[i]))
                throw new ArgumentException($"points[{i / d}, {i % d}] is {flat[i]}; HDBSCAN needs finite values: remove or impute rows with NaN or infinity first.", nameof(points));

        progress?.Report(0);
        var coords = new double[n * d];
        for (int i = 0; i < coords.Length; i++) coords[i] = flat[i];
        int minSamples = Math.Max(1, Math.Min(n - 1, _options.EffectiveMinSamples));
        CondensedTree tree;
        double[]? predictionCore = null;
        if (n == 1)
        {
            tree = new CondensedTree { Parent = [1], Child = [0], Lambda = [0.0], ChildSize = [1], PointCount = 1 };
        }
        else if (d > PrimDimensions)
        {
            // hdbscan's prims_kdtree: core distances (values only) and Prim's algorithm on the dense graph.
            var core = PrimCoreDistances(coords, n, d, minSamples, ct);
            progress?.Report(0.2);
            var mstProgress = progress is null ? null : new Progress<double>(f => progress.Report(0.2 + 0.6 * f));
            var edges = PrimMst.Compute(coords, n, d, core, _options.Alpha, Threads, mstProgress, ct);
            var slt = SingleLinkageTree.FromSpanningTree(edges, n);
            tree = CondensedTree.Condense(slt, _options.MinClusterSize);
        }
        else
        {
            var core = CoreDistances(coords, n, d, minSamples, ct);
            progress?.Report(0.2);
            var mstProgress = progress is null ? null : new Progress<double>(f => progress.Report(0.2 + 0.6 * f));
            // hdbscan's boruvka_kdtree: a scikit-learn KDTree with leaf size 40 / 3 drives the Borůvka traversal.
            var traversalTree = new SklearnKdTree(coords, n, d, BoruvkaLeafSize);
            var edges = HdbscanBoruvka.Compute(traversalTree, core.ByIndex, core.Knn, core.K, _options.Alpha, mstProgress, ct);
            var slt = SingleLinkageTree.FromSpanningTree(edges, n);
            predictionCore = core.Prediction;
            tree = CondensedTree.Condense(slt, _options.MinClusterSize);
        }
        ct.ThrowIfCancellationRequested();
        var sel = ClusterSelection.Run(tree, _options);
        // The model changes only once everything succeeded (a cancelled fit leaves the previous one intact).
        _points = flat; _n = n; _dims = d; _tree = tree; _predictionCore = predictionCore; _prediction = null;
        _selected = sel.Selected;
        _result = new HdbscanResult(sel.Labels, ToFloat(sel.Probabilities), ToFloat(sel.OutlierScores), ToFloat(sel.Persistence));
        if (_options.PredictionData) _prediction = BuildPrediction();
        progress?.Report(1);
        return _result;
    }

    /// <summary>
    /// hdbscan's <c>algorithm="best"</c> takes <c>prims_kdtree</c> (<see cref="PrimMst"/>) above this many dimensions
    /// and <c>boruvka_kdtree</c> (<see cref="HdbscanBoruvka"/>) otherwise.
    /// </summary>
    private const int PrimDimensions = 60;

    /// <summary>
    /// Core distances of hdbscan's <c>prims_kdtree</c>: the distance to the MinSamples + 1-th nearest point counting the
    /// point itself (its <c>KDTree.query(X, k=min_samples + 1)[0][:, -1]</c>). Only the values are used, and they are
    /// bit-identical however the neighbours are found, so the fast tree answers.
    /// </summary>
    private double[] PrimCoreDistances(double[] coords, int n, int d, int minSamples, CancellationToken ct)
    {
        int k = Math.Min(minSamples + 1, n);
        var kd = KdTree.Build(coords, n, d);
        var core = new double[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = ct }, () => (new int[k], new double[k]), (pos, _, buf) =>
        {
            kd.Query(kd.Point(pos), k, buf.Item1, buf.Item2);
            core[kd.Index[pos]] = buf.Item2[k - 1];
            return buf;
        }, _ => { });
        return core;
    }

    /// <summary>hdbscan's default <c>leaf_size</c>: the leaf size of the tree its core distances are queried from.</summary>
    private const int CoreDistanceLeafSize = 40;

    /// <summary>hdbscan's <c>leaf_size</c> divided by 3, the leaf size of its Borůvka tree.</summary>
    private const int BoruvkaLeafSize = CoreDistanceLeafSize / 3;

    /// <summary>hdbscan's default <c>core_dist_n_jobs</c>: above 16,384 points the query runs in this many slices.</summary>
    private const int CoreDistanceJobs = 4;

    private static float[] ToFloat(double[] a) => Array.ConvertAll(a, v => (float)v);

    /// <summary>
    /// Core distances from one k-NN query per point, with neighbours in the order hdbscan sees them. hdbscan queries a
    /// scikit-learn k-d tree (leaf size 40, dual tree, breadth first; in <see cref="CoreDistanceJobs"/> consecutive
    /// slices above 16,384 points, its <c>core_dist_n_jobs</c>). Distances are bit-identical however they are found,
    /// and when no row has two equal distances among its k + 1 nearest the lists are unique, so a fast parallel query
    /// gives exactly scikit-learn's answer; only when some row has a tie is scikit-learn's traversal replayed
    /// (<see cref="SklearnKnn"/>), since its order then decides which neighbour seeds Borůvka.
    /// Returns the fit's core distance (MinSamples + 1-th neighbour counting the point, hdbscan's Borůvka convention),
    /// prediction's (MinSamples-th, hdbscan's PredictionData convention), and the neighbour lists (input indices,
    /// k per row).
    /// </summary>
    private (double[] ByIndex, double[] Prediction, int[] Knn, int K) CoreDistances(double[] coords, int n, int d, int minSamples, CancellationToken ct)
    {
        int k = Math.Min(minSamples + 1, n);
        int predK = Math.Min(_options.EffectiveMinSamples, k);
        var knn = new int[n * k];
        var dist = new double[n * k];
        bool tied = k + 1 > n;
        if (!tied)
        {
            var kd = KdTree.Build(coords, n, d);
            int q = k + 1, ties = 0;
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = ct }, () => (new int[q], new double[q]), (pos, state, buf) =>
            {
                kd.Query(kd.Point(pos), q, buf.Item1, buf.Item2);
                for (int j = 1; j < q; j++)
                    if (buf.Item2[j] == buf.Item2[j - 1]) { Interlocked.Exchange(ref ties, 1); state.Stop(); return buf; }
                int i = kd.Index[pos];
                for (int j = 0; j < k; j++)
                {
                    knn[i * k + j] = kd.Index[buf.Item1[j]];
                    dist[i * k + j] = buf.Item2[j];
                }
                return buf;
            }, _ => { });
            tied = ties != 0;
        }
        if (tied)
        {
            var tree = new SklearnKdTree(coords, n, d, CoreDistanceLeafSize);
            int slices = n > 16384 ? CoreDistanceJobs : 1, per = n / slices;
            Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = ct }, s =>
            {
                int first = s * per, count = s == slices - 1 ? n - first : per;
                SklearnKnn.Query(tree, first, count, k, knn, dist);
            });
        }
        var core = new double[n];
        var pred = new double[n];
        for (int i = 0; i < n; i++)
        {
            core[i] = dist[i * k + k - 1];
            pred[i] = dist[i * k + predK - 1];
        }
        return (core, pred, knn, k);
    }

    private PredictionModel BuildPrediction() =>
        new(_points!, _n, _dims, _tree!, _selected!, _options.EffectiveMinSamples, _predictionCore, Threads);

    private PredictionModel Prediction => _prediction ??= IsFitted ? BuildPrediction() : throw NotFitted();

    private void CheckDims(float[,] points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.GetLength(1) != _dims)
            throw new ArgumentException($"points have {points.GetLength(1)} columns but the model was fitted on {_dims}; pass points of the same dimension.", nameof(points));
        foreach (var v in points)
            if (!float.IsFinite(v))
                throw new ArgumentException("points hold NaN or infinity; prediction needs finite values.", nameof(points));
    }

    /// <summary>
    /// Assigns new points to the fitted clusters without changing them (hdbscan's <c>approximate_predict</c>):
    /// a label per point (-1 = noise) and a membership strength.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    /// <exception cref="ArgumentException">The points have another dimension or non-finite values.</exception>
    public (int[] Labels, float[] Strengths) ApproximatePredict(float[,] points)
    {
        var model = Prediction;
        CheckDims(points);
        return model.ApproximatePredict(points);
    }

    /// <summary>Soft membership of new points in each cluster (hdbscan's <c>membership_vector</c>), M × clusters.</summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    /// <exception cref="ArgumentException">The points have another dimension or non-finite values.</exception>
    public float[,] MembershipVector(float[,] points)
    {
        var model = Prediction;
        CheckDims(points);
        return model.MembershipVector(points);
    }

    /// <summary>
    /// Soft membership of every training point in each cluster (hdbscan's <c>all_points_membership_vectors</c>,
    /// behind BERTopic's <c>calculate_probabilities</c>), N × clusters; all zeros (N × 0) when there are no clusters.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    public float[,] AllPointsMembershipVectors() => AllPointsMembershipVectors(null, default);

    /// <summary>As <see cref="AllPointsMembershipVectors()"/>, with progress and cancellation.</summary>
    public float[,] AllPointsMembershipVectors(IProgress<double>? progress, CancellationToken ct = default) =>
        Prediction.AllPointsMembershipVectors(progress, ct);

    /// <summary>Everything needed to predict, as plain arrays (write it anywhere; restore with <see cref="FromState"/>).</summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    public HdbscanState ExportState()
    {
        var r = Fitted;
        var tree = _tree!;
        return new HdbscanState
        {
            MinClusterSize = _options.MinClusterSize,
            MinSamples = _options.EffectiveMinSamples,
            Alpha = _options.Alpha,
            ClusterSelectionEpsilon = _options.ClusterSelectionEpsilon,
            ClusterSelectionMethod = (int)_options.ClusterSelectionMethod,
            AllowSingleCluster = _options.AllowSingleCluster,
            MaxClusterSize = _options.MaxClusterSize,
            PointCount = _n,
            Dimensions = _dims,
            Points = (float[])_points!.Clone(),
            TreeParent = (int[])tree.Parent.Clone(),
            TreeChild = (int[])tree.Child.Clone(),
            TreeLambda = (double[])tree.Lambda.Clone(),
            TreeChildSize = (int[])tree.ChildSize.Clone(),
            SelectedClusters = (int[])_selected!.Clone(),
            Labels = (int[])r.Labels.Clone(),
            Probabilities = (float[])r.Probabilities.Clone(),
            OutlierScores = (float[])r.OutlierScores.Clone(),
            ClusterPersistence = (float[])r.ClusterPersistence.Clone(),
            PredictionCoreDistances = (double[])(_predictionCore ?? Prediction.CoreDistances).Clone(),
        };
    }

    /// <summary>Restores a fitted model from <see cref="ExportState"/>; its predictions equal the original's.</summary>
    /// <exception cref="ArgumentException">The state is inconsistent (wrong lengths, unknown version).</exception>
    public static Hdbscan FromState(HdbscanState s, int? maxThreads = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Version != 1) throw new ArgumentException($"HdbscanState version {s.Version} is not supported (expected 1).", nameof(s));
        int n = s.PointCount, d = s.Dimensions;
        if (n < 1 || d < 1 || s.Points.Length != (long)n * d)
            throw new ArgumentException($"HdbscanState holds {s.Points.Length} point values for {n} × {d}.", nameof(s));
        int rows = s.TreeParent.Length;
        if (s.TreeChild.Length != rows || s.TreeLambda.Length != rows || s.TreeChildSize.Length != rows)
            throw new ArgumentException("HdbscanState condensed-tree arrays differ in length.", nameof(s));
        if (s.Labels.Length != n || s.Probabilities.Length != n || s.OutlierScores.Length != n)
            throw new ArgumentException("HdbscanState per-point arrays do not have PointCount entries.", nameof(s));
        if (s.SelectedClusters.Length != s.ClusterPersistence.Length)
            throw new ArgumentException("HdbscanState SelectedClusters and ClusterPersistence differ in length.", nameof(s));
        if (s.PredictionCoreDistances.Length != 0 && s.PredictionCoreDistances.Length != n)
            throw new ArgumentException("HdbscanState PredictionCoreDistances does not have PointCount entries.", nameof(s));
        for (int r = 0; r < rows; r++)
        {
            if (s.TreeParent[r] < n || s.TreeChild[r] < 0 || s.TreeChild[r] <= s.TreeParent[r] && s.TreeChild[r] >= n)
                throw new ArgumentException($"HdbscanState condensed-tree row {r} is not a valid edge.", nameof(s));
        }
        var options = new HdbscanOptions
        {
            MinClusterSize = s.MinClusterSize,
            MinSamples = s.MinSamples,
            Alpha = s.Alpha,
            ClusterSelectionEpsilon = s.ClusterSelectionEpsilon,
            ClusterSelectionMethod = (ClusterSelectionMethod)s.ClusterSelectionMethod,
            AllowSingleCluster = s.AllowSingleCluster,
            MaxClusterSize = s.MaxClusterSize,
            PredictionData = true,
            MaxThreads = maxThreads,
        };
        var h = new Hdbscan(options)
        {
            _points = (float[])s.Points.Clone(),
            _n = n,
            _dims = d,
            _tree = new CondensedTree
            {
                Parent = (int[])s.TreeParent.Clone(), Child = (int[])s.TreeChild.Clone(), Lambda = (double[])s.TreeLambda.Clone(),
                ChildSize = (int[])s.TreeChildSize.Clone(), PointCount = n,
            },
            _selected = (int[])s.SelectedClusters.Clone(),
            _predictionCore = s.PredictionCoreDistances.Length == n ? (double[])s.PredictionCoreDistances.Clone() : null,
        };
        h._result = new HdbscanResult((int[])s.Labels.Clone(), (float[])s.Probabilities.Clone(), (float[])s.OutlierScores.Clone(), (float[])s.ClusterPersistence.Clone());
        return h;
    }
}
