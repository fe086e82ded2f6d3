using System.Numerics;

namespace BERTopicNet.Hdbscan;

/// <summary>
/// hdbscan's <c>PredictionData</c> and the functions of its <c>prediction</c> module: <c>approximate_predict</c>,
/// <c>membership_vector</c> and <c>all_points_membership_vectors</c>. Merge heights between clusters are tabulated
/// once per cluster pair, and the distances to exemplars run vectorised and in parallel, so soft clustering of
/// 100k points takes seconds.
/// </summary>
internal sealed class PredictionModel
{
    private readonly KdTree _tree;
    private readonly double[] _core;             // prediction core distance per input index
    private readonly ClusterSelection.TreeFacts _f;
    private readonly int[] _selected;
    private readonly int[] _labelOfCluster;      // label of every cluster at or below a selected one, else -1
    private readonly double[] _clusterMaxLambda; // max lambda of the selected cluster above each cluster
    private readonly int _minSamples;
    private readonly int _threads;
    private readonly int _dims;
    private readonly float[] _exemplars;         // exemplar coordinates, grouped by cluster, row-major
    private readonly int[] _exemplarStart;       // cluster j's exemplars are rows [start[j], start[j+1])
    private readonly float[] _exemplarsByDim;    // the same, one block per dimension (for SIMD)
    private readonly int _exemplarCount;
    private double[]? _mergeTable;               // row(cluster) * k + j -> merge height, NaN = the point's own lambda
    private int[]? _mergeRow;                    // row of each cluster in the merge table (-1: no point falls out of it)

    public double[] CoreDistances => _core;

    public PredictionModel(float[] points, int n, int d, CondensedTree tree, int[] selected, int minSamples, double[]? core, int threads)
    {
        _dims = d;
        _minSamples = minSamples;
        _threads = threads;
        _selected = selected;
        var coords = new double[n * d];
        for (int i = 0; i < coords.Length; i++) coords[i] = points[i];
        _tree = KdTree.Build(coords, n, d);
        _f = ClusterSelection.TreeFacts.Of(tree);
        _core = core ?? ComputeCore();

        _labelOfCluster = new int[_f.Limit];
        _clusterMaxLambda = new double[_f.Limit];
        Array.Fill(_labelOfCluster, -1);
        // Exemplars: the points that stay longest in each leaf cluster (those leaving it at its largest lambda).
        var leafExemplars = new Dictionary<int, List<int>>();
        for (int p = 0; p < n; p++)
        {
            int leaf = _f.PointParent[p];
            if (_f.Children[leaf].Length == 0 && _f.PointLambda[p] == _f.MaxLambda[leaf])
            {
                if (!leafExemplars.TryGetValue(leaf, out var list)) leafExemplars[leaf] = list = [];
                list.Add(p);
            }
        }
        var exemplarRows = new List<int>();
        _exemplarStart = new int[selected.Length + 1];
        for (int j = 0; j < selected.Length; j++)
        {
            int c = selected[j];
            double max = _f.MaxLambda[c];
            var below = _f.Below(c);
            foreach (var s in below) { _labelOfCluster[s] = j; _clusterMaxLambda[s] = max; }
            _exemplarStart[j] = exemplarRows.Count;
            foreach (var leaf in below)
                if (_f.Children[leaf].Length == 0 && leafExemplars.TryGetValue(leaf, out var list)) exemplarRows.AddRange(list);
        }
        _exemplarStart[selected.Length] = exemplarRows.Count;
        _exemplars = new float[exemplarRows.Count * d];
        for (int e = 0; e < exemplarRows.Count; e++)
            Array.Copy(points, exemplarRows[e] * d, _exemplars, e * d, d);
        _exemplarCount = exemplarRows.Count;
        _exemplarsByDim = new float[d * _exemplarCount];
        for (int e = 0; e < _exemplarCount; e++)
            for (int j = 0; j < d; j++) _exemplarsByDim[j * _exemplarCount + e] = _exemplars[e * d + j];
    }

