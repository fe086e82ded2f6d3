using System.Numerics;

namespace BERTopicNet.Vectorizers;

/// <summary>
/// Class-based TF-IDF (BERTopic 0.17.4's <c>ClassTfidfTransformer</c>). Each row of the input counts is one class
/// (topic, the outlier class -1 included). With X the counts, f the column sums and A the integer part of the mean
/// row sum: <c>idf = ln(1 + A / f)</c> (BM25: <c>ln(1 + (A − f + 0.5) / (f + 0.5))</c>), <c>tf</c> = X with each row
/// L1-normalised (its square root when reducing frequent words), and the weight is <c>tf × idf</c>.
/// Computed in float64 in the same order as scikit-learn/SciPy.
/// </summary>
public sealed class ClassTfidfTransformer
{
    private double[]? _idf;

    /// <summary>Creates a transformer.</summary>
    /// <param name="options">Settings; null means BERTopic's defaults.</param>
    public ClassTfidfTransformer(ClassTfidfOptions? options = null)
    {
        Options = options ?? new ClassTfidfOptions();
        if (!double.IsFinite(Options.SeedMultiplier))
            throw new ArgumentException("SeedMultiplier must be a finite number.", nameof(options));
    }

    /// <summary>The settings.</summary>
    public ClassTfidfOptions Options { get; }

    /// <summary>The idf multiplier BERTopic gives the words of a seed topic list (1.2).</summary>
    public const double GuidedSeedMultiplier = 1.2;

    /// <summary>The fitted idf per term, or null before fitting.</summary>
    public IReadOnlyList<double>? Idf => _idf;

    /// <summary>The regularisation A (the integer part of the mean number of tokens per class), once fitted.</summary>
    public long AverageClassSize { get; private set; }

    /// <summary>Learns the idf from class-term counts.</summary>
    /// <param name="counts">One row per class.</param>
    /// <param name="multiplier">Optional per-term idf multiplier (BERTopic's seed-topic weighting).</param>
    public ClassTfidfTransformer Fit(DocumentTermMatrix counts, IReadOnlyList<double>? multiplier = null) => Fit(counts, multiplier, null);

