namespace BERTopicNet.Vectorizers;

/// <summary>Settings of <see cref="ClassTfidfTransformer"/>; defaults are BERTopic 0.17.4's <c>ClassTfidfTransformer()</c>.</summary>
public sealed class ClassTfidfOptions
{
    /// <summary>
    /// Use the BM25-inspired idf <c>ln(1 + (A − f + 0.5) / (f + 0.5))</c> instead of <c>ln(1 + A / f)</c>.
    /// Default false.
    /// </summary>
    public bool Bm25Weighting { get; init; }

    /// <summary>Take the square root of the L1-normalised term frequency, damping very frequent words. Default false.</summary>
    public bool ReduceFrequentWords { get; init; }

    /// <summary>Words whose idf is multiplied by <see cref="SeedMultiplier"/> (BERTopic's <c>seed_words</c>). Default none.</summary>
    public IReadOnlyCollection<string>? SeedWords { get; init; }

    /// <summary>The idf multiplier of <see cref="SeedWords"/>. Default 2.</summary>
    public double SeedMultiplier { get; init; } = 2;
}
