namespace BERTopicNet.Embedding;

/// <summary>
/// Turns documents into dense vectors, one row per document. The first stage of the pipeline
/// (Python BERTopic's <c>embedding_model</c>).
/// </summary>
public interface IEmbeddingModel
{
    /// <summary>A name identifying the model (saved into a model's configuration).</summary>
    string Name { get; }

    /// <summary>
    /// Embeds <paramref name="documents"/> into an N × D matrix (row i = document i).
    /// Implementations must accept empty strings.
    /// </summary>
    /// <param name="documents">The documents; none may be null.</param>
    /// <param name="progress">Receives the fraction of work done, from 0 to 1.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    float[,] Embed(IReadOnlyList<string> documents, IProgress<double>? progress = null, CancellationToken cancellationToken = default);
}
