namespace BERTopicNet.Umap;

/// <summary>
/// Uniform Manifold Approximation and Projection, following umap-learn 0.5: a k-nearest-neighbour graph (exact for
/// small inputs, NN-descent beyond), its fuzzy simplicial set, spectral initialisation and SGD with negative sampling.
/// With <see cref="UmapOptions.RandomSeed"/> set, results are identical on every run and any thread count.
/// </summary>
/// <remarks>
/// Documented behaviours on awkward input: fewer rows than <see cref="UmapOptions.NNeighbors"/> + 1 → the neighbour
/// count drops to rows − 1 (umap-learn's fallback); <see cref="UmapOptions.NComponents"/> ≥ rows, fewer than 2 rows,
/// NaN or infinite values → <see cref="ArgumentException"/>; all-zero rows under cosine are at distance 1 from every
/// other row and 0 from each other; rows left without any edge keep their initial coordinates (umap-learn sets them to NaN).
/// </remarks>
public sealed class Umap
{
    private readonly UmapOptions _options;
    private DataSet? _train;
    private float[]? _embedding;
    private int _nNeighbors;
    private float _a, _b;
    private ulong _seed;

    /// <summary>Creates an unfitted model.</summary>
    /// <param name="options">Settings; null = defaults. The options are copied.</param>
    public Umap(UmapOptions? options = null)
    {
        _options = (options ?? new UmapOptions()).Clone();
        _options.Validate();
    }

    /// <summary>The settings of this model (a copy).</summary>
    public UmapOptions Options => _options.Clone();

    /// <summary>True once <see cref="FitTransform(float[,], int[], IProgress{double}, CancellationToken)"/> has run or the model came from a state.</summary>
    public bool IsFitted => _embedding is not null;

    /// <summary>The fitted embedding of the training rows (rows × NComponents).</summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    public float[,] Embedding => ToMatrix(_embedding ?? throw NotFitted(), _options.NComponents);

    /// <summary>umap-learn's <c>find_ab_params</c>: fits 1 / (1 + a·x^(2b)) to the target membership curve
    /// (1 below <paramref name="minDist"/>, exp(−(x − minDist)/spread) beyond) on 300 points of [0, 3·spread].</summary>
    /// <param name="spread">Scale of the embedded points (> 0).</param>
    /// <param name="minDist">Minimum embedded distance (≥ 0).</param>
    public static (float A, float B) FindAbParams(float spread, float minDist)
    {
        if (!(spread > 0)) throw new ArgumentException($"spread must be positive (got {spread}).", nameof(spread));
        if (!(minDist >= 0)) throw new ArgumentException($"minDist must be non-negative (got {minDist}).", nameof(minDist));
        var (a, b) = CurveFit.FindAb(spread, minDist);
        return ((float)a, (float)b);
    }

    /// <summary>Fits the model on dense rows and returns their embedding (rows × NComponents).</summary>
    /// <param name="data">Rows × columns, finite values.</param>
    /// <param name="y">Optional category per row (−1 = unknown) for supervised UMAP, weighted by <see cref="UmapOptions.TargetWeight"/>.</param>
    /// <param name="progress">Receives the fraction done, 0 to 1.</param>
    /// <param name="ct">Cancels the fit.</param>
    public float[,] FitTransform(float[,] data, int[]? y = null, IProgress<double>? progress = null, CancellationToken ct = default) =>
        Fit(DataSet.FromDense(data, _options.Metric, nameof(data)), y, progress, ct);

    /// <summary>Fits the model on sparse rows (cosine metric) and returns their embedding (rows × NComponents).</summary>
    /// <param name="data">A CSR matrix, e.g. TF-IDF vectors.</param>
    /// <param name="y">Optional category per row (−1 = unknown) for supervised UMAP.</param>
    /// <param name="progress">Receives the fraction done, 0 to 1.</param>
    /// <param name="ct">Cancels the fit.</param>
    public float[,] FitTransform(CsrMatrix data, int[]? y = null, IProgress<double>? progress = null, CancellationToken ct = default) =>
        Fit(DataSet.FromSparse(data, _options.Metric, nameof(data)), y, progress, ct);

    /// <summary>Embeds new dense rows into the fitted space (umap-learn's transform: neighbours in the training data,
    /// membership-weighted initial position, SGD against the fixed training embedding). Each row's result does not
    /// depend on the other rows of the batch.</summary>
    /// <param name="data">Rows × the training column count.</param>
    /// <param name="ct">Cancels the work.</param>
    public float[,] Transform(float[,] data, CancellationToken ct = default) =>
        TransformCore(DataSet.FromDense(data, _options.Metric, nameof(data)), ct);