    private double[] ComputeCore()
    {
        int n = _tree.Count, k = Math.Min(_minSamples, n);
        var core = new double[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = _threads }, () => (new int[k], new double[k]), (pos, _, buf) =>
        {
            _tree.Query(_tree.Point(pos), k, buf.Item1, buf.Item2);
            core[_tree.Index[pos]] = buf.Item2[k - 1];
            return buf;
        }, _ => { });
        return core;
    }

    public int ClusterCount => _selected.Length;

    /// <summary>a / b, except that infinity / infinity (duplicate points give infinite lambdas) counts as 1, not NaN.</summary>
    private static double Ratio(double a, double b) => double.IsPositiveInfinity(a) && double.IsPositiveInfinity(b) ? 1.0 : a / b;

    /// <summary>hdbscan's <c>_find_neighbor_and_lambda</c>: nearest training point in mutual reachability and the lambda of joining it.</summary>
    private (int Neighbor, double Lambda) NeighborAndLambda(ReadOnlySpan<double> x, Span<int> pos, Span<double> dist)
    {
        int k = pos.Length;
        _tree.Query(x, k, pos, dist);
        // hdbscan 0.8.43 takes the new point's core distance at neighbour index min_samples (the (min_samples+1)-th
        // nearest training point) while training points use the min_samples-th, counting themselves.
        double pointCore = dist[Math.Min(_minSamples, k - 1)];
        int best = 0;
        double bestMr = double.PositiveInfinity;
        for (int i = 0; i < k; i++)
        {
            int idx = _tree.Index[pos[i]];
            double mr = Math.Max(Math.Max(_core[idx], pointCore), dist[i]);
            if (mr < bestMr) { bestMr = mr; best = idx; }
        }
        return (best, bestMr > 0.0 ? 1.0 / bestMr : double.MaxValue);
    }

    public (int[] Labels, float[] Strengths) ApproximatePredict(float[,] points)
    {
        int m = points.GetLength(0);
        var labels = new int[m];
        var strengths = new float[m];
        if (_f.Children[_f.PointCount].Length == 0)
        {
            Array.Fill(labels, -1);
            return (labels, strengths);
        }
        int k = Math.Min(2 * _minSamples, _tree.Count);
        int root = _f.PointCount;
        Parallel.For(0, m, new ParallelOptions { MaxDegreeOfParallelism = _threads }, () => (new int[k], new double[k], new double[_dims]), (i, _, buf) =>
        {
            for (int j = 0; j < _dims; j++) buf.Item3[j] = points[i, j];
            var (nn, lambda) = NeighborAndLambda(buf.Item3, buf.Item1, buf.Item2);
            int cluster = _f.PointParent[nn];
            if (_f.PointLambda[nn] > lambda)
                while (cluster > root && _f.Birth[cluster] >= lambda) cluster = _f.ParentOf[cluster];
            int label = _labelOfCluster[cluster];
            labels[i] = label;
            if (label >= 0)
            {
                double max = _clusterMaxLambda[cluster];
                strengths[i] = max > 0.0 ? (float)(Math.Min(max, lambda) / max) : 1f;
            }
            return buf;
        }, _ => { });
        return (labels, strengths);
    }

    /// <summary>
    /// hdbscan's <c>merge_height</c> between every cluster that points fall out of and every selected cluster; NaN
    /// stands for the point's own lambda (one cluster lies below the other). Built once, before parallel use.
    /// </summary>
    private double[] MergeTable()
    {
        if (_mergeTable is { } t) return t;
        int k = _selected.Length;
        var row = new int[_f.Limit];
        Array.Fill(row, -1);
        var clusters = new List<int>();
        foreach (var pc in _f.PointParent)
            if (row[pc] < 0) { row[pc] = clusters.Count; clusters.Add(pc); }
        var table = new double[clusters.Count * k];
        Parallel.For(0, clusters.Count, new ParallelOptions { MaxDegreeOfParallelism = _threads }, r =>
        {
            int pc = clusters[r];
            for (int j = 0; j < k; j++)
            {
                // Walk both up, larger id first (ids are topologically ordered), to their common ancestor.
                int left = pc, right = _selected[j], last = -1;
                bool tookLeft = false, tookRight = false;
                while (left != right)
                {
                    if (left > right) { tookLeft = true; last = left; left = _f.ParentOf[left]; }
                    else { tookRight = true; last = right; right = _f.ParentOf[right]; }
                }
                table[r * k + j] = tookLeft && tookRight ? _f.Birth[last] : double.NaN;
            }
        });
        _mergeRow = row;
        return _mergeTable = table;
    }

    private void Heights(int pointCluster, double pointLambda, Span<double> heights)
    {
        var table = _mergeTable!;
        int k = _selected.Length, o = _mergeRow![pointCluster] * k;
        for (int j = 0; j < k; j++)
        {
            double h = table[o + j];
            heights[j] = double.IsNaN(h) ? pointLambda : h;
        }
    }

    /// <summary>Inverse distance to each cluster's nearest exemplar, normalised to sum 1 (hdbscan's <c>dist_membership_vector</c>).</summary>
    /// <remarks>Squared distances to all exemplars are computed in float with SIMD to find each cluster's nearest
    /// exemplar; the distance to it is then recomputed in double precision.</remarks>
    private void DistanceVector(ReadOnlySpan<double> x, Span<double> result, Span<float> scratch)
    {
        int k = _selected.Length, m = _exemplarCount;
        var acc = scratch[..m];
        acc.Clear();
        var accV = System.Runtime.InteropServices.MemoryMarshal.Cast<float, Vector<float>>(acc);
        int vc = Vector<float>.Count, full = accV.Length * vc;
        for (int j = 0; j < _dims; j++)
        {
            var xs = new Vector<float>((float)x[j]);
            float xj = (float)x[j];
            var col = _exemplarsByDim.AsSpan(j * m, m);
            var colV = System.Runtime.InteropServices.MemoryMarshal.Cast<float, Vector<float>>(col);
            for (int i = 0; i < accV.Length; i++) { var t = colV[i] - xs; accV[i] += t * t; }
            for (int i = full; i < m; i++) { float t = col[i] - xj; acc[i] += t * t; }
        }
        double sum = 0;
        for (int c = 0; c < k; c++)
        {
            int start = _exemplarStart[c], end = _exemplarStart[c + 1];
            double v;
            if (end <= start) v = 0;
            else
            {
                int best = start;
                float bv = acc[start];
                for (int e = start + 1; e < end; e++) if (acc[e] < bv) { bv = acc[e]; best = e; }
                double d2 = 0;
                for (int j = 0; j < _dims; j++) { double t = x[j] - _exemplars[best * _dims + j]; d2 += t * t; }
                double d = Math.Sqrt(d2);
                v = d != 0 ? 1.0 / d : double.MaxValue / k;
            }
            result[c] = v;
            sum += v;
        }
        for (int c = 0; c < k; c++) result[c] /= sum;
    }

    private int ScratchSize => _exemplarCount + Vector<float>.Count;

    /// <summary>Soft membership of new points (hdbscan's <c>membership_vector</c>).</summary>
    public float[,] MembershipVector(float[,] points)
    {
        int m = points.GetLength(0), k = _selected.Length;
        var result = new float[m, k];
        if (k == 0) return result;
        int kn = Math.Min(2 * _minSamples, _tree.Count);
        int maxEx = ScratchSize;
        MergeTable();
        Parallel.For(0, m, new ParallelOptions { MaxDegreeOfParallelism = _threads },
            () => (new int[kn], new double[kn], new double[_dims], new double[k], new double[k], new double[k], new float[maxEx]), (i, _, b) =>
        {
            var (pos, dist, x, dv, ov, h, scratch) = b;
            for (int j = 0; j < _dims; j++) x[j] = points[i, j];
            var (nn, lambda) = NeighborAndLambda(x, pos, dist);
            if (_f.PointLambda[nn] <= lambda) lambda = _f.PointLambda[nn];
            DistanceVector(x, dv, scratch);
            int pc = _f.PointParent[nn];
            // per_cluster_scores, with lambda passed as float32 as in hdbscan
            double maxLambda = _f.MaxLambda[pc];
            Heights(pc, (float)lambda, h);
            double top = double.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                double den = maxLambda - h[c];
                if (!(den > 0)) den = 1e-8; // hdbscan's safe division (also catches infinity - infinity)
                ov[c] = double.IsPositiveInfinity(maxLambda) && double.IsFinite(h[c]) ? 1.0 : maxLambda / den;
                if (ov[c] > top) top = ov[c];
            }
            double osum = 0;
            for (int c = 0; c < k; c++)
            {
                // Softmax; when duplicates make some scores infinite, its limit puts all weight on those.
                ov[c] = double.IsPositiveInfinity(top) ? (double.IsPositiveInfinity(ov[c]) ? 1.0 : 0.0) : Math.Exp(ov[c] - top);
                osum += ov[c];
            }
            double rsum = 0;
            for (int c = 0; c < k; c++)
            {
                double o = ov[c] / osum;
                dv[c] = Math.Sqrt(dv[c]) * (o * o);
                rsum += dv[c];
            }
            // prob_in_some_cluster
            Heights(pc, lambda, h);
            int arg = 0;
            for (int c = 1; c < k; c++) if (h[c] > h[arg]) arg = c;
            double inCluster = Ratio(h[arg], Math.Max(lambda, _f.MaxLambda[_selected[arg]]) + 1e-8);
            for (int c = 0; c < k; c++) result[i, c] = (float)(dv[c] / rsum * inCluster);
            return b;
        }, _ => { });
        return result;
    }

    /// <summary>Soft membership of every training point (hdbscan's <c>all_points_membership_vectors</c>).</summary>
    public float[,] AllPointsMembershipVectors(IProgress<double>? progress, CancellationToken ct)
    {
        int n = _f.PointCount, k = _selected.Length;
        var result = new float[n, k];
        if (k == 0) return result;
        MergeTable();
        int maxEx = ScratchSize;
        // Pass 1: per-point outlier scores exp(-(max_lambda / height)) and their global maximum.
        var scores = new double[(long)n * k];
        var inCluster = new double[n];
        int chunk = 256, chunks = (n + chunk - 1) / chunk;
        var po = new ParallelOptions { MaxDegreeOfParallelism = _threads, CancellationToken = ct };
        var maxima = new double[chunks];
        Parallel.For(0, chunks, po, ci =>
        {
            Span<double> h = new double[k];
            double top = double.NegativeInfinity;
            for (int p = ci * chunk, end = Math.Min(n, p + chunk); p < end; p++)
            {
                int pc = _f.PointParent[p];
                double lam = _f.PointLambda[p];
                Heights(pc, lam, h);
                double maxLambda = _f.MaxLambda[pc] + 1e-8;
                var row = scores.AsSpan(p * k, k);
                int arg = 0;
                for (int c = 0; c < k; c++)
                {
                    double s = Math.Exp(-Ratio(maxLambda, h[c]));
                    row[c] = s;
                    if (s > top) top = s;
                    if (h[c] > h[arg]) arg = c;
                }
                inCluster[p] = Ratio(h[arg], Math.Max(_f.MaxLambda[_selected[arg]], lam));
            }
            maxima[ci] = top;
        });
        double globalMax = maxima.Max();
        _byInput ??= InputOrder();
        int done = 0;
        Parallel.For(0, chunks, po, () => (new double[_dims], new double[k], new float[maxEx]), (ci, _, b) =>
        {
            var (x, dv, scratch) = b;
            for (int p = ci * chunk, end = Math.Min(n, p + chunk); p < end; p++)
            {
                var src = PointCoordinates(p, x);
                DistanceVector(src, dv, scratch);
                var row = scores.AsSpan(p * k, k);
                double osum = 0;
                for (int c = 0; c < k; c++) { row[c] = Math.Exp(row[c] - globalMax); osum += row[c]; }
                double rsum = 0;
                for (int c = 0; c < k; c++) { dv[c] *= row[c] / osum; rsum += dv[c]; }
                double f = inCluster[p] / rsum;
                for (int c = 0; c < k; c++) result[p, c] = (float)(dv[c] * f);
            }
            if (progress is not null) progress.Report((double)Interlocked.Increment(ref done) / chunks);
            return b;
        }, _ => { });
        return result;
    }

    private double[]? _byInput;

    private ReadOnlySpan<double> PointCoordinates(int p, double[] buffer)
    {
        var map = _byInput ??= InputOrder();
        map.AsSpan(p * _dims, _dims).CopyTo(buffer);
        return buffer;
    }

    private double[] InputOrder()
    {
        var r = new double[_tree.Count * _dims];
        for (int pos = 0; pos < _tree.Count; pos++)
            _tree.Point(pos).CopyTo(r.AsSpan(_tree.Index[pos] * _dims, _dims));
        return r;
    }
}
