namespace BERTopicNet.Vectorizers;

/// <summary>Row normalisation of <see cref="TfidfVectorizer"/> (scikit-learn's <c>norm</c>).</summary>
public enum TfidfNorm
{
    /// <summary>No normalisation (<c>norm=None</c>).</summary>
    None,

    /// <summary>Each row divided by the sum of its absolute values (<c>norm="l1"</c>).</summary>
    L1,

    /// <summary>Each row divided by its Euclidean length (<c>norm="l2"</c>, the default).</summary>
    L2,
}

/// <summary>
/// Settings of <see cref="TfidfVectorizer"/>, named and defaulted as scikit-learn's <c>TfidfVectorizer</c>: the
/// tokenisation and vocabulary settings (<c>min_df</c>, <c>max_df</c>, <c>stop_words</c>, <c>ngram_range</c>, ...)
/// are a <see cref="CountVectorizerOptions"/>, the weighting ones are here.
/// </summary>
public sealed class TfidfVectorizerOptions
{
    /// <summary>Tokenisation and vocabulary: lowercase, n-grams, stop words, <c>MinDf</c>, <c>MaxDf</c>, max features, fixed vocabulary.</summary>
    public CountVectorizerOptions Counts { get; init; } = new();

    /// <summary>Weight terms by inverse document frequency (<c>use_idf</c>). Default true.</summary>
    public bool UseIdf { get; init; } = true;

    /// <summary>
    /// Add one to every document frequency, as if one extra document held every term (<c>smooth_idf</c>):
    /// idf = ln((1 + n) / (1 + df)) + 1; without it, ln(n / df) + 1. Default true.
    /// </summary>
    public bool SmoothIdf { get; init; } = true;

    /// <summary>Replace each count tf by 1 + ln(tf) (<c>sublinear_tf</c>). Default false.</summary>
    public bool SublinearTf { get; init; }

    /// <summary>Row normalisation (<c>norm</c>). Default <see cref="TfidfNorm.L2"/>; an all-zero row stays zero.</summary>
    public TfidfNorm Norm { get; init; } = TfidfNorm.L2;
}
