using MathNet.Numerics.LinearAlgebra;

namespace BERTopicNet.Online;

/// <summary>
/// Incremental principal component analysis (scikit-learn's <c>IncrementalPCA</c>, the reducer of BERTopic's online
/// example): each batch updates the running mean and the top components through an SVD of the previous components
/// (scaled by their singular values), the centred batch and a mean-correction row. Transform projects the centred
/// embeddings on the components. Deterministic; no whitening.
/// </summary>
public sealed class IncrementalPcaReducer : IOnlineDimensionalityReducer
{
    private double[]? _mean;
    private double[,]? _components; // k × D
    private double[]? _singularValues;
    private long _seen;

    /// <summary>Creates a reducer to <paramref name="components"/> dimensions.</summary>
    /// <param name="components">Number of components kept. Default 5 (BERTopic's UMAP output size).</param>
    /// <param name="batchSize">Rows per SVD step when fitting all embeddings at once; null: 5 × the embedding dimension, as scikit-learn.</param>
    public IncrementalPcaReducer(int components = 5, int? batchSize = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(components, 1);
        if (batchSize is < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        Components = components;
        BatchSize = batchSize;
    }

    /// <summary>Number of components.</summary>
    public int Components { get; }

    /// <summary>Rows per step of <see cref="FitTransform(float[,], int[], IProgress{double}, CancellationToken)"/>, or null for 5 × dimension.</summary>
    public int? BatchSize { get; }

    /// <summary>True once a batch has been seen.</summary>
    public bool IsFitted => _components is not null;

    /// <summary>Number of rows seen so far.</summary>
    public long SamplesSeen => _seen;

    /// <summary>The running mean (length D), or null before fitting.</summary>
    public IReadOnlyList<double>? Mean => _mean;

    /// <summary>The components (k × D), a copy, or null before fitting.</summary>
    public double[,]? ComponentMatrix => (double[,]?)_components?.Clone();

    /// <summary>The singular values of the components, or null before fitting.</summary>
    public IReadOnlyList<double>? SingularValues => _singularValues;

    /// <inheritdoc />
    public void PartialFit(float[,] embeddings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        int n = embeddings.GetLength(0), d = embeddings.GetLength(1);
        int k = Components;
        if (k > d) throw new ArgumentException($"IncrementalPcaReducer keeps {k} components but the embeddings have only {d} dimensions.", nameof(embeddings));
        if (n < k) throw new ArgumentException($"Each batch needs at least {k} rows (the number of components) for IncrementalPcaReducer; got {n}. Use larger batches.", nameof(embeddings));
        if (_mean is not null && _mean.Length != d)
            throw new ArgumentException($"The embeddings have {d} dimensions but the reducer was fitted on {_mean.Length}.", nameof(embeddings));

        var batchMean = new double[d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) batchMean[j] += embeddings[i, j];
        for (int j = 0; j < d; j++) batchMean[j] /= n;
        long total = _seen + n;
        var newMean = new double[d];
        for (int j = 0; j < d; j++) newMean[j] = _mean is null ? batchMean[j] : ((_mean[j] * _seen) + (batchMean[j] * n)) / total;

        int extra = _components is null ? 0 : k + 1;
        var x = Matrix<double>.Build.Dense(n + extra, d);
        int row = 0;
        if (_components is not null)
        {
            for (int c = 0; c < k; c++, row++)
                for (int j = 0; j < d; j++) x[row, j] = _singularValues![c] * _components[c, j];
        }
        for (int i = 0; i < n; i++, row++)
            for (int j = 0; j < d; j++) x[row, j] = embeddings[i, j] - batchMean[j];
        if (_components is not null)
        {
            double scale = Math.Sqrt((double)_seen / total * n);
            for (int j = 0; j < d; j++) x[row, j] = scale * (_mean![j] - batchMean[j]);
        }
        cancellationToken.ThrowIfCancellationRequested();

        var svd = x.Svd(computeVectors: true);
        var vt = svd.VT;
        var s = svd.S;
        var components = new double[k, d];
        var singular = new double[k];
        for (int c = 0; c < k; c++)
        {
            // scikit-learn's svd_flip (u_based_decision=False): the largest |value| of each component is positive.
            int arg = 0;
            for (int j = 1; j < d; j++) if (Math.Abs(vt[c, j]) > Math.Abs(vt[c, arg])) arg = j;
            double sign = vt[c, arg] < 0 ? -1 : 1;
            for (int j = 0; j < d; j++) components[c, j] = sign * vt[c, j];
            singular[c] = c < s.Count ? s[c] : 0;
        }
        _components = components;
        _singularValues = singular;
        _mean = newMean;
        _seen = total;
    }

    /// <summary>Forgets everything learnt and fits on <paramref name="embeddings"/> in batches, then reduces them.</summary>
    public float[,] FitTransform(float[,] embeddings, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        _mean = null; _components = null; _singularValues = null; _seen = 0;
        int n = embeddings.GetLength(0), d = embeddings.GetLength(1);
        int batch = Math.Max(BatchSize ?? (5 * d), Components);
        for (int start = 0; start < n; start += batch)
        {
            int size = Math.Min(batch, n - start);
            if (size < Components && start > 0) break; // scikit-learn skips a last batch smaller than n_components
            var part = new float[size, d];
            Buffer.BlockCopy(embeddings, start * d * sizeof(float), part, 0, size * d * sizeof(float));
            PartialFit(part, cancellationToken);
            progress?.Report((double)(start + size) / n);
        }
        return Transform(embeddings, cancellationToken);
    }

    /// <inheritdoc />
    public float[,] Transform(float[,] embeddings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        var components = _components ?? throw new InvalidOperationException("The IncrementalPcaReducer is not fitted; call PartialFit or FitTransform first.");
        int n = embeddings.GetLength(0), d = embeddings.GetLength(1), k = Components;
        if (d != _mean!.Length) throw new ArgumentException($"The embeddings have {d} dimensions but the reducer was fitted on {_mean.Length}.", nameof(embeddings));
        var result = new float[n, k];
        Parallel.For(0, n, Parallelism.PerCore(cancellationToken), i =>
        {
            for (int c = 0; c < k; c++)
            {
                double dot = 0;
                for (int j = 0; j < d; j++) dot += (embeddings[i, j] - _mean[j]) * components[c, j];
                result[i, c] = (float)dot;
            }
        });
        return result;
    }

    /// <summary>Restores a fitted state (for loading saved models).</summary>
    internal static IncrementalPcaReducer FromState(double[] mean, double[,] components, double[] singularValues, long seen, int? batchSize)
    {
        var r = new IncrementalPcaReducer(components.GetLength(0), batchSize)
        {
            _mean = mean, _components = components, _singularValues = singularValues, _seen = seen,
        };
        return r;
    }
}
