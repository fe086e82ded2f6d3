using System.Diagnostics;
using System.Text;
using BERTopicNet.Clustering;
using BERTopicNet.Reduction;
using BERTopicNet.Representation;
using BERTopicNet.Topics;
using BERTopicNet.Umap;
using BERTopicNet.Vectorizers;
using Microsoft.Extensions.Logging;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>Fits the model (see <see cref="FitTransform(IReadOnlyList{string}, float[,], int[], IProgress{BERTopicProgress}, CancellationToken)"/>) and returns it.</summary>
    public BERTopic Fit(IReadOnlyList<string> documents, float[,]? embeddings = null, int[]? y = null,
        IProgress<BERTopicProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        FitTransform(documents, embeddings, y, progress, cancellationToken);
        return this;
    }

    /// <summary>Fits the model on sparse embeddings (e.g. a TF-IDF matrix) and returns it.</summary>
    public BERTopic Fit(IReadOnlyList<string> documents, CsrMatrix embeddings, int[]? y = null,
        IProgress<BERTopicProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        FitTransform(documents, embeddings, y, progress, cancellationToken);
        return this;
    }

    /// <summary>
    /// Fits the model: embed (unless <paramref name="embeddings"/> are given) → reduce → cluster → number topics by
    /// size (0 = largest, -1 = outliers) → c-TF-IDF topic words → topic embeddings → optional reduction to
    /// <see cref="BERTopicOptions.NrTopics"/> → representative documents.
    /// </summary>
    /// <param name="documents">The documents; none may be null (empty strings are fine).</param>
    /// <param name="embeddings">Precomputed embeddings, one row per document; null to use the embedding model.</param>
    /// <param name="y">Labels for supervised reduction or manual topic modeling (-1 = unknown); null for none.</param>
    /// <param name="progress">Receives the stage and its fraction done.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The topic of each document and the probabilities (null when the clusterer gives none).</returns>
    /// <exception cref="ArgumentException">Bad input: empty or null documents, embeddings of the wrong shape or with NaN/∞, y of the wrong length.</exception>
    public TopicModelResult FitTransform(IReadOnlyList<string> documents, float[,]? embeddings = null, int[]? y = null,
        IProgress<BERTopicProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        documents = ValidateDocuments(documents);
        if (embeddings is not null) ValidateEmbeddings(embeddings, documents.Count);
        ValidateLabels(y, documents.Count);
        return FitCore(documents, embeddings, null, y, progress, cancellationToken);
    }

    /// <summary>Fits the model on sparse embeddings (e.g. a TF-IDF matrix); the reducer must accept sparse input.</summary>
    /// <inheritdoc cref="FitTransform(IReadOnlyList{string}, float[,], int[], IProgress{BERTopicProgress}, CancellationToken)"/>
    public TopicModelResult FitTransform(IReadOnlyList<string> documents, CsrMatrix embeddings, int[]? y = null,
        IProgress<BERTopicProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        documents = ValidateDocuments(documents);
        ArgumentNullException.ThrowIfNull(embeddings);
        ValidateEmbeddings(embeddings, documents.Count);
        ValidateLabels(y, documents.Count);
        return FitCore(documents, null, embeddings, y, progress, cancellationToken);
    }

    private TopicModelResult FitCore(IReadOnlyList<string> documents, float[,]? dense, CsrMatrix? sparse, int[]? y,
        IProgress<BERTopicProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        _stageDurations.Clear();
        var stage = Stopwatch.StartNew();
        int n = documents.Count;
        bool embeddingsComputed = false;
        if (dense is null && sparse is null)
        {
            Log(BERTopicStages.Embedding, "embedding {Count} documents", n);
            _embeddingModel = Options.EmbeddingModel ?? DefaultStages.CreateEmbeddingModel(Options);
            dense = _embeddingModel.Embed(documents, StageProgress(progress, BERTopicStages.Embedding), ct);
            embeddingsComputed = true;
            if (dense is null || dense.GetLength(0) != n)
                throw new InvalidOperationException($"The embedding model {_embeddingModel.Name} returned {dense?.GetLength(0) ?? 0} rows for {n} documents.");
        }
        ct.ThrowIfCancellationRequested();

        if (_stageDurations.Count == 0 && embeddingsComputed) _stageDurations[BERTopicStages.Embedding] = stage.Elapsed;
        RememberTrainingRows(dense, sparse);
        _documentFingerprints = DocumentFingerprints.Of(documents);
        ClearZeroShot();
        _onlineTopicSums = null;
        if (Options.SeedTopicList is not null || Options.ZeroShotTopicList is not null)
        {
            if (dense is null)
                throw new NotSupportedException("Guided and zero-shot topic modeling compare dense document embeddings with embedded seed topics or labels; pass dense embeddings.");
        }
        if (Options.SeedTopicList is not null) (y, dense) = GuideBySeedTopics(dense!, ct);
        stage.Restart();
        Log(BERTopicStages.Reduction, "reducing embeddings");
        _reducer = Options.UmapModel ?? DefaultStages.CreateReducer(Options);
        if (_reducer is UmapReducer umap) RequireEnoughDocumentsForUmap(n, umap.Model.Options.NComponents);
        var reducerProgress = StageProgress(progress, BERTopicStages.Reduction);
        var reduced = sparse is not null ? _reducer.FitTransform(sparse, y, reducerProgress, ct) : _reducer.FitTransform(dense!, y, reducerProgress, ct);
        if (reduced.GetLength(0) != n)
            throw new InvalidOperationException($"The reducer {_reducer.GetType().Name} returned {reduced.GetLength(0)} rows for {n} documents.");
        if (!ReferenceEquals(reduced, dense)) ReplaceNonFinite(reduced);
        ct.ThrowIfCancellationRequested();
        _stageDurations[BERTopicStages.Reduction] = stage.Elapsed;
        stage.Restart();

        int[]? zeroShot = Options.ZeroShotTopicList is not null ? AssignZeroShot(dense!, ct) : null;
        int[] clustered = zeroShot is null ? [] : [.. Enumerable.Range(0, n).Where(i => zeroShot[i] < 0)];
        bool anyZeroShot = zeroShot is not null && clustered.Length < n;
        Log(BERTopicStages.Clustering, "clustering");
        _clusterer = Options.HdbscanModel ?? DefaultStages.CreateClusterer(Options);
        ClusterAssignment assignment;
        if (!anyZeroShot)
            assignment = _clusterer.Fit(reduced, y, StageProgress(progress, BERTopicStages.Clustering), ct);
        else if (clustered.Length > 0)
        {
            // The documents left by zero-shot assignment are clustered on their reduced embeddings (the reducer saw all).
            var subset = ZeroShot.ZeroShotAssigner.SelectRows(reduced, clustered);
            assignment = _clusterer.Fit(subset, y is null ? null : [.. clustered.Select(i => y[i])], StageProgress(progress, BERTopicStages.Clustering), ct);
        }
        else assignment = new ClusterAssignment([], null);
        int expectedLabels = anyZeroShot ? clustered.Length : n;
        if (assignment.Labels.Length != expectedLabels)
            throw new InvalidOperationException($"The clusterer {_clusterer.GetType().Name} returned {assignment.Labels.Length} labels for {expectedLabels} documents.");
        foreach (var label in assignment.Labels)
            if (label < -1) throw new InvalidOperationException($"The clusterer {_clusterer.GetType().Name} returned label {label}; labels must be >= -1.");
        _stageDurations[BERTopicStages.Clustering] = stage.Elapsed;
        stage.Restart();
        float[,]? soft = null;
        if (Options.CalculateProbabilities && !anyZeroShot)
        {
            Log(BERTopicStages.Probabilities, "computing soft memberships");
            soft = _clusterer.SoftMemberships(ct);
            progress?.Report(new BERTopicProgress(BERTopicStages.Probabilities, 1));
            _stageDurations[BERTopicStages.Probabilities] = stage.Elapsed;
        }
        ct.ThrowIfCancellationRequested();
        stage.Restart();

        int[] topics;
        Dictionary<int, int>? zeroShotTopics = null;
        if (anyZeroShot) (topics, zeroShotTopics) = ZeroShot.ZeroShotAssigner.Combine(zeroShot!, assignment.Labels);
        else topics = (int[])assignment.Labels.Clone();
        _mapper = new TopicMapper(topics);
        _customLabels = null;
        if (zeroShotTopics is not null) SetZeroShotTopics(zeroShotTopics);
        // Zero-shot topics come first in label order, the clustered ones after them (Python numbers them so, unsorted).
        if (Options.NrTopics is null && zeroShotTopics is null) topics = ApplyMapping(topics, SortBySize(topics));
        else SetTopicSizes(topics);

        var embeddingSource = new EmbeddingSource(dense, sparse);
        ExtractTopics(documents, topics, embeddingSource, fineTune: Options.NrTopics is null, mergeMappings: null, progress, ct);
        CheckSeedWordsInVocabulary();
        if (Options.NrTopics is { } nrTopics)
            topics = ReduceTopicsCore(documents, topics, nrTopics, embeddingSource, progress, ct);

        SaveRepresentativeDocs(documents, topics, progress, ct);
        if (anyZeroShot)
        {
            // As Python: probabilities are the cosine similarities with the topic embeddings, and Transform uses them too.
            _clusterer = new ManualClusterer();
            _probabilities = PredictByTopicEmbeddings(dense!).Probabilities;
        }
        else _probabilities = MapProbabilities(soft, assignment.Strengths);
        _stageDurations[BERTopicStages.Representation] = stage.Elapsed;
        Options.Logger?.LogInformation("BERTopic fit: {Topics} topics from {Count} documents in {Seconds:F2} s", _topicIds.Length, n, clock.Elapsed.TotalSeconds);
        return new TopicModelResult((int[])topics.Clone(), _probabilities);
    }

    /// <summary>Dense or sparse document embeddings, or none.</summary>
    private readonly record struct EmbeddingSource(float[,]? Dense, CsrMatrix? Sparse)
    {
        public bool IsAvailable => Dense is not null || Sparse is not null;
    }

    private Dictionary<int, int> SortBySize(int[] topics)
    {
        var mapping = TopicOrdering.SortBySize(topics);
        _mapper!.AddMappings(mapping);
        return mapping;
    }

    private int[] ApplyMapping(int[] topics, IReadOnlyDictionary<int, int> mapping)
    {
        var mapped = new int[topics.Length];
        for (int i = 0; i < topics.Length; i++) mapped[i] = mapping.TryGetValue(topics[i], out int t) ? t : topics[i];
        SetTopicSizes(mapped);
        return mapped;
    }

    private void SetTopicSizes(int[] topics)
    {
        _documentTopics = topics;
        _topicSizes = TopicOrdering.CountInOrderOfAppearance(topics);
    }

    /// <summary>
    /// c-TF-IDF over one concatenated document per topic, topic words (optionally fine-tuned), topic embeddings
    /// (Python's <c>_extract_topics</c>).
    /// </summary>
    private void ExtractTopics(IReadOnlyList<string> documents, int[] topics, EmbeddingSource embeddings, bool fineTune,
        IReadOnlyDictionary<int, (List<int> From, List<int> Sizes)>? mergeMappings, IProgress<BERTopicProgress>? progress, CancellationToken ct)
    {
        Log(BERTopicStages.Representation, "computing c-TF-IDF");
        var previousIds = _topicIds;
        var previousEmbeddings = _topicEmbeddings;
        var topicIds = TopicOrdering.SortedTopics(topics);
        var members = MembersPerTopic(topics, topicIds);
        progress?.Report(new BERTopicProgress(BERTopicStages.Representation, 0.1));
        var clean = TopicTextCleaning.For(Options.IsEnglish);
        var counts = _vectorizer is CountVectorizer counter
            ? counter.FitTransformGroups(documents, members, clean, ct) // counts each document where it lies: no joined copy
            : _vectorizer.FitTransform(CountVectorizer.JoinGroups(documents, members, clean, ct), ct);
        progress?.Report(new BERTopicProgress(BERTopicStages.Representation, 0.6));
        _ctfidf.Fit(counts, null, _seedTopicWords);
        var cTfidf = _ctfidf.Transform(counts);
        _cTfidf = cTfidf;
        _topicIds = topicIds;
        var candidates = TopicWordSelector.Select(cTfidf, _vectorizer.Vocabulary, topicIds, Math.Max(_topNWords, 30));
        IReadOnlyDictionary<int, IReadOnlyList<TopicWord>> words;
        if (_representationModel is { } model && fineTune)
        {
            var context = new RepresentationContext(documents, topics, topicIds, cTfidf, _vectorizer.Vocabulary, candidates,
                _topNWords, _embeddingModel, _vectorizer, _ctfidf,
                (samples, count, token) => RepresentativeDocumentSelector.Select(documents, topics, topicIds, cTfidf, _vectorizer, _ctfidf, samples, count, Options.Seed, token));
            words = model.ExtractTopics(context, ct);
            foreach (var t in topicIds)
                if (!words.ContainsKey(t))
                    throw new InvalidOperationException($"The representation model {model.GetType().Name} returned no words for topic {t}.");
        }
        else
        {
            words = candidates.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<TopicWord>)kv.Value.Take(_topNWords).ToArray());
        }
        _representations = new SortedDictionary<int, IReadOnlyList<TopicWord>>(words.ToDictionary(kv => kv.Key, kv => kv.Value));
        if (embeddings.IsAvailable)
            _topicEmbeddings = TopicEmbeddingCalculator.Mean(embeddings.Dense, embeddings.Sparse, topics, topicIds);
        else if (mergeMappings is not null && previousEmbeddings is not null)
            _topicEmbeddings = TopicEmbeddingCalculator.WeightedMerge(previousEmbeddings, previousIds, mergeMappings, topicIds);
        RemapZeroShotTopics();
        progress?.Report(new BERTopicProgress(BERTopicStages.Representation, 1));
    }

    /// <summary>The documents of each topic (ascending id), in corpus order.</summary>
    private static int[][] MembersPerTopic(int[] topics, int[] topicIds)
    {
        var row = new Dictionary<int, int>(topicIds.Length);
        for (int i = 0; i < topicIds.Length; i++) row[topicIds[i]] = i;
        var members = new List<int>[topicIds.Length];
        for (int i = 0; i < members.Length; i++) members[i] = [];
        for (int i = 0; i < topics.Length; i++) members[row[topics[i]]].Add(i);
        return members.Select(m => m.ToArray()).ToArray();
    }

    /// <summary>Every document through Python BERTopic's character cleaning (<see cref="TopicTextCleaning"/>).</summary>
    internal string[] CleanCharacters(IReadOnlyList<string> documents)
    {
        bool english = Options.IsEnglish;
        var result = new string[documents.Count];
        Parallel.For(0, documents.Count, Parallelism.PerCore(), i => result[i] = TopicTextCleaning.Clean(documents[i], english));
        return result;
    }

    private void SaveRepresentativeDocs(IReadOnlyList<string> documents, int[] topics, IProgress<BERTopicProgress>? progress, CancellationToken ct)
    {
        Log(BERTopicStages.RepresentativeDocuments, "choosing representative documents");
        var selected = RepresentativeDocumentSelector.Select(documents, topics, _topicIds, _cTfidf!, _vectorizer, _ctfidf, 500, 3, Options.Seed, ct);
        _representativeDocs = selected.ToDictionary(kv => kv.Key, kv => kv.Value.Documents);
        progress?.Report(new BERTopicProgress(BERTopicStages.RepresentativeDocuments, 1));
    }

    /// <summary>Python's <c>_map_probabilities</c>: soft memberships summed into the current topics (outlier column dropped).</summary>
    private TopicProbabilities? MapProbabilities(float[,]? soft, float[]? strengths, bool original = true)
    {
        if (soft is null) return strengths is null ? null : TopicProbabilities.FromVector(strengths);
        var mapping = _mapper!.GetMappings(original);
        int columns = mapping.Values.Distinct().Count() - (HasOutliers ? 1 : 0);
        int rows = soft.GetLength(0), k = soft.GetLength(1);
        var mapped = new float[rows, Math.Max(columns, 0)];
        foreach (var (from, to) in mapping)
        {
            if (from == -1 || to == -1 || from >= k || to >= columns) continue;
            for (int i = 0; i < rows; i++) mapped[i, to] += soft[i, from];
        }
        return TopicProbabilities.FromMatrix(mapped);
    }

    private static void ReplaceNonFinite(float[,] values)
    {
        // np.nan_to_num: NaN → 0, ±∞ → ±float.MaxValue.
        int rows = values.GetLength(0), cols = values.GetLength(1);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
            {
                float v = values[i, j];
                if (float.IsNaN(v)) values[i, j] = 0;
                else if (float.IsPositiveInfinity(v)) values[i, j] = float.MaxValue;
                else if (float.IsNegativeInfinity(v)) values[i, j] = float.MinValue;
            }
    }

    private static IProgress<double>? StageProgress(IProgress<BERTopicProgress>? progress, string stage) =>
        progress is null ? null : new StageProgressAdapter(progress, stage);

    private sealed class StageProgressAdapter(IProgress<BERTopicProgress> inner, string stage) : IProgress<double>
    {
        public void Report(double value) => inner.Report(new BERTopicProgress(stage, value));
    }

    private void Log(string stage, string message, params object?[] args)
    {
        if (Options.Logger is { } logger && logger.IsEnabled(LogLevel.Information))
#pragma warning disable CA2254 // the template is a constant per call site
            logger.LogInformation("[" + stage + "] " + message, args);
#pragma warning restore CA2254
    }
}
