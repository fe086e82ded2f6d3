using System.Globalization;

namespace BERTopicNet.Vectorizers;

/// <summary>
/// A document-frequency bound as scikit-learn's <c>min_df</c> / <c>max_df</c> take it: an absolute number of
/// documents (an <see cref="int"/>) or a fraction of the documents (a <see cref="double"/> in [0, 1]).
/// </summary>
public readonly record struct DocumentFrequencyLimit
{
    private DocumentFrequencyLimit(bool isFraction, double value)
    {
        IsFraction = isFraction;
        Value = value;
    }

    /// <summary>True when the bound is a fraction of the number of documents.</summary>
    public bool IsFraction { get; }

    /// <summary>The number of documents, or the fraction.</summary>
    public double Value { get; }

    /// <summary>A bound of <paramref name="documents"/> documents (at least 1).</summary>
    public static DocumentFrequencyLimit Count(int documents)
    {
        if (documents < 1)
            throw new ArgumentOutOfRangeException(nameof(documents), documents, "A document count bound must be at least 1; use a fraction such as 0.0 to disable it.");
        return new(false, documents);
    }

    /// <summary>A bound of <paramref name="fraction"/> × the number of documents (in [0, 1]).</summary>
    public static DocumentFrequencyLimit Fraction(double fraction)
    {
        if (!(fraction >= 0 && fraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "A document fraction bound must lie in [0, 1].");
        return new(true, fraction);
    }

    /// <summary>A count bound, as scikit-learn reads an integer.</summary>
    public static implicit operator DocumentFrequencyLimit(int documents) => Count(documents);

    /// <summary>A fraction bound, as scikit-learn reads a float.</summary>
    public static implicit operator DocumentFrequencyLimit(double fraction) => Fraction(fraction);

    /// <summary>The bound in documents for a corpus of <paramref name="documentCount"/> documents.</summary>
    internal double Resolve(int documentCount) => IsFraction ? Value * documentCount : Value;

    /// <inheritdoc/>
    public override string ToString() => IsFraction ? Value.ToString("0.0###", CultureInfo.InvariantCulture) : ((int)Value).ToString(CultureInfo.InvariantCulture);
}
