namespace BERTopicNet.Vectorizers;

/// <summary>The lengths of word n-grams to count, both ends included (scikit-learn's <c>ngram_range</c>).</summary>
/// <param name="Min">The shortest n-gram, at least 1.</param>
/// <param name="Max">The longest n-gram, at least <paramref name="Min"/>.</param>
public readonly record struct NGramRange(int Min, int Max)
{
    /// <summary>Single words only: (1, 1), the default.</summary>
    public static NGramRange Unigrams => new(1, 1);

    /// <summary>Converts a tuple such as <c>(1, 2)</c>.</summary>
    public static implicit operator NGramRange((int Min, int Max) range) => new(range.Min, range.Max);

    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="paramName"/> when the range is invalid.</summary>
    internal void Validate(string paramName)
    {
        if (Min < 1 || Max < Min)
            throw new ArgumentException($"The n-gram range ({Min}, {Max}) is invalid: use 1 <= min <= max, e.g. (1, 1) or (1, 2).", paramName);
    }

    /// <inheritdoc/>
    public override string ToString() => $"({Min}, {Max})";
}