    /// <summary>Embeds new sparse rows into the fitted space (model fitted on sparse rows).</summary>
    /// <param name="data">A CSR matrix with the training column count.</param>
    /// <param name="ct">Cancels the work.</param>
    public float[,] Transform(CsrMatrix data, CancellationToken ct = default) =>
        TransformCore(DataSet.FromSparse(data, _options.Metric, nameof(data)), ct);

    private ulong ResolveSeed() => _options.RandomSeed is { } s
        ? (ulong)(uint)s
        : (ulong)DateTime.UtcNow.Ticks ^ (ulong)Environment.TickCount64 << 20;

    private float[,] Fit(DataSet data, int[]? y, IProgress<double>? progress, CancellationToken ct)
    {
        int n = data.Rows;
        int dim = _options.NComponents;
        if (n < 2) throw new ArgumentException($"UMAP needs at least 2 rows (got {n}).", nameof(data));
        if (dim >= n) throw new ArgumentException($"NComponents ({dim}) must be smaller than the number of rows ({n}); lower NComponents or pass more rows.", nameof(data));
        if (y is not null && y.Length != n) throw new ArgumentException($"y has {y.Length} labels but the data has {n} rows.", nameof(y));
        var po = Parallelism.Options(_options.MaxThreads, ct);
        ulong seed = ResolveSeed();
        var trace = Trace.Start();
        int k = Math.Min(_options.NNeighbors, n - 1);
        if (_options.NNeighbors >= n) k = n - 1;
        k = Math.Max(k, 1);

        // 1. nearest neighbours
        KnnGraph knn = n <= _options.ExactNeighborsThreshold
            ? ExactKnn.Compute(data, data, k, queryIsTrain: true, po, f => progress?.Report(0.35 * f))
            : NNDescent.Compute(data, k, seed, _options.LowMemory ? Math.Min(60, 2 * k) : 60, po, f => progress?.Report(0.35 * f));
        Disconnect(knn, data.Metric, selfAllowed: true);
        trace.Mark("knn");
        progress?.Report(0.35);

        // 2. fuzzy simplicial set
        var graph = FuzzySimplicialSet.Build(knn, k, _options.LocalConnectivity, _options.SetOpMixRatio, po, out _, out _);
        if (y is not null) graph = FuzzySimplicialSet.IntersectWithLabels(graph, y, _options.TargetWeight, po);
        ct.ThrowIfCancellationRequested();
        trace.Mark("graph");

        // 3. prune weak edges, initialise
        int defaultEpochs = n <= 10000 ? 500 : 200;
        int nEpochs = _options.NEpochs ?? defaultEpochs;
        float gmax = 0;
        foreach (var v in graph.Vals) gmax = Math.Max(gmax, v);
        float threshold = gmax / (nEpochs > 10 ? nEpochs : defaultEpochs);
        var pruned = FuzzySimplicialSet.Compact(new SparseGraph(graph.Rows, graph.Cols, graph.RowPtr, graph.ColIdx,
            graph.Vals.Select(v => v < threshold ? 0f : v).ToArray()));
        var rng = new SplitMix(SeededHash.Hash(seed, 0x1417, 0));
        float[]? emb = null;
        if (_options.Init == UmapInit.Spectral)
        {
            emb = SpectralLayout.Compute(pruned, data, dim, rng, po);
            if (emb is not null)
            {
                float maxAbs = 0;
                foreach (var v in emb) maxAbs = Math.Max(maxAbs, Math.Abs(v));
                float expansion = maxAbs > 0 ? 10f / maxAbs : 1f;
                for (int i = 0; i < emb.Length; i++) emb[i] = emb[i] * expansion + (float)(rng.NextGaussian() * 0.0001);
            }
        }
        if (emb is null)
        {
            emb = new float[n * dim];
            for (int i = 0; i < emb.Length; i++) emb[i] = (float)(rng.NextDouble() * 20 - 10);
        }
        trace.Mark("init");
        progress?.Report(0.45);

        // 4. SGD layout on the pruned graph, after rescaling each axis to [0, 10]
        if (nEpochs > 0)
        {
            for (int t = 0; t < dim; t++)
            {
                float lo = float.PositiveInfinity, hi = float.NegativeInfinity;
                for (int i = 0; i < n; i++) { lo = Math.Min(lo, emb[i * dim + t]); hi = Math.Max(hi, emb[i * dim + t]); }
                float span = hi - lo;
                for (int i = 0; i < n; i++) emb[i * dim + t] = span > 0 ? 10f * (emb[i * dim + t] - lo) / span : 0f;
            }
        }
        var (a, b) = FindAbParams((float)_options.Spread, (float)_options.MinDist);
        trace.Note($"edges {pruned.EdgeCount}, epochs {nEpochs}, positive samples {pruned.Vals.Sum(v => (double)v) / pruned.Vals.Max() * nEpochs:F0}");
        if (pruned.EdgeCount > 0 && nEpochs > 0)
        {
            var eps = LayoutOptimizer.EpochsPerSample(pruned.Vals, nEpochs);
            if (_options.SequentialLayout)
                SequentialLayoutOptimizer.Optimize(emb, dim, pruned, eps, nEpochs, a, b, (float)_options.RepulsionStrength,
                    (float)_options.LearningRate, _options.NegativeSampleRate, seed, po.CancellationToken, f => progress?.Report(0.45 + 0.55 * f));
            else
                LayoutOptimizer.Optimize(emb, null, dim, pruned, eps, nEpochs, a, b, (float)_options.RepulsionStrength,
                (float)_options.LearningRate, _options.NegativeSampleRate, seed, po, f => progress?.Report(0.45 + 0.55 * f), _options.ParallelLayoutMinEdges, _options.LayoutPhases, _options.LayoutPrefetchFromBytes);
        }
        trace.Mark("layout");
        progress?.Report(1.0);

        _train = data;
        _embedding = emb;
        _nNeighbors = k;
        _a = a; _b = b;
        _seed = seed;
        return ToMatrix(emb, dim);
    }

