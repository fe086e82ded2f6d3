using BERTopicNet.Topics;
using Microsoft.Extensions.Logging;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>
    /// Reduces the fitted topics to <paramref name="nrTopics"/> (Python's <c>reduce_topics</c>): a number — average-linkage
    /// agglomerative clustering of the topic embeddings on 1 − cosine, the outlier topic counting as one — or
    /// <see cref="NrTopics.Auto"/> (HDBSCAN, min cluster size 2, on the normalised topic embeddings; each group takes
    /// its lowest id). Topics are then renumbered by size, c-TF-IDF recomputed and merged topic embeddings are the
    /// size-weighted means. Updates <see cref="DocumentTopics"/> and <see cref="Probabilities"/>.
    /// </summary>
    /// <param name="documents">The training documents, as passed to Fit.</param>
    /// <param name="nrTopics">The number of topics to keep, or auto.</param>
    /// <param name="progress">Receives the stage and its fraction done.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new topic of each document and the mapped probabilities.</returns>
    /// <exception cref="ArgumentException">The documents differ from the fitted ones, or <paramref name="nrTopics"/> exceeds the number of topics.</exception>
    public TopicModelResult ReduceTopics(IReadOnlyList<string> documents, NrTopics nrTopics,
        IProgress<BERTopicProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireFitted();
        documents = ValidateTrainingDocuments(documents);
        int current = _topicSizes.Count;
        if (!nrTopics.IsAuto && nrTopics.Value > current)
            throw new ArgumentException($"nrTopics ({nrTopics.Value}) is larger than the number of topics ({current}, the outlier topic included); choose at most {current}.", nameof(nrTopics));
        var topics = ReduceTopicsCore(documents, _documentTopics!, nrTopics, default, progress, cancellationToken);
        SaveRepresentativeDocs(documents, topics, progress, cancellationToken);
        _probabilities = MapProbabilities(_probabilities?.Matrix, _probabilities?.PerDocument, original: false);
        return new TopicModelResult((int[])topics.Clone(), _probabilities);
    }

    private int[] ReduceTopicsCore(IReadOnlyList<string> documents, int[] topics, NrTopics nrTopics, EmbeddingSource embeddings,
        IProgress<BERTopicProgress>? progress, CancellationToken ct)
    {
        Log(BERTopicStages.TopicReduction, "reducing {Count} topics to {Target}", _topicIds.Length, nrTopics);
        int initial = _topicSizes.Count;
        if (_topicEmbeddings is null)
            throw new InvalidOperationException("Topic reduction needs topic embeddings, and this model has none.");
        Dictionary<int, int> merge;
        if (nrTopics.IsAuto) merge = AutoMerge(topics);
        else if (nrTopics.Value < initial) merge = AgglomerativeMerge(nrTopics.Value);
        else
        {
            // Nothing to merge: number the topics by size (Python leaves them as clustered here).
            Options.Logger?.LogInformation("Topic reduction: {Target} >= {Count} topics, nothing merged", nrTopics.Value, initial);
            merge = _topicIds.ToDictionary(t => t, t => t);
        }
        ct.ThrowIfCancellationRequested();

        var renumbered = ApplyMerge(documents, topics, merge, progress, ct);
        progress?.Report(new BERTopicProgress(BERTopicStages.TopicReduction, 1));
        return renumbered;
    }

    /// <summary>
    /// Merges topics through <paramref name="merge"/> (old topic → new label; absent = unchanged), numbers the result by
    /// size, recomputes c-TF-IDF and words, and averages the topic embeddings weighted by size.
    /// </summary>
    private int[] ApplyMerge(IReadOnlyList<string> documents, int[] topics, Dictionary<int, int> merge,
        IProgress<BERTopicProgress>? progress, CancellationToken ct)
    {
        var sizes = _topicSizes.ToDictionary(s => s.Topic, s => s.Count);
        var groups = new SortedDictionary<int, (List<int> From, List<int> Sizes)>();
        foreach (var from in _topicIds)
        {
            int to = merge.TryGetValue(from, out int m) ? m : from;
            if (!groups.TryGetValue(to, out var g)) groups[to] = g = ([], []);
            g.From.Add(from);
            g.Sizes.Add(sizes[from]);
        }
        var fullMerge = _topicIds.ToDictionary(t => t, t => merge.TryGetValue(t, out int m) ? m : t);
        var merged = new int[topics.Length];
        for (int i = 0; i < topics.Length; i++) merged[i] = fullMerge[topics[i]];
        _mapper!.AddMappings(fullMerge);
        SetTopicSizes(merged);
        var sort = SortBySize(merged);
        var renumbered = ApplyMapping(merged, sort);
        var finalGroups = groups.ToDictionary(kv => sort.TryGetValue(kv.Key, out int f) ? f : kv.Key, kv => kv.Value);
        _customLabels = null;
        ExtractTopics(documents, renumbered, default, fineTune: true, finalGroups, progress, ct);
        return renumbered;
    }

    /// <summary>Old topic → group label (any id; renumbered by size afterwards); -1 stays -1.</summary>
    private Dictionary<int, int> AgglomerativeMerge(int nrTopics)
    {
        int outliers = HasOutliers ? 1 : 0;
        int firstRow = Array.IndexOf(_topicIds, -1) + 1; // rows of real topics start after -1
        int t = _topicIds.Length - firstRow;
        var dist = CosineDistances(_topicEmbeddings!, firstRow, t);
        var labels = AverageLinkage.Cluster(dist, Math.Max(1, nrTopics - outliers));
        var merge = new Dictionary<int, int> { [-1] = -1 };
        for (int i = 0; i < t; i++) merge[_topicIds[firstRow + i]] = labels[i];
        return merge;
    }

    /// <summary>Python's <c>_auto_reduce_topics</c>: HDBSCAN groups of normalised topic embeddings, each mapped to its lowest id.</summary>
    private Dictionary<int, int> AutoMerge(int[] topics)
    {
        int firstRow = Array.IndexOf(_topicIds, -1) + 1;
        int t = _topicIds.Length - firstRow, dim = _topicEmbeddings!.GetLength(1);
        var points = new float[t, dim];
        for (int i = 0; i < t; i++)
        {
            double norm = 0;
            for (int j = 0; j < dim; j++) norm += (double)_topicEmbeddings[firstRow + i, j] * _topicEmbeddings[firstRow + i, j];
            norm = Math.Sqrt(norm);
            for (int j = 0; j < dim; j++) points[i, j] = norm > 0 ? (float)(_topicEmbeddings[firstRow + i, j] / norm) : 0f;
        }
        var clusterer = DefaultStages.CreateAutoReductionClusterer(Options);
        var labels = clusterer.Fit(points).Labels;
        var lowest = new Dictionary<int, int>();
        for (int i = 0; i < t; i++)
            if (labels[i] != -1)
                lowest[labels[i]] = lowest.TryGetValue(labels[i], out int low) ? Math.Min(low, _topicIds[firstRow + i]) : _topicIds[firstRow + i];
        var merge = new Dictionary<int, int> { [-1] = -1 };
        for (int i = 0; i < t; i++)
            merge[_topicIds[firstRow + i]] = labels[i] == -1 ? _topicIds[firstRow + i] : lowest[labels[i]];
        return merge;
    }

    /// <summary>1 − cosine similarity between rows [first, first + count) of <paramref name="embeddings"/>, zero diagonal.</summary>
    private static double[,] CosineDistances(float[,] embeddings, int first, int count)
    {
        int dim = embeddings.GetLength(1);
        var unit = new double[count, dim];
        for (int i = 0; i < count; i++)
        {
            double norm = 0;
            for (int j = 0; j < dim; j++) norm += (double)embeddings[first + i, j] * embeddings[first + i, j];
            norm = Math.Sqrt(norm);
            if (norm == 0) norm = 1;
            for (int j = 0; j < dim; j++) unit[i, j] = embeddings[first + i, j] / norm;
        }
        var dist = new double[count, count];
        for (int i = 0; i < count; i++)
            for (int k = i + 1; k < count; k++)
            {
                double dot = 0;
                for (int j = 0; j < dim; j++) dot += unit[i, j] * unit[k, j];
                dist[i, k] = dist[k, i] = 1 - dot;
            }
        return dist;
    }

    private IReadOnlyList<string> ValidateTrainingDocuments(IReadOnlyList<string> documents)
    {
        documents = ValidateDocuments(documents);
        if (documents.Count != _documentTopics!.Length)
            throw new ArgumentException($"{documents.Count} documents were given but the model was fitted on {_documentTopics.Length}; pass the documents used in Fit, in the same order.", nameof(documents));
        // Python goes on with any documents of the right count and silently computes topic words from them; the
        // fit remembers each document's fingerprint, so here other documents (or the same ones reordered) are an error.
        if (_documentFingerprints is { } fingerprints && fingerprints.Length == documents.Count)
        {
            var (first, count) = DocumentFingerprints.Differences(fingerprints, documents);
            if (count > 0)
                throw new ArgumentException(
                    $"{count} of the {documents.Count} documents differ from the ones the model was fitted on (document {string.Join(", ", first)}{(count > first.Count ? ", ..." : "")}); " +
                    "pass the documents used in Fit, unchanged and in the same order (a model loaded from a folder saved before this check, or fitted by Python, is not checked).",
                    nameof(documents));
        }
        return documents;
    }
}
