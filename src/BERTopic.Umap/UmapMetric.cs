namespace BERTopicNet.Umap;

/// <summary>The distance measured between input rows when building the neighbour graph.</summary>
public enum UmapMetric
{
    /// <summary>Cosine distance, 1 − cos(x, y) (umap-learn's <c>"cosine"</c>). A zero row is at distance 1 from every
    /// non-zero row and at distance 0 from other zero rows (pynndescent's convention). Dense and sparse input.</summary>
    Cosine,

    /// <summary>Euclidean distance (umap-learn's <c>"euclidean"</c>). Dense input only.</summary>
    Euclidean,
}