    /// <summary>Drops neighbours at or beyond umap-learn's disconnection distance (2 for cosine: opposite vectors).</summary>
    private static void Disconnect(KnnGraph knn, UmapMetric metric, bool selfAllowed)
    {
        if (metric != UmapMetric.Cosine) return;
        for (int e = 0; e < knn.Indices.Length; e++)
            if (knn.Indices[e] >= 0 && knn.Distances[e] >= 2f && !(selfAllowed && knn.Indices[e] == e / knn.K))
                knn.Indices[e] = -1;
    }

    private float[,] TransformCore(DataSet query, CancellationToken ct)
    {
        var train = _train ?? throw NotFitted();
        var trainEmb = _embedding!;
        train.CheckCompatible(query, "data");
        int m = query.Rows, dim = _options.NComponents, k = _nNeighbors;
        if (m == 0) return new float[0, dim];
        var po = Parallelism.Options(_options.MaxThreads, ct);
        var knn = ExactKnn.Compute(train, query, k, queryIsTrain: false, po);
        var nearest = new int[m];
        for (int i = 0; i < m; i++) nearest[i] = knn.Indices[i * k];
        Disconnect(knn, train.Metric, selfAllowed: false);
        double adjustedLc = Math.Max(0.0, _options.LocalConnectivity - 1.0);
        var (sigmas, rhos) = FuzzySimplicialSet.SmoothKnnDist(knn, k, adjustedLc, po);
        var graph = FuzzySimplicialSet.MembershipStrengths(knn, sigmas, rhos, train.Rows, bipartite: true, po);

        // membership-weighted mean of the neighbours' embeddings (a neighbour at weight 1 is taken as is)
        var emb = new float[m * dim];
        for (int i = 0; i < m; i++)
        {
            int s = graph.RowPtr[i], e = graph.RowPtr[i + 1];
            var row = emb.AsSpan(i * dim, dim);
            if (s == e)
            {
                trainEmb.AsSpan(nearest[i] * dim, dim).CopyTo(row);
                continue;
            }
            double sum = 0;
            for (int p = s; p < e; p++) sum += graph.Vals[p];
            // weights in the order of neighbour distance, as umap-learn walks the row
            int exact = -1;
            for (int p = s; p < e; p++) if (graph.Vals[p] == 1f) { exact = graph.ColIdx[p]; break; }
            if (exact >= 0) { trainEmb.AsSpan(exact * dim, dim).CopyTo(row); continue; }
            for (int p = s; p < e; p++)
            {
                float w = (float)(graph.Vals[p] / sum);
                var src = trainEmb.AsSpan(graph.ColIdx[p] * dim, dim);
                for (int t = 0; t < dim; t++) row[t] += w * src[t];
            }
        }

        // Batch-independent schedule: epochs from the training size, weights normalised by 1 (their upper bound).
        int nEpochs = _options.NEpochs is { } ne ? ne / 3 : (train.Rows <= 10000 ? 100 : 30);
        if (nEpochs > 0)
        {
            float threshold = 1f / nEpochs;
            var pruned = FuzzySimplicialSet.Compact(new SparseGraph(graph.Rows, graph.Cols, graph.RowPtr, graph.ColIdx,
                graph.Vals.Select(v => v < threshold ? 0f : v).ToArray()));
            var eps = new float[pruned.EdgeCount];
            for (int p = 0; p < eps.Length; p++) eps[p] = 1f / pruned.Vals[p];
            LayoutOptimizer.Optimize(emb, trainEmb, dim, pruned, eps, nEpochs, _a, _b, (float)_options.RepulsionStrength,
                (float)_options.LearningRate / 4f, _options.NegativeSampleRate, SeededHash.Hash(_seed, 0x7EA5, 1), po, null, _options.ParallelLayoutMinEdges, prefetchFromBytes: _options.LayoutPrefetchFromBytes);
        }
        return ToMatrix(emb, dim);
    }

