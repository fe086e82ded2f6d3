namespace BERTopicNet.Umap;

/// <summary>
/// Everything a fitted <see cref="Umap"/> needs to transform new rows, as plain arrays and scalars (for writing to
/// safetensors or any other format). <see cref="Umap.FromState"/> rebuilds a model whose Transform gives identical
/// answers. Matrices are row-major.
/// </summary>
public sealed class UmapState
{
    /// <summary>Format version of this state (currently 1).</summary>
    public int Version { get; set; } = 1;

    /// <summary>Metric of the fitted model.</summary>
    public UmapMetric Metric { get; set; }

    /// <summary>Neighbours per row actually used (options' NNeighbors, or rows − 1 on tiny data).</summary>
    public int NNeighbors { get; set; }

    /// <summary>Embedding dimension.</summary>
    public int NComponents { get; set; }

    /// <summary>Options' NEpochs (null = default rule).</summary>
    public int? NEpochs { get; set; }

    /// <summary>Initial learning rate of the fit (transform uses a quarter of it, as umap-learn).</summary>
    public float LearningRate { get; set; }

    /// <summary>Negative samples per positive sample.</summary>
    public int NegativeSampleRate { get; set; }

    /// <summary>Local connectivity of the fit (transform uses max(0, it − 1), as umap-learn).</summary>
    public float LocalConnectivity { get; set; }

    /// <summary>Repulsion strength (gamma).</summary>
    public float RepulsionStrength { get; set; }

    /// <summary>Curve parameter a.</summary>
    public float A { get; set; }

    /// <summary>Curve parameter b.</summary>
    public float B { get; set; }

    /// <summary>Seed used for the random choices of Transform.</summary>
    public long Seed { get; set; }

    /// <summary>Number of training rows.</summary>
    public int Rows { get; set; }

    /// <summary>Number of input columns.</summary>
    public int Columns { get; set; }

    /// <summary>Dense training rows (Rows × Columns; L2-normalised for cosine), or null when the training data was sparse.</summary>
    public float[]? Data { get; set; }

    /// <summary>Sparse training rows: row pointers (Rows + 1), or null when dense.</summary>
    public int[]? DataIndPtr { get; set; }

    /// <summary>Sparse training rows: column indices (sorted per row).</summary>
    public int[]? DataIndices { get; set; }

    /// <summary>Sparse training rows: values (L2-normalised per row for cosine).</summary>
    public float[]? DataValues { get; set; }

    /// <summary>The fitted embedding (Rows × NComponents).</summary>
    public float[] Embedding { get; set; } = [];
}
