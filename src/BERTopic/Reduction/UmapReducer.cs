using BERTopicNet.Umap;

namespace BERTopicNet.Reduction;

/// <summary>
/// The default dimensionality reducer: our UMAP (<see cref="Umap.Umap"/>) behind <see cref="IDimensionalityReducer"/>.
/// Accepts dense and sparse (CSR) embeddings and transforms new documents against the fitted graph.
/// </summary>
public sealed class UmapReducer : IDimensionalityReducer
{
    /// <summary>Wraps a new, unfitted UMAP with the given options (BERTopic's defaults when null).</summary>
    public UmapReducer(UmapOptions? options = null) => Model = new Umap.Umap(options ?? BERTopicDefaults());

    /// <summary>Wraps an existing UMAP instance, fitted or not (e.g. one restored by <see cref="Umap.Umap.FromState"/>).</summary>
    public UmapReducer(Umap.Umap model) => Model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>The wrapped UMAP.</summary>
    public Umap.Umap Model { get; }

    /// <summary>BERTopic 0.17.4's UMAP settings: 15 neighbours, 5 components, min_dist 0, cosine metric.</summary>
    public static UmapOptions BERTopicDefaults(int? seed = null, bool lowMemory = false) => new()
    {
        NNeighbors = 15,
        NComponents = 5,
        MinDist = 0.0,
        Metric = UmapMetric.Cosine,
        RandomSeed = seed,
        LowMemory = lowMemory,
    };

    /// <inheritdoc />
    public float[,] FitTransform(float[,] embeddings, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        Model.FitTransform(embeddings, y, progress, cancellationToken);

    /// <inheritdoc />
    public float[,] FitTransform(CsrMatrix embeddings, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        Model.FitTransform(embeddings, y, progress, cancellationToken);

    /// <inheritdoc />
    public float[,] Transform(float[,] embeddings, CancellationToken cancellationToken = default) => Model.Transform(embeddings, cancellationToken);

    /// <inheritdoc />
    public float[,] Transform(CsrMatrix embeddings, CancellationToken cancellationToken = default) => Model.Transform(embeddings, cancellationToken);
}
