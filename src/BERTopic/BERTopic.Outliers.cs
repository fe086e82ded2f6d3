using BERTopicNet.Numerics;
using BERTopicNet.Operations;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>
    /// Assigns outlier documents (topic -1) to their nearest topic and returns the new topics; the model itself is not
    /// changed (pass the result to <c>UpdateTopics</c> to refresh the representations), as in Python's
    /// <c>reduce_outliers</c>. Documents with a topic other than -1 keep it; an outlier with no topic passing the
    /// threshold stays -1.
    /// </summary>
    /// <param name="documents">The documents, e.g. the training documents.</param>
    /// <param name="topics">Their current topics (one per document; -1 = outlier).</param>
    /// <param name="strategy">How to pick the topic. Default <see cref="OutlierStrategy.Distributions"/>.</param>
    /// <param name="threshold">
    /// Minimum probability (<see cref="OutlierStrategy.Probabilities"/>) or similarity (the other strategies) for a
    /// reassignment. Default 0.
    /// </param>
    /// <param name="embeddings">For <see cref="OutlierStrategy.Embeddings"/>: the documents' embeddings (one row per document); null embeds the outliers with the embedding model.</param>
    /// <param name="probabilities">For <see cref="OutlierStrategy.Probabilities"/>: the document × topic matrix of <c>FitTransform</c>/<c>Transform</c> with <see cref="BERTopicOptions.CalculateProbabilities"/>.</param>
    /// <param name="distributionOptions">For <see cref="OutlierStrategy.Distributions"/>: window settings (their MinSimilarity is replaced by <paramref name="threshold"/>); null = defaults.</param>
    /// <param name="progress">Receives the fraction done (stage <see cref="BERTopicStages.Outliers"/>).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new topic of every document.</returns>
    /// <exception cref="InvalidOperationException">The model is not fitted or has no outlier topic, or the strategy needs an embedding model that is missing.</exception>
    /// <exception cref="ArgumentException">Counts differ, a topic id is unknown, or the strategy's input is missing or malformed.</exception>
    public int[] ReduceOutliers(IReadOnlyList<string> documents, IReadOnlyList<int> topics,
        OutlierStrategy strategy = OutlierStrategy.Distributions, double threshold = 0,
        float[,]? embeddings = null, float[,]? probabilities = null, ApproximateDistributionOptions? distributionOptions = null,
        IProgress<BERTopicProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireFitted();
        documents = ValidateDocuments(documents);
        ArgumentNullException.ThrowIfNull(topics);
        ValidateTopicsPerDocument(topics, documents.Count, nameof(topics));
        if (!double.IsFinite(threshold))
            throw new ArgumentException($"threshold is {threshold}; give a finite number (default 0).", nameof(threshold));
        var known = new HashSet<int>(_topicIds);
        for (int i = 0; i < topics.Count; i++)
            if (topics[i] != -1 && !known.Contains(topics[i]))
                throw new ArgumentException($"topics[{i}] is {topics[i]}, which is not a topic of this model (topics: {string.Join(", ", _topicIds)}); pass the topics this model assigned.", nameof(topics));
        if (!HasOutliers)
            throw new InvalidOperationException("The model has no outlier topic (-1), so there are no outliers to reduce (Python raises the same).");

        var outliers = Enumerable.Range(0, topics.Count).Where(i => topics[i] == -1).ToArray();
        var result = topics.ToArray();
        int first = _topicIds[0] == -1 ? 1 : 0;
        var candidateIds = _topicIds[first..];
        switch (strategy)
        {
            case OutlierStrategy.Probabilities:
                ReduceByProbabilities(result, probabilities, threshold, documents.Count);
                break;
            case OutlierStrategy.Distributions:
                if (outliers.Length == 0) break;
                var template = distributionOptions ?? new ApproximateDistributionOptions();
                var options = new ApproximateDistributionOptions
                {
                    Window = template.Window,
                    Stride = template.Stride,
                    MinSimilarity = threshold,
                    BatchSize = template.BatchSize,
                    Padding = template.Padding,
                    UseEmbeddingModel = template.UseEmbeddingModel,
                    Separator = template.Separator,
                };
                options.Validate(nameof(distributionOptions));
                var distribution = ApproximateDistributionCore(outliers.Select(i => documents[i]).ToArray(), options,
                    progress is null ? null : new RestagedProgress(progress, BERTopicStages.Outliers),
                    cancellationToken);
                var shares = distribution.Distributions;
                var asDouble = new double[shares.GetLength(0), shares.GetLength(1)];
                Array.Copy(shares, asDouble, shares.Length);
                AssignBest(result, outliers, asDouble, candidateIds, 0);
                break;
            case OutlierStrategy.CTfidf:
                if (outliers.Length == 0) break;
                {
                    var counts = _vectorizer.Transform(outliers.Select(i => documents[i]).ToArray(), cancellationToken);
                    var weights = _ctfidf.Transform(counts);
                    var cosine = new SparseTopicCosine(_cTfidf!, first);
                    var sims = new double[outliers.Length, cosine.TopicCount];
                    Parallel.For(0, outliers.Length, Parallelism.PerCore(cancellationToken), () => new double[cosine.TopicCount], (o, _, buffer) =>
                    {
                        cosine.Similarities(weights.RowIndices(o), weights.RowValues(o), buffer);
                        for (int t = 0; t < buffer.Length; t++) sims[o, t] = buffer[t];
                        return buffer;
                    }, _ => { });
                    AssignBest(result, outliers, sims, candidateIds, threshold);
                }
                break;
            case OutlierStrategy.Embeddings:
                if (outliers.Length == 0) break;
                {
                    var topicEmbeddings = _topicEmbeddings ?? throw new InvalidOperationException("The model has no topic embeddings; use another strategy.");
                    var outlierEmbeddings = OutlierEmbeddings(documents, outliers, embeddings, topicEmbeddings.GetLength(1), progress, cancellationToken);
                    var cosine = new DenseCosine(topicEmbeddings, first);
                    var sims = new double[outliers.Length, cosine.Count];
                    Parallel.For(0, outliers.Length, Parallelism.PerCore(cancellationToken), () => new double[cosine.Count], (o, _, buffer) =>
                    {
                        cosine.Similarities(MatrixRows.Row(outlierEmbeddings, o), buffer);
                        for (int t = 0; t < buffer.Length; t++) sims[o, t] = buffer[t];
                        return buffer;
                    }, _ => { });
                    AssignBest(result, outliers, sims, candidateIds, threshold);
                }
                break;
            default:
                throw new ArgumentException($"Unknown strategy {strategy}; use Distributions, Probabilities, CTfidf or Embeddings.", nameof(strategy));
        }
        progress?.Report(new BERTopicProgress(BERTopicStages.Outliers, 1));
        return result;
    }

    private static void ReduceByProbabilities(int[] topics, float[,]? probabilities, double threshold, int documentCount)
    {
        if (probabilities is null)
            throw new ArgumentException("The Probabilities strategy needs the document × topic probabilities: fit with BERTopicOptions.CalculateProbabilities = true and pass result.Probabilities.Matrix.", nameof(probabilities));
        if (probabilities.GetLength(0) != documentCount)
            throw new ArgumentException($"probabilities has {probabilities.GetLength(0)} rows but there are {documentCount} documents; pass one row per document.", nameof(probabilities));
        int k = probabilities.GetLength(1);
        if (k == 0)
            throw new ArgumentException("probabilities has no columns; pass the document × topic matrix (one column per topic).", nameof(probabilities));
        for (int i = 0; i < topics.Length; i++)
        {
            if (topics[i] != -1) continue;
            // np.argmax (first maximum); reassigned when the maximum reaches the threshold, as in Python.
            int best = 0;
            for (int t = 1; t < k; t++)
                if (probabilities[i, t] > probabilities[i, best]) best = t;
            if (probabilities[i, best] >= threshold) topics[i] = best;
        }
    }

    /// <summary>
    /// Python's rule for the similarity strategies: values below <paramref name="threshold"/> become 0; the argmax is
    /// taken when the row's sum is positive, otherwise the document stays an outlier. Column c is <paramref name="candidateIds"/>[c].
    /// </summary>
    private static void AssignBest(int[] topics, int[] outliers, double[,] similarities, int[] candidateIds, double threshold)
    {
        int k = similarities.GetLength(1);
        for (int o = 0; o < outliers.Length; o++)
        {
            int best = -1;
            double bestValue = double.NegativeInfinity, sum = 0;
            for (int t = 0; t < k; t++)
            {
                double v = similarities[o, t] < threshold ? 0 : similarities[o, t];
                sum += v;
                if (v > bestValue) { bestValue = v; best = t; }
            }
            if (best >= 0 && sum > 0) topics[outliers[o]] = candidateIds[best];
        }
    }

    private float[,] OutlierEmbeddings(IReadOnlyList<string> documents, int[] outliers, float[,]? embeddings, int dimension,
        IProgress<BERTopicProgress>? progress, CancellationToken ct)
    {
        float[,] result;
        if (embeddings is not null)
        {
            if (embeddings.GetLength(0) != documents.Count)
                throw new ArgumentException($"embeddings has {embeddings.GetLength(0)} rows but there are {documents.Count} documents; pass one row per document (all documents, not only the outliers).", nameof(embeddings));
            if (embeddings.GetLength(1) != dimension)
                throw new ArgumentException($"embeddings has {embeddings.GetLength(1)} columns but the topic embeddings have {dimension}; use the embedding model the model was fitted with.", nameof(embeddings));
            result = new float[outliers.Length, dimension];
            for (int o = 0; o < outliers.Length; o++)
                for (int j = 0; j < dimension; j++)
                {
                    float v = embeddings[outliers[o], j];
                    if (!float.IsFinite(v))
                        throw new ArgumentException($"embeddings holds {v} at row {outliers[o]}, column {j}; every value must be finite.", nameof(embeddings));
                    result[o, j] = v;
                }
            return result;
        }
        var model = _embeddingModel ?? Options.EmbeddingModel ?? throw new InvalidOperationException(
            "The Embeddings strategy needs the documents' embeddings: pass them (embeddings: one row per document) or set BERTopicOptions.EmbeddingModel.");
        result = model.Embed(outliers.Select(i => documents[i]).ToArray(),
            progress is null ? null : new StageProgressAdapter(progress, BERTopicStages.Outliers), ct);
        if (result.GetLength(0) != outliers.Length || result.GetLength(1) != dimension)
            throw new InvalidOperationException($"The embedding model {model.Name} returned a {result.GetLength(0)} × {result.GetLength(1)} matrix for {outliers.Length} documents; the topic embeddings have {dimension} columns.");
        return result;
    }

    /// <summary>Forwards progress under another stage name, synchronously.</summary>
    private sealed class RestagedProgress(IProgress<BERTopicProgress> inner, string stage) : IProgress<BERTopicProgress>
    {
        public void Report(BERTopicProgress value) => inner.Report(new BERTopicProgress(stage, value.Fraction));
    }
}
