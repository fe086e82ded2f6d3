using BERTopicNet.Representation;
using BERTopicNet.Topics;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>
    /// Finds a topic for outlier documents (Python's <c>reduce_outliers</c>) and returns the new topics without changing
    /// the model (pass them to <see cref="UpdateTopics"/> to keep them). Only documents whose topic is -1 move; one
    /// stays -1 when nothing reaches <paramref name="threshold"/>.
    /// </summary>
    /// <param name="documents">The documents.</param>
    /// <param name="topics">Their topics (-1 = outlier).</param>
    /// <param name="strategy">How to choose the topic.</param>
    /// <param name="threshold">Minimum probability (<see cref="OutlierStrategy.Probabilities"/>) or similarity (other strategies). Default 0.</param>
    /// <param name="probabilities">Documents × topics soft memberships, for <see cref="OutlierStrategy.Probabilities"/>.</param>
    /// <param name="embeddings">Embeddings of the documents, for <see cref="OutlierStrategy.Embeddings"/> (null: embed the outliers with the embedding model).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="InvalidOperationException">The model has no outlier topic, or lacks what the strategy needs.</exception>
    /// <exception cref="ArgumentException">Inputs of the wrong length or shape.</exception>
    public int[] ReduceOutliers(IReadOnlyList<string> documents, IReadOnlyList<int> topics, OutlierStrategy strategy = OutlierStrategy.Distributions,
        double threshold = 0, float[,]? probabilities = null, float[,]? embeddings = null, CancellationToken cancellationToken = default)
    {
        RequireFitted();
        ValidateDocuments(documents);
        ArgumentNullException.ThrowIfNull(topics);
        ValidateTopicsPerDocument(topics, documents.Count, nameof(topics));
        if (!HasOutliers) throw new InvalidOperationException("The model has no outlier topic (-1): there are no outliers to reduce.");
        var result = topics.ToArray();
        var outliers = Enumerable.Range(0, topics.Count).Where(i => topics[i] == -1).ToArray();
        if (outliers.Length == 0) return result;
        int firstRow = Array.IndexOf(_topicIds, -1) + 1;

        switch (strategy)
        {
            case OutlierStrategy.Probabilities:
            {
                var p = probabilities ?? throw new ArgumentException("The Probabilities strategy needs the documents × topics probabilities (fit with CalculateProbabilities).", nameof(probabilities));
                if (p.GetLength(0) != documents.Count)
                    throw new ArgumentException($"probabilities has {p.GetLength(0)} rows for {documents.Count} documents.", nameof(probabilities));
                foreach (var i in outliers)
                {
                    int arg = 0;
                    for (int t = 1; t < p.GetLength(1); t++) if (p[i, t] > p[i, arg]) arg = t;
                    if (p.GetLength(1) > 0 && p[i, arg] >= threshold) result[i] = arg;
                }
                return result;
            }
            case OutlierStrategy.Distributions:
            {
                var distr = ApproximateDistribution([.. outliers.Select(i => documents[i])], minSimilarity: threshold, cancellationToken: cancellationToken);
                for (int k = 0; k < outliers.Length; k++) result[outliers[k]] = ArgMaxTopic(distr, k, 0, firstRow);
                return result;
            }
            case OutlierStrategy.CTfidf:
            {
                var cTfidf = _cTfidf ?? throw new InvalidOperationException("The model has no c-TF-IDF matrix; use another strategy.");
                var weights = _ctfidf.Transform(_vectorizer.Transform([.. outliers.Select(i => documents[i])], cancellationToken));
                var similarity = new SparseTopicSimilarity(cTfidf, firstRow);
                var sims = new float[outliers.Length, similarity.Topics];
                Parallel.For(0, outliers.Length, new ParallelOptions { CancellationToken = cancellationToken }, k =>
                {
                    var row = new double[similarity.Topics];
                    similarity.Similarities(weights, k, row);
                    for (int t = 0; t < row.Length; t++) sims[k, t] = (float)row[t];
                });
                for (int k = 0; k < outliers.Length; k++) result[outliers[k]] = ArgMaxTopic(sims, k, threshold, firstRow);
                return result;
            }
            case OutlierStrategy.Embeddings:
            {
                var topicEmb = _topicEmbeddings ?? throw new InvalidOperationException("The model has no topic embeddings; use another strategy.");
                float[,] outlierEmb;
                if (embeddings is not null)
                {
                    ValidateEmbeddings(embeddings, documents.Count);
                    outlierEmb = new float[outliers.Length, embeddings.GetLength(1)];
                    for (int k = 0; k < outliers.Length; k++)
                        for (int j = 0; j < embeddings.GetLength(1); j++) outlierEmb[k, j] = embeddings[outliers[k], j];
                }
                else
                {
                    var model = _embeddingModel ?? throw new InvalidOperationException("The Embeddings strategy needs the documents' embeddings or an embedding model.");
                    outlierEmb = VectorMath.Embed(model, [.. outliers.Select(i => documents[i])], cancellationToken);
                }
                if (outlierEmb.GetLength(1) != topicEmb.GetLength(1))
                    throw new ArgumentException($"The embeddings have {outlierEmb.GetLength(1)} columns but the topic embeddings have {topicEmb.GetLength(1)}.", nameof(embeddings));
                int topicsCount = _topicIds.Length - firstRow;
                var units = Enumerable.Range(firstRow, topicsCount).Select(r => VectorMath.UnitRow(topicEmb, r)).ToArray();
                var sims = new float[outliers.Length, topicsCount];
                Parallel.For(0, outliers.Length, k =>
                {
                    var d = VectorMath.UnitRow(outlierEmb, k);
                    for (int t = 0; t < topicsCount; t++) sims[k, t] = (float)VectorMath.Dot(d, units[t]);
                });
                for (int k = 0; k < outliers.Length; k++) result[outliers[k]] = ArgMaxTopic(sims, k, threshold, firstRow);
                return result;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown outlier strategy.");
        }
    }

    /// <summary>Python's rule: zero similarities below the threshold; the argmax topic when anything is left, else -1.</summary>
    private int ArgMaxTopic(float[,] sims, int row, double threshold, int firstRow)
    {
        int arg = -1;
        float best = 0;
        double sum = 0;
        for (int t = 0; t < sims.GetLength(1); t++)
        {
            float v = sims[row, t] < threshold ? 0 : sims[row, t];
            sum += v;
            if (arg < 0 || v > best) { arg = t; best = v; }
        }
        return sum > 0 ? _topicIds[firstRow + arg] : -1;
    }

    /// <summary>
    /// The topics whose embeddings are most similar to <paramref name="searchTerm"/>'s (Python's <c>find_topics</c>),
    /// best first, the outlier topic included.
    /// </summary>
    /// <exception cref="InvalidOperationException">No embedding model or no topic embeddings.</exception>
    public IReadOnlyList<(int Topic, double Similarity)> FindTopics(string searchTerm, int topN = 5, CancellationToken cancellationToken = default)
    {
        RequireFitted();
        ArgumentNullException.ThrowIfNull(searchTerm);
        ArgumentOutOfRangeException.ThrowIfLessThan(topN, 1);
        var model = _embeddingModel ?? throw new InvalidOperationException("FindTopics embeds the search term: set BERTopicOptions.EmbeddingModel.");
        var topicEmb = _topicEmbeddings ?? throw new InvalidOperationException("The model has no topic embeddings.");
        var query = VectorMath.UnitRow(VectorMath.Embed(model, [searchTerm], cancellationToken), 0);
        var sims = Enumerable.Range(0, _topicIds.Length).Select(r => VectorMath.Dot(query, VectorMath.UnitRow(topicEmb, r))).ToArray();
        var order = Numerics.NumpySort.ArgQuickSort<double>(sims);
        return [.. order.Reverse().Take(topN).Select(r => (_topicIds[r], sims[r]))];
    }

    /// <summary>
    /// One row per training document (Python's <c>get_document_info</c>): its topic with the topic's name, words and
    /// representative documents, its probability, and whether it is itself a representative document.
    /// </summary>
    /// <exception cref="ArgumentException">The documents differ in number from the fitted ones.</exception>
    public IReadOnlyList<DocumentInfo> GetDocumentInfo(IReadOnlyList<string> documents)
    {
        RequireFitted();
        ValidateTrainingDocuments(documents);
        var info = GetTopicInfo().ToDictionary(i => i.Topic);
        var representative = _representativeDocs.Values.SelectMany(d => d).ToHashSet(StringComparer.Ordinal);
        var rows = new DocumentInfo[documents.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            int topic = _documentTopics![i];
            var t = info.TryGetValue(topic, out var ti) ? ti : new TopicInfo(topic, 0, $"{topic}_", null, [], []);
            rows[i] = new DocumentInfo(documents[i], topic, t.Name, t.CustomName, t.Representation, t.RepresentativeDocs,
                string.Join(" - ", _representations.TryGetValue(topic, out var w) ? w.Select(x => x.Word) : []),
                DocumentProbability(i, topic), representative.Contains(documents[i]));
        }
        return rows;
    }

    private float? DocumentProbability(int document, int topic)
    {
        if (_probabilities is null) return null;
        if (_probabilities.PerDocument is { } v) return v[document];
        var m = _probabilities.Matrix!;
        float max = 0, sum = 0;
        for (int t = 0; t < m.GetLength(1); t++) { max = Math.Max(max, m[document, t]); sum += m[document, t]; }
        return topic != -1 ? max : 1 - sum;
    }
}
