using BERTopicNet.Topics;
using BERTopicNet.Vectorizers;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>
    /// Approximates each document's topic distribution (Python's <c>approximate_distribution</c>, c-TF-IDF variant):
    /// the document's tokens (scikit-learn's tokenizer on the raw text) are cut into windows of
    /// <paramref name="window"/> tokens every <paramref name="stride"/> tokens; each window's c-TF-IDF is compared (cosine)
    /// with every topic's, similarities below <paramref name="minSimilarity"/> are zeroed, and the sums over the windows
    /// are L1-normalised per document. Column t is topic t (the outlier topic has no column); a row of zeros means no
    /// window matched any topic.
    /// </summary>
    /// <param name="documents">The documents (any, not only the training ones).</param>
    /// <param name="window">Tokens per window. Default 4.</param>
    /// <param name="stride">Tokens between window starts. Default 1.</param>
    /// <param name="minSimilarity">Similarities below this count as 0. Default 0.1.</param>
    /// <param name="padding">Also use the shorter windows at the start and end of each document. Default false.</param>
    /// <param name="batchSize">Documents processed at a time (bounds memory). Default 1000.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Documents × topics.</returns>
    /// <exception cref="ArgumentException">Bad documents or parameters.</exception>
    /// <exception cref="InvalidOperationException">The model is not fitted or has no c-TF-IDF matrix.</exception>
    public float[,] ApproximateDistribution(IReadOnlyList<string> documents, int window = 4, int stride = 1, double minSimilarity = 0.1,
        bool padding = false, int batchSize = 1000, CancellationToken cancellationToken = default)
    {
        RequireFitted();
        ValidateDocuments(documents);
        if (window < 1) throw new ArgumentOutOfRangeException(nameof(window), window, "window must be at least 1.");
        if (stride < 1) throw new ArgumentOutOfRangeException(nameof(stride), stride, "stride must be at least 1.");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        var cTfidf = _cTfidf ?? throw new InvalidOperationException("The model has no c-TF-IDF matrix (it was loaded without one); approximate distributions need it.");
        var similarity = new SparseTopicSimilarity(cTfidf, Array.IndexOf(_topicIds, -1) + 1);
        int topics = similarity.Topics;
        var result = new float[documents.Count, topics];
        for (int start = 0; start < documents.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(batchSize, documents.Count - start);
            var sentences = new List<string>();
            var first = new int[count + 1];
            for (int d = 0; d < count; d++)
            {
                sentences.AddRange(TokenSets(CountVectorizer.Tokenize(documents[start + d]), window, stride, padding));
                first[d + 1] = sentences.Count;
            }
            var weights = _ctfidf.Transform(_vectorizer.Transform(sentences, cancellationToken));
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, d =>
            {
                Span<double> sims = topics <= 1024 ? stackalloc double[topics] : new double[topics];
                var sum = new double[topics];
                for (int s = first[d]; s < first[d + 1]; s++)
                {
                    similarity.Similarities(weights, s, sims);
                    for (int t = 0; t < topics; t++) if (sims[t] >= minSimilarity) sum[t] += sims[t];
                }
                double total = 0;
                foreach (var v in sum) total += Math.Abs(v);
                if (total > 0)
                    for (int t = 0; t < topics; t++) result[start + d, t] = (float)(sum[t] / total);
            });
        }
        return result;
    }

    /// <summary>Python's token sets: the whole token list when shorter than the window, else windows every stride tokens.</summary>
    private static IEnumerable<string> TokenSets(IReadOnlyList<string> tokens, int window, int stride, bool padding)
    {
        if (tokens.Count < window)
        {
            yield return string.Join(' ', tokens);
            yield break;
        }
        if (padding)
        {
            int t = (window + stride - 1) / stride - 1;
            for (int i = 0; i < t; i++)
                yield return string.Join(' ', tokens.Take(window - (t - i) * stride));
        }
        for (int s = 0; s < tokens.Count; s += stride)
        {
            int len = Math.Min(window, tokens.Count - s);
            if (padding || len == window) yield return string.Join(' ', tokens.Skip(s).Take(len));
        }
    }
}
