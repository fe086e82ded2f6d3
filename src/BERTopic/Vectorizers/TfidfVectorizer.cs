using BERTopicNet.Umap;

namespace BERTopicNet.Vectorizers;

/// <summary>
/// scikit-learn's <c>TfidfVectorizer</c>: <see cref="CountVectorizer"/> counts, then (optionally sublinear) tf ×
/// (smoothed) idf, rows normalised (L2 by default), as a <see cref="CsrMatrix"/> of float32 — the sparse
/// "embeddings" of the article's TF-IDF example (<c>BERTopic.FitTransform(docs, tfidf.FitTransform(docs))</c>).
/// Weights equal scikit-learn 1.2's to float precision (checked on a synthetic corpus, tests/BERTopic.Tests/Goldens).
/// </summary>
/// <example><code>
/// var tfidf = new TfidfVectorizer(new TfidfVectorizerOptions { Counts = new() { MinDf = 5, StopWords = StopWordLists.English } });
/// CsrMatrix rows = tfidf.FitTransform(docs);
/// var (topics, _) = new BERTopic().FitTransform(docs, rows);
/// var (newTopics, _) = model.Transform(newDocs, tfidf.Transform(newDocs));   // same vectorizer for new documents
/// </code></example>
public sealed class TfidfVectorizer
{
    private double[]? _idf;

    /// <summary>Creates an unfitted vectorizer.</summary>
    /// <param name="options">Settings; null: scikit-learn's defaults.</param>
    public TfidfVectorizer(TfidfVectorizerOptions? options = null)
    {
        Options = options ?? new TfidfVectorizerOptions();
        if (!Enum.IsDefined(Options.Norm)) throw new ArgumentException($"Norm {Options.Norm} is not one of None, L1, L2.", nameof(options));
        Counts = new CountVectorizer(Options.Counts ?? throw new ArgumentException("Counts is null; leave it unset for the defaults.", nameof(options)));
    }

    /// <summary>The settings.</summary>
    public TfidfVectorizerOptions Options { get; }

    /// <summary>The underlying count vectorizer (its <see cref="CountVectorizer.Vocabulary"/> names the columns).</summary>
    public CountVectorizer Counts { get; }

    /// <summary>The terms, in column order (sorted by code point, as scikit-learn sorts them).</summary>
    public IReadOnlyList<string> Vocabulary => Counts.Vocabulary;

    /// <summary>The fitted inverse document frequency of each column (<c>idf_</c>); all ones when <see cref="TfidfVectorizerOptions.UseIdf"/> is off.</summary>
    /// <exception cref="InvalidOperationException">The vectorizer is not fitted.</exception>
    public IReadOnlyList<double> Idf => _idf ?? throw NotFitted();

    /// <summary>Whether <see cref="Fit"/> or <see cref="FitTransform"/> was called.</summary>
    public bool IsFitted => _idf is not null;

    /// <summary>Learns the vocabulary and the idf weights from <paramref name="documents"/>.</summary>
    /// <exception cref="ArgumentException">A document is null, no term is found, or pruning removes every term.</exception>
    public TfidfVectorizer Fit(IReadOnlyList<string> documents, CancellationToken cancellationToken = default)
    {
        FitTransform(documents, cancellationToken);
        return this;
    }

    /// <summary>Learns the vocabulary and idf weights and returns the documents' TF-IDF rows (one per document).</summary>
    /// <exception cref="ArgumentException">A document is null, no term is found, or pruning removes every term.</exception>
    public CsrMatrix FitTransform(IReadOnlyList<string> documents, CancellationToken cancellationToken = default)
    {
        var counts = Counts.FitTransform(documents, cancellationToken);
        _idf = ComputeIdf(counts);
        return Weigh(counts);
    }

    /// <summary>The TF-IDF rows of <paramref name="documents"/> with the fitted vocabulary and idf (unknown terms ignored).</summary>
    /// <exception cref="InvalidOperationException">The vectorizer is not fitted.</exception>
    public CsrMatrix Transform(IReadOnlyList<string> documents, CancellationToken cancellationToken = default)
    {
        if (_idf is null) throw NotFitted();
        return Weigh(Counts.Transform(documents, cancellationToken));
    }

    private double[] ComputeIdf(DocumentTermMatrix counts)
    {
        var idf = new double[counts.Columns];
        if (!Options.UseIdf) { Array.Fill(idf, 1.0); return idf; }
        int n = counts.Rows;
        var df = counts.DocumentFrequencies();
        int smooth = Options.SmoothIdf ? 1 : 0;
        for (int j = 0; j < idf.Length; j++) idf[j] = Math.Log((double)(n + smooth) / (df[j] + smooth)) + 1.0;
        return idf;
    }

    private CsrMatrix Weigh(DocumentTermMatrix counts)
    {
        var idf = _idf!;
        var values = new float[counts.NonZeroCount];
        var row = new double[64];
        for (int r = 0; r < counts.Rows; r++)
        {
            var cols = counts.RowIndices(r);
            var c = counts.RowCounts(r);
            if (row.Length < cols.Length) row = new double[cols.Length];
            double norm = 0;
            for (int k = 0; k < cols.Length; k++)
            {
                double tf = Options.SublinearTf ? 1.0 + Math.Log(c[k]) : c[k];
                double v = tf * idf[cols[k]];
                row[k] = v;
                norm += Options.Norm == TfidfNorm.L1 ? Math.Abs(v) : v * v;
            }
            if (Options.Norm == TfidfNorm.L2) norm = Math.Sqrt(norm);
            if (Options.Norm == TfidfNorm.None || norm == 0) norm = 1.0;
            int start = counts.IndPtr[r];
            for (int k = 0; k < cols.Length; k++) values[start + k] = (float)(row[k] / norm);
        }
        return new CsrMatrix(counts.Rows, counts.Columns, (int[])counts.IndPtr.Clone(), (int[])counts.Indices.Clone(), values);
    }

    private static InvalidOperationException NotFitted() =>
        new("The TfidfVectorizer is not fitted; call Fit or FitTransform on the training documents first.");
}
