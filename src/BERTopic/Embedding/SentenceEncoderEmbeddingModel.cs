using BERTopicNet.Onnx;

namespace BERTopicNet.Embedding;

/// <summary>
/// An <see cref="IEmbeddingModel"/> backed by an ONNX <see cref="SentenceEncoder"/> (a sentence-transformers model
/// run on ONNX Runtime). The encoder is created on first use, so constructing a BERTopic with the default model costs
/// nothing until documents are embedded. Thread-safe.
/// </summary>
public sealed class SentenceEncoderEmbeddingModel : IEmbeddingModel, IDisposable
{
    private readonly Lazy<SentenceEncoder> _encoder;

    /// <summary>Wraps an existing encoder (disposed with this object).</summary>
    public SentenceEncoderEmbeddingModel(SentenceEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        Name = encoder.Name;
        _encoder = new Lazy<SentenceEncoder>(encoder);
    }

    /// <summary>Creates the encoder with <paramref name="factory"/> the first time it is needed.</summary>
    /// <param name="name">The model's name, reported before the encoder exists.</param>
    /// <param name="factory">Creates the encoder (called at most once).</param>
    public SentenceEncoderEmbeddingModel(string name, Func<SentenceEncoder> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        Name = name;
        _encoder = new Lazy<SentenceEncoder>(factory, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The encoder (created now if it was not yet).</summary>
    public SentenceEncoder Encoder => _encoder.Value;

    /// <inheritdoc />
    public float[,] Embed(IReadOnlyList<string> documents, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        _encoder.Value.Encode(documents, progress, cancellationToken);

    /// <summary>Releases the encoder if it was created.</summary>
    public void Dispose()
    {
        if (_encoder.IsValueCreated) _encoder.Value.Dispose();
    }
}