    /// <summary>
    /// Learns the idf as BERTopic's <c>_c_tf_idf</c> does with a seed topic list: the words of
    /// <paramref name="seedTopicWords"/> get the multiplier 1.2 (overriding <see cref="ClassTfidfOptions.SeedMultiplier"/>
    /// for a word that is in both), the other <see cref="ClassTfidfOptions.SeedWords"/> get <see cref="ClassTfidfOptions.SeedMultiplier"/>.
    /// </summary>
    internal ClassTfidfTransformer Fit(DocumentTermMatrix counts, IReadOnlyList<double>? multiplier, IReadOnlySet<string>? seedTopicWords)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return FitCore<int>(counts.Rows, counts.Columns, counts.IndPtr, counts.Indices, counts.Counts, counts.Vocabulary, multiplier, seedTopicWords);
    }

    /// <summary>Learns the idf from real-valued class-term counts (an online vectorizer's decayed bag of words).</summary>
    internal ClassTfidfTransformer Fit(TermWeightMatrix counts, IReadOnlyList<string> vocabulary, IReadOnlySet<string>? seedTopicWords)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return FitCore<double>(counts.Rows, counts.Columns, counts.IndPtr, counts.Indices, counts.Values, vocabulary, null, seedTopicWords);
    }

    private ClassTfidfTransformer FitCore<T>(int rows, int columns, int[] indPtr, int[] indices, T[] values, IReadOnlyList<string> vocabulary,
        IReadOnlyList<double>? multiplier, IReadOnlySet<string>? seedTopicWords) where T : struct, INumberBase<T>
    {
        if (rows == 0) throw new ArgumentException("c-TF-IDF needs at least one class (row).", "counts");
        if (multiplier is not null && multiplier.Count != columns)
            throw new ArgumentException($"multiplier has {multiplier.Count} entries but there are {columns} terms.", nameof(multiplier));
        var df = new double[columns];
        for (int k = 0; k < indices.Length; k++) df[indices[k]] += double.CreateTruncating(values[k]);
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            double rowSum = 0;
            for (int k = indPtr[r]; k < indPtr[r + 1]; k++) rowSum += double.CreateTruncating(values[k]);
            total += rowSum;
        }
        long a = (long)(total / rows);
        AverageClassSize = a;
        var idf = new double[df.Length];
        for (int j = 0; j < idf.Length; j++)
        {
            double f = df[j];
            idf[j] = Options.Bm25Weighting ? Math.Log(1 + ((a - f + 0.5) / (f + 0.5))) : Math.Log((a / f) + 1);
            if (multiplier is not null) idf[j] *= multiplier[j];
        }
        IReadOnlySet<string>? set = Options.SeedWords is { Count: > 0 } seeds
            ? seeds as IReadOnlySet<string> ?? new HashSet<string>(seeds, StringComparer.Ordinal)
            : null;
        if (set is not null || seedTopicWords is { Count: > 0 })
        {
            for (int j = 0; j < idf.Length; j++)
            {
                string term = vocabulary[j];
                if (seedTopicWords is not null && seedTopicWords.Contains(term)) idf[j] *= GuidedSeedMultiplier;
                else if (set is not null && set.Contains(term)) idf[j] *= Options.SeedMultiplier;
            }
        }
        _idf = idf;
        return this;
    }

    /// <summary>Weights class-term (or document-term) counts with the fitted idf.</summary>
    /// <exception cref="InvalidOperationException">Not fitted yet.</exception>
    /// <exception cref="ArgumentException">The counts use a different number of terms than the fitted idf.</exception>
    public TermWeightMatrix Transform(DocumentTermMatrix counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return TransformCore<int>(counts.Columns, counts.IndPtr, counts.Indices, counts.Counts);
    }

    /// <summary>Weights real-valued class-term counts with the fitted idf.</summary>
    internal TermWeightMatrix Transform(TermWeightMatrix counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return TransformCore<double>(counts.Columns, counts.IndPtr, counts.Indices, counts.Values);
    }

    private TermWeightMatrix TransformCore<T>(int columns, int[] indPtr, int[] indices, T[] counts) where T : struct, INumberBase<T>
    {
        CheckColumns(columns);
        var values = new double[counts.Length];
        for (int r = 0; r + 1 < indPtr.Length; r++)
        {
            int lo = indPtr[r], hi = indPtr[r + 1];
            WeightRow<T>(indices.AsSpan(lo, hi - lo), counts.AsSpan(lo, hi - lo), values.AsSpan(lo, hi - lo));
        }
        return new TermWeightMatrix(columns, (int[])indPtr.Clone(), (int[])indices.Clone(), values);
    }

    /// <summary>The weights of one row of counts (its terms <paramref name="indices"/>) into <paramref name="weights"/>: what <see cref="Transform(DocumentTermMatrix)"/> gives that row.</summary>
    internal void WeightRow<T>(ReadOnlySpan<int> indices, ReadOnlySpan<T> counts, Span<double> weights) where T : struct, INumberBase<T>
    {
        var idf = _idf!;
        double sum = 0;
        foreach (var c in counts) sum += double.CreateTruncating(c);
        for (int k = 0; k < counts.Length; k++)
        {
            double tf = double.CreateTruncating(counts[k]) / sum;
            if (Options.ReduceFrequentWords) tf = Math.Sqrt(tf);
            weights[k] = tf * idf[indices[k]];
        }
    }

    /// <summary>Throws unless the transformer is fitted on <paramref name="columns"/> terms.</summary>
    internal void CheckColumns(int columns)
    {
        var idf = _idf ?? throw new InvalidOperationException("The ClassTfidfTransformer is not fitted; call Fit first.");
        if (columns != idf.Length)
            throw new ArgumentException($"The counts have {columns} terms but the transformer was fitted on {idf.Length}.", "counts");
    }

    /// <summary>Fits on <paramref name="counts"/> and transforms them.</summary>
    public TermWeightMatrix FitTransform(DocumentTermMatrix counts) => Fit(counts).Transform(counts);

    /// <summary>Restores a fitted state (for loading saved models).</summary>
    /// <param name="idf">The idf per term.</param>
    public void SetIdf(IReadOnlyList<double> idf)
    {
        ArgumentNullException.ThrowIfNull(idf);
        _idf = [.. idf];
    }
}
