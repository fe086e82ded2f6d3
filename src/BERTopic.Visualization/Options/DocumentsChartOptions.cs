using BERTopicNet.Reduction;

namespace BERTopicNet.Visualization;

/// <summary>Options of the 2-d document map (Python's <c>visualize_documents</c>).</summary>
public sealed class DocumentsChartOptions : ChartOptions
{
    /// <summary>Topics drawn in colour; the others and the outliers are grey. Default null: all.</summary>
    public IReadOnlyList<int>? Topics { get; set; }

    /// <summary>
    /// Fraction of each topic's documents kept (topics with fewer than 100 documents are kept whole), as Python's
    /// <c>sample</c>. Default null: 1, unless <see cref="MaxDocuments"/> forces a smaller fraction.
    /// </summary>
    public double? Sample { get; set; }

    /// <summary>Upper bound on the plotted documents: larger corpora are sampled down to about this many. Default 20,000.</summary>
    public int MaxDocuments { get; set; } = 20_000;

    /// <summary>Seed of the sampling. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Hide the topic names drawn at each topic's centre. Default false.</summary>
    public bool HideAnnotations { get; set; }

    /// <summary>
    /// Name at most this many topics on the map, the largest first (hundreds of overlapping names are unreadable;
    /// every topic stays in the legend and on hover). Default 30.
    /// </summary>
    public int MaxAnnotations { get; set; } = 30;

    /// <summary>Hide the document text on hover (smaller files). Default false.</summary>
    public bool HideDocumentHover { get; set; }

    /// <summary>Characters of a document shown on hover. Default 200.</summary>
    public int HoverTextLength { get; set; } = 200;

    /// <summary>
    /// Draw points with WebGL (<c>scattergl</c>, fast for large maps) or SVG. Default null: WebGL above 5,000 points.
    /// </summary>
    public bool? UseWebGl { get; set; }

    /// <summary>
    /// How document embeddings (points with more than two columns) are reduced to 2-d when <see cref="Reducer"/> is
    /// null. Default <see cref="PlanarMethod.Umap"/> with Python's settings (10 neighbours, min_dist 0, cosine), seeded
    /// by <see cref="Seed"/>; <see cref="PlanarMethod.Pca"/> is much faster on large corpora. Pass precomputed 2-d
    /// points to skip this step.
    /// </summary>
    public PlanarMethod Projection { get; set; } = PlanarMethod.Umap;

    /// <summary>Your own 2-d reducer (must return N × 2); overrides <see cref="Projection"/>. Default null.</summary>
    public IDimensionalityReducer? Reducer { get; set; }
}
