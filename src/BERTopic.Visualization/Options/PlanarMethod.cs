namespace BERTopicNet.Visualization;

/// <summary>How the scatter charts place high-dimensional rows (topics, documents) in 2-d when no reducer is given.</summary>
public enum PlanarMethod
{
    /// <summary>UMAP with Python BERTopic's chart settings (seeded, so the layout is the same on every run).</summary>
    Umap,

    /// <summary>The first two principal components (classical MDS in cosine geometry for topics): fast, deterministic, linear.</summary>
    Pca,
}
