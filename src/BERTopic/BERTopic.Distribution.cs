using BERTopicNet.Numerics;
using BERTopicNet.Operations;
using BERTopicNet.Vectorizers;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    // Windows compared with the topics in one go; bounds the memory of a chunk whatever BatchSize is.
    private const int WindowsPerChunk = 16384;

    /// <summary>
    /// How much of each document is about each topic (Python's <c>approximate_distribution</c>): every document is cut
    /// into windows of <paramref name="window"/> tokens, <paramref name="stride"/> apart; each window's c-TF-IDF (the
    /// fitted vectorizer and c-TF-IDF model) is compared with every topic's c-TF-IDF by cosine similarity; similarities
    /// below <paramref name="minSimilarity"/> become 0; a document's distribution is the sum over its windows,
    /// L1-normalised.
    /// </summary>
    /// <param name="documents">The documents (need not be the training documents); none may be null.</param>
    /// <param name="window">Tokens per window. Default 4.</param>
    /// <param name="stride">Tokens between window starts. Default 1.</param>
    /// <param name="minSimilarity">Similarities below this count as 0. Default 0.1.</param>
    /// <param name="batchSize">Documents processed together (memory bound), null = all. Default 1000.</param>
    /// <param name="useEmbeddingModel">Compare window embeddings with topic embeddings instead of c-TF-IDF. Default false.</param>
    /// <param name="calculateTokens">Also return per-token topic distributions. Default false.</param>
    /// <param name="progress">Receives the fraction of documents done (stage <see cref="BERTopicStages.Distribution"/>).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The document × topic distributions (and token distributions when asked).</returns>
    /// <exception cref="InvalidOperationException">The model is not fitted, or <paramref name="useEmbeddingModel"/> is set without an embedding model.</exception>
    /// <exception cref="ArgumentException">Null documents or invalid settings.</exception>
    public TopicDistribution ApproximateDistribution(IReadOnlyList<string> documents, int window = 4, int stride = 1,
        double minSimilarity = 0.1, int? batchSize = 1000, bool useEmbeddingModel = false, bool calculateTokens = false,
        IProgress<BERTopicProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ApproximateDistribution(documents, new ApproximateDistributionOptions
        {
            Window = window,
            Stride = stride,
            MinSimilarity = minSimilarity,
            BatchSize = batchSize,
            UseEmbeddingModel = useEmbeddingModel,
            CalculateTokens = calculateTokens,
        }, progress, cancellationToken);

    /// <summary>How much of each document is about each topic, with all of Python's settings (padding, separator).</summary>
    /// <inheritdoc cref="ApproximateDistribution(IReadOnlyList{string}, int, int, double, int?, bool, bool, IProgress{BERTopicProgress}, CancellationToken)"/>
    public TopicDistribution ApproximateDistribution(IReadOnlyList<string> documents, ApproximateDistributionOptions options,
        IProgress<BERTopicProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireFitted();
        if (documents is null)
            throw new ArgumentNullException(nameof(documents), "The documents are null; pass a list of strings.");
        for (int i = 0; i < documents.Count; i++)
            if (documents[i] is null)
                throw new ArgumentException($"Document {i} is null; replace it with an empty string or remove it.", nameof(documents));
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(nameof(options));
        return ApproximateDistributionCore(IO.Utf16Text.Sanitize(documents), options, progress, cancellationToken);
    }

    private TopicDistribution ApproximateDistributionCore(IReadOnlyList<string> documents, ApproximateDistributionOptions options,
        IProgress<BERTopicProgress>? progress, CancellationToken ct)
    {
        int first = _topicIds.Length > 0 && _topicIds[0] == -1 ? 1 : 0;
        var topicIds = _topicIds[first..];
        int k = topicIds.Length;
        SparseTopicCosine? sparse = null;
        DenseCosine? dense = null;
        Embedding.IEmbeddingModel? embedder = null;
        if (options.UseEmbeddingModel)
        {
            embedder = _embeddingModel ?? Options.EmbeddingModel ?? throw new InvalidOperationException(
                "UseEmbeddingModel needs an embedding model, but this model was fitted on precomputed embeddings; " +
                "set BERTopicOptions.EmbeddingModel (the model that made those embeddings) or leave UseEmbeddingModel false.");
            var topicEmbeddings = _topicEmbeddings ?? throw new InvalidOperationException("The model has no topic embeddings; leave UseEmbeddingModel false.");
            dense = new DenseCosine(topicEmbeddings, first);
        }
        else
        {
            sparse = new SparseTopicCosine(_cTfidf!, first);
        }

        int n = documents.Count;
        var distributions = new float[n, k];
        var tokenDistributions = options.CalculateTokens ? new float[n][,] : null;
        var allTokens = options.CalculateTokens ? new IReadOnlyList<string>[n] : null;
        int batch = options.BatchSize ?? Math.Max(n, 1);
        int done = 0;
        while (done < n)
        {
            ct.ThrowIfCancellationRequested();
            // One chunk: at most `batch` documents and (unless a single document needs more) WindowsPerChunk windows.
            var chunkTokens = new List<string[]>();
            var chunkWindows = new List<(int Start, int Length)[]>();
            int windows = 0;
            while (done + chunkTokens.Count < n && chunkTokens.Count < batch)
            {
                var tokens = TokenizeForDistribution(documents[done + chunkTokens.Count]);
                var spans = WindowSpans(tokens.Length, options.Window, options.Stride, options.Padding);
                if (chunkTokens.Count > 0 && windows + spans.Length > WindowsPerChunk) break;
                chunkTokens.Add(tokens);
                chunkWindows.Add(spans);
                windows += spans.Length;
            }

            var sentences = new string[windows];
            var firstWindow = new int[chunkTokens.Count + 1];
            for (int d = 0, w = 0; d < chunkTokens.Count; d++)
            {
                firstWindow[d] = w;
                foreach (var (start, length) in chunkWindows[d])
                    sentences[w++] = string.Join(options.Separator, chunkTokens[d], start, length);
                firstWindow[d + 1] = w;
            }

            TermWeightMatrix? weights = null;
            float[,]? windowEmbeddings = null;
            if (sparse is not null)
            {
                var counts = _vectorizer.Transform(sentences, ct);
                weights = _ctfidf.Transform(counts);
            }
            else
            {
                windowEmbeddings = embedder!.Embed(sentences, null, ct);
                if (windowEmbeddings.GetLength(0) != sentences.Length || windowEmbeddings.GetLength(1) != dense!.Dimension)
                    throw new InvalidOperationException($"The embedding model {embedder.Name} returned a {windowEmbeddings.GetLength(0)} × {windowEmbeddings.GetLength(1)} matrix for {sentences.Length} windows; expected {dense!.Dimension} columns.");
            }
            ct.ThrowIfCancellationRequested();

            int offset = done;
            Parallel.For(0, chunkTokens.Count, Parallelism.PerCore(ct),
                () => new double[k],
                (d, _, sim) =>
                {
                    var docSum = new double[k];
                    var spans = chunkWindows[d];
                    double[,]? tokenSums = tokenDistributions is not null ? new double[chunkTokens[d].Length, k] : null;
                    for (int w = 0; w < spans.Length; w++)
                    {
                        int row = firstWindow[d] + w;
                        if (weights is not null) sparse!.Similarities(weights.RowIndices(row), weights.RowValues(row), sim);
                        else dense!.Similarities(MatrixRows.Row(windowEmbeddings!, row), sim);
                        for (int t = 0; t < k; t++)
                        {
                            double s = sim[t] < options.MinSimilarity ? 0 : sim[t];
                            if (s == 0) continue;
                            if (tokenSums is null) docSum[t] += s;
                            else
                                for (int tok = spans[w].Start; tok < spans[w].Start + spans[w].Length; tok++) tokenSums[tok, t] += s;
                        }
                    }
                    if (tokenSums is not null)
                    {
                        int rows = tokenSums.GetLength(0);
                        var matrix = new float[rows, k];
                        for (int r = 0; r < rows; r++)
                            for (int t = 0; t < k; t++)
                            {
                                matrix[r, t] = (float)tokenSums[r, t];
                                docSum[t] += tokenSums[r, t];
                            }
                        tokenDistributions![offset + d] = matrix;
                        allTokens![offset + d] = chunkTokens[d];
                    }
                    double l1 = 0;
                    foreach (double v in docSum) l1 += Math.Abs(v);
                    if (l1 > 0)
                        for (int t = 0; t < k; t++) distributions[offset + d, t] = (float)(docSum[t] / l1);
                    return sim;
                },
                _ => { });
            done += chunkTokens.Count;
            progress?.Report(new BERTopicProgress(BERTopicStages.Distribution, (double)done / n));
        }
        if (n == 0) progress?.Report(new BERTopicProgress(BERTopicStages.Distribution, 1));
        return new TopicDistribution(topicIds, distributions, tokenDistributions, allTokens);
    }

    /// <summary>The vectorizer's tokenizer (scikit-learn's <c>build_tokenizer</c>: the token pattern, case kept).</summary>
    private static string[] TokenizeForDistribution(string document)
    {
        var spans = new List<(int Start, int Length)>();
        PythonText.Tokenize(document, spans);
        var tokens = new string[spans.Count];
        for (int i = 0; i < spans.Count; i++) tokens[i] = document.Substring(spans[i].Start, spans[i].Length);
        return tokens;
    }

    /// <summary>
    /// The windows of a document of <paramref name="tokenCount"/> tokens as (first token, length), in Python's order:
    /// a document shorter than the window is one window; otherwise a window starts every <paramref name="stride"/>
    /// tokens and only full windows are kept unless <paramref name="padding"/>, which also keeps the short tail
    /// windows and prepends ⌈window/stride⌉ − 1 growing leading windows.
    /// </summary>
    internal static (int Start, int Length)[] WindowSpans(int tokenCount, int window, int stride, bool padding)
    {
        var spans = new List<(int, int)>();
        if (tokenCount < window) spans.Add((0, tokenCount));
        else
            for (int s = 0; s < tokenCount; s += stride)
            {
                int length = Math.Min(window, tokenCount - s);
                if (padding || length == window) spans.Add((s, length));
            }
        if (padding)
        {
            int t = (window + stride - 1) / stride - 1;
            var leading = new List<(int, int)>(t);
            for (int i = 0; i < t; i++) leading.Add((0, Math.Min(window - (t - i) * stride, tokenCount)));
            spans.InsertRange(0, leading);
        }
        return [.. spans];
    }
}
