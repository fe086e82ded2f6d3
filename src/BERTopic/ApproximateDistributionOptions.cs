namespace BERTopicNet;

/// <summary>
/// Settings of <see cref="BERTopic.ApproximateDistribution(IReadOnlyList{string}, ApproximateDistributionOptions, IProgress{BERTopicProgress}, CancellationToken)"/>
/// (Python's <c>approximate_distribution</c> keyword arguments, same defaults).
/// </summary>
public sealed class ApproximateDistributionOptions
{
    /// <summary>Tokens per window (token set). Default 4.</summary>
    public int Window { get; init; } = 4;

    /// <summary>Tokens between the starts of consecutive windows. Default 1.</summary>
    public int Stride { get; init; } = 1;

    /// <summary>Window-topic similarities below this are set to 0 before summing. Default 0.1.</summary>
    public double MinSimilarity { get; init; } = 0.1;

    /// <summary>Documents processed together (bounds memory); null = all at once. Default 1000. Results do not depend on it.</summary>
    public int? BatchSize { get; init; } = 1000;

    /// <summary>
    /// Also keep windows shorter than <see cref="Window"/> (at the end of a document) and prepend the shorter leading
    /// windows, so every token is covered equally often. Default false.
    /// </summary>
    public bool Padding { get; init; }

    /// <summary>
    /// Compare windows with the topics through the embedding model (cosine to topic embeddings) instead of c-TF-IDF.
    /// Slow: every window is embedded. Default false.
    /// </summary>
    public bool UseEmbeddingModel { get; init; }

    /// <summary>Also return a token × topic matrix per document. Default false.</summary>
    public bool CalculateTokens { get; init; }

    /// <summary>Joins a window's tokens into the text given to the vectorizer or embedding model. Default " ".</summary>
    public string Separator { get; init; } = " ";

    internal void Validate(string paramName)
    {
        if (Window < 1) throw new ArgumentException($"Window is {Window}; it must be at least 1 token (Python's default is 4).", paramName);
        if (Stride < 1) throw new ArgumentException($"Stride is {Stride}; it must be at least 1 token (default 1).", paramName);
        if (!double.IsFinite(MinSimilarity)) throw new ArgumentException($"MinSimilarity is {MinSimilarity}; give a finite number (default 0.1).", paramName);
        if (BatchSize is < 1) throw new ArgumentException($"BatchSize is {BatchSize}; it must be at least 1, or null for one batch (default 1000).", paramName);
        if (Separator is null) throw new ArgumentException("Separator is null; use \" \" (the default).", paramName);
    }
}
