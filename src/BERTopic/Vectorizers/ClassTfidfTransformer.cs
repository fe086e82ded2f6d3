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
        if (counts.Rows == 0) throw new ArgumentException("c-TF-IDF needs at least one class (row).", nameof(counts));
        if (multiplier is not null && multiplier.Count != counts.Columns)
            throw new ArgumentException($"multiplier has {multiplier.Count} entries but there are {counts.Columns} terms.", nameof(multiplier));
        var df = counts.ColumnSums();
        var rowSums = counts.RowSums();
        double total = 0;
        foreach (var s in rowSums) total += s;
        long a = (long)(total / rowSums.Length);
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
                string term = counts.Vocabulary[j];
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
        var idf = _idf ?? throw new InvalidOperationException("The ClassTfidfTransformer is not fitted; call Fit first.");
        if (counts.Columns != idf.Length)
            throw new ArgumentException($"The counts have {counts.Columns} terms but the transformer was fitted on {idf.Length}.", nameof(counts));
        var values = new double[counts.NonZeroCount];
        var indices = (int[])counts.Indices.Clone();
        for (int r = 0; r < counts.Rows; r++)
        {
            int lo = counts.IndPtr[r], hi = counts.IndPtr[r + 1];
            double sum = 0;
            for (int k = lo; k < hi; k++) sum += counts.Counts[k];
            for (int k = lo; k < hi; k++)
            {
                double tf = counts.Counts[k] / sum;
                if (Options.ReduceFrequentWords) tf = Math.Sqrt(tf);
                values[k] = tf * idf[indices[k]];
            }
        }
        return new TermWeightMatrix(counts.Columns, (int[])counts.IndPtr.Clone(), indices, values);
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
