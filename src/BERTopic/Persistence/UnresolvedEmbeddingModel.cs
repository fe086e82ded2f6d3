using BERTopicNet.Embedding;

namespace BERTopicNet.Persistence;

/// <summary>
/// Stands for an embedding model named by a saved model but not found locally: it keeps the name (so that saving
/// again keeps it) and explains, when asked to embed, why it cannot and how to provide the model.
/// </summary>
internal sealed class UnresolvedEmbeddingModel(string name, string reason) : IEmbeddingModel
{
    public string Name { get; } = name;

    public float[,] Embed(IReadOnlyList<string> documents, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(
            $"The loaded model's embedding model '{Name}' is not available locally, so documents cannot be embedded ({reason}). " +
            "Pass the model to BERTopic.Load(path, embeddingModel), or pass precomputed embeddings.");
}
