namespace BERTopicNet.Persistence;

/// <summary>Settings of <see cref="BERTopic.Save"/>.</summary>
public sealed class SaveOptions
{
    /// <summary>
    /// Write <c>ctfidf.safetensors</c> and <c>ctfidf_config.json</c> (Python's <c>save_ctfidf</c>). Default true
    /// (Python's default is false); without them a loaded model cannot update or reduce its topics.
    /// </summary>
    public bool SaveCtfidf { get; init; } = true;

    /// <summary>
    /// Write the fitted UMAP and HDBSCAN (<c>umap.safetensors</c>, <c>hdbscan.safetensors</c>) so that Transform after
    /// Load gives the same answers as before. Default true. Without them (or for stages that cannot be saved) a
    /// loaded model transforms by cosine similarity to the topic embeddings, as Python BERTopic's safetensors folders do.
    /// </summary>
    public bool SaveFittedStages { get; init; } = true;

    /// <summary>Write the training documents' probabilities (<c>probabilities.safetensors</c>). Default true.</summary>
    public bool SaveProbabilities { get; init; } = true;

    /// <summary>
    /// The embedding model name written to <c>config.json</c> (Python's <c>save_embedding_model</c>), which Load
    /// resolves locally when no model is passed. Default null: the model's own <c>EmbeddingModel.Name</c>, if any.
    /// </summary>
    public string? EmbeddingModelName { get; init; }

    /// <summary>
    /// Replace an existing saved model at the path. Default true. A folder that is neither empty nor a saved model
    /// is never replaced.
    /// </summary>
    public bool Overwrite { get; init; } = true;
}

/// <summary>Settings of <see cref="BERTopic.Load"/>.</summary>
public sealed class LoadOptions
{
    /// <summary>
    /// Check every file of a folder saved by this library against the sizes and SHA-256 hashes of its
    /// <c>bertopic_net.json</c>. Default true (about 0.1 s for 100 MB).
    /// </summary>
    public bool VerifyChecksums { get; init; } = true;

    /// <summary>
    /// Turns the embedding model name of <c>config.json</c> into a model when none is passed to Load. Default null:
    /// the local resolver (a bundled model or a local folder; never the network). It may throw when the model is
    /// absent: Load then succeeds and embedding documents raises that error, so topics and Transform of
    /// precomputed embeddings still work.
    /// </summary>
    public Func<string, Embedding.IEmbeddingModel>? EmbeddingModelResolver { get; init; }
}