    /// <summary>Exports what Transform needs (training rows, embedding, parameters) as plain arrays and scalars.</summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    public UmapState ExportState()
    {
        var train = _train ?? throw NotFitted();
        return new UmapState
        {
            Metric = _options.Metric,
            NNeighbors = _nNeighbors,
            NComponents = _options.NComponents,
            NEpochs = _options.NEpochs,
            LearningRate = (float)_options.LearningRate,
            NegativeSampleRate = _options.NegativeSampleRate,
            LocalConnectivity = (float)_options.LocalConnectivity,
            RepulsionStrength = (float)_options.RepulsionStrength,
            A = _a,
            B = _b,
            Seed = (long)_seed,
            Rows = train.Rows,
            Columns = train.Dim,
            Data = train.Dense is null ? null : (float[])train.Dense.Clone(),
            DataIndPtr = train.Sparse is null ? null : (int[])train.Sparse.IndPtr.Clone(),
            DataIndices = train.Sparse is null ? null : (int[])train.Sparse.Indices.Clone(),
            DataValues = train.Sparse is null ? null : (float[])train.Sparse.Values.Clone(),
            Embedding = (float[])_embedding!.Clone(),
        };
    }

    /// <summary>Rebuilds a fitted model from <see cref="ExportState"/>'s output; its Transform answers as the original's.</summary>
    /// <param name="state">A state from <see cref="ExportState"/>, possibly after a round trip through storage.</param>
    /// <param name="maxThreads">Most threads for later calls (null = all cores).</param>
    /// <exception cref="ArgumentException">The state is inconsistent.</exception>
    public static Umap FromState(UmapState state, int? maxThreads = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Version != 1) throw new ArgumentException($"Unsupported UMAP state version {state.Version}; this library reads version 1.", nameof(state));
        if (state.Rows < 2 || state.Columns < 1 || state.NComponents < 1 || state.NNeighbors < 1 || state.NNeighbors >= state.Rows + 1)
            throw new ArgumentException($"The UMAP state has inconsistent sizes (rows {state.Rows}, columns {state.Columns}, components {state.NComponents}, neighbours {state.NNeighbors}).", nameof(state));
        if (state.Embedding is null || state.Embedding.Length != (long)state.Rows * state.NComponents)
            throw new ArgumentException($"The UMAP state's embedding must hold rows × components = {(long)state.Rows * state.NComponents} values.", nameof(state));
        DataSet data;
        if (state.Data is not null)
        {
            if (state.Data.Length != (long)state.Rows * state.Columns)
                throw new ArgumentException($"The UMAP state's data must hold rows × columns = {(long)state.Rows * state.Columns} values.", nameof(state));
            data = DataSet.FromDense((float[])state.Data.Clone(), state.Rows, state.Columns, state.Metric, nameof(state), prepared: true);
        }
        else if (state.DataIndPtr is not null && state.DataIndices is not null && state.DataValues is not null)
        {
            var csr = new CsrMatrix(state.Rows, state.Columns, (int[])state.DataIndPtr.Clone(), (int[])state.DataIndices.Clone(), (float[])state.DataValues.Clone());
            data = DataSet.FromSparse(csr, state.Metric, nameof(state), prepared: true);
        }
        else throw new ArgumentException("The UMAP state holds no training data (neither dense nor CSR arrays).", nameof(state));
        var options = new UmapOptions
        {
            Metric = state.Metric,
            NNeighbors = Math.Max(2, state.NNeighbors),
            NComponents = state.NComponents,
            NEpochs = state.NEpochs,
            LearningRate = state.LearningRate,
            NegativeSampleRate = state.NegativeSampleRate,
            LocalConnectivity = state.LocalConnectivity,
            RepulsionStrength = state.RepulsionStrength,
            RandomSeed = null,
            MaxThreads = maxThreads,
        };
        var model = new Umap(options)
        {
            _train = data,
            _embedding = (float[])state.Embedding.Clone(),
            _nNeighbors = state.NNeighbors,
            _a = state.A,
            _b = state.B,
            _seed = (ulong)state.Seed,
        };
        return model;
    }

    private static InvalidOperationException NotFitted() => new("The UMAP model is not fitted: call FitTransform first (or load one with FromState).");

    private static float[,] ToMatrix(float[] flat, int dim)
    {
        var result = new float[flat.Length / dim, dim];
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(float));
        return result;
    }
}
