using BERTopicNet.Online;
using BERTopicNet.Reduction;
using BERTopicNet.Topics;
using BERTopicNet.Vectorizers;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    // Online state: per topic, the sum of its documents' embeddings and their number (topic embedding = mean).
    private Dictionary<int, (double[] Sum, long Count)>? _onlineTopicSums;

    /// <summary>True when the model was built by <see cref="PartialFit"/> and can take another batch.</summary>
    public bool IsOnline => _onlineTopicSums is not null;

    /// <summary>
    /// Online topic modeling (Python BERTopic 0.17.4's <c>partial_fit</c>): learns from one more batch of documents.
    /// The reducer and clusterer are updated with the batch (their <c>PartialFit</c>), the batch's clusters are mapped
    /// to topic ids (clusters seen before keep their topic, new ones get the next ids), and the vectorizer's kept bag of
    /// words — one row per topic over all batches, decayed as configured — is re-weighted with c-TF-IDF, so every topic
    /// keeps its words when a batch has none of its documents. <see cref="DocumentTopics"/> and
    /// <see cref="TopicSizes"/> cover every document of every batch (Python's <c>topics_</c> holds only the last batch);
    /// topic embeddings are the running mean of their documents' embeddings.
    /// </summary>
    /// <param name="documents">The batch; none may be null.</param>
    /// <param name="embeddings">Their embeddings (dense), or null to embed them with the embedding model.</param>
    /// <param name="y">Ignored by the online stages except through guided modeling; validated as in Fit.</param>
    /// <param name="progress">Receives stage progress.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>This model.</returns>
    /// <exception cref="ArgumentException">A stage cannot learn online (the clusterer must be an <see cref="IOnlineClusterer"/>, the
    /// reducer an <see cref="IOnlineDimensionalityReducer"/> or <see cref="NoDimensionalityReduction"/>, the vectorizer an
    /// <see cref="IOnlineVectorizer"/> or left null), or bad documents/embeddings.</exception>
    /// <exception cref="InvalidOperationException">The model was fitted with Fit or loaded, not built by PartialFit.</exception>
    public BERTopic PartialFit(IReadOnlyList<string> documents, float[,]? embeddings = null, int[]? y = null,
        IProgress<BERTopicProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        documents = ValidateDocuments(documents);
        if (embeddings is not null) ValidateEmbeddings(embeddings, documents.Count);
        ValidateLabels(y, documents.Count);
        if (IsFitted && !IsOnline)
            throw new InvalidOperationException("This model was fitted with Fit/FitTransform or loaded from a folder; PartialFit continues only a model built by PartialFit. Create a new model for online learning.");
        var clusterer = Options.HdbscanModel as IOnlineClusterer ?? throw new ArgumentException(
            $"PartialFit needs a clusterer that learns online (an IOnlineClusterer such as MiniBatchKMeansClusterer); {(Options.HdbscanModel is null ? "the default HDBSCAN" : Options.HdbscanModel.GetType().Name)} cannot. Set BERTopicOptions.HdbscanModel.", "options");
        var reducer = Options.UmapModel is IOnlineDimensionalityReducer or NoDimensionalityReduction ? Options.UmapModel : throw new ArgumentException(
            $"PartialFit needs a reducer that learns online (an IOnlineDimensionalityReducer such as IncrementalPcaReducer) or NoDimensionalityReduction; {(Options.UmapModel is null ? "the default UMAP" : Options.UmapModel.GetType().Name)} cannot. Set BERTopicOptions.UmapModel.", "options");
        if (!IsOnline)
        {
            if (_vectorizer is not IOnlineVectorizer)
            {
                if (Options.VectorizerModel is not null)
                    throw new ArgumentException($"PartialFit needs a vectorizer that learns online (an IOnlineVectorizer such as OnlineCountVectorizer); {Options.VectorizerModel.GetType().Name} cannot. Set BERTopicOptions.VectorizerModel or leave it null.", "options");
                _vectorizer = new OnlineCountVectorizer(new OnlineCountVectorizerOptions { Count = new CountVectorizerOptions { NGramRange = Options.NGramRange } });
            }
        }
        var vectorizer = (IOnlineVectorizer)_vectorizer;

        int n = documents.Count;
        if (embeddings is null)
        {
            _embeddingModel ??= Options.EmbeddingModel ?? DefaultStages.CreateEmbeddingModel(Options);
            embeddings = _embeddingModel.Embed(documents, StageProgress(progress, BERTopicStages.Embedding), cancellationToken);
            if (embeddings.GetLength(0) != n)
                throw new InvalidOperationException($"The embedding model {_embeddingModel.Name} returned {embeddings.GetLength(0)} rows for {n} documents.");
        }
        if (IsOnline && _embeddingDimension != 0 && embeddings.GetLength(1) != _embeddingDimension)
            throw new ArgumentException($"The embeddings have {embeddings.GetLength(1)} columns but earlier batches had {_embeddingDimension}.", nameof(embeddings));
        var batchFingerprints = TrainingRowIndex.Fingerprint(embeddings);
        if (Options.SeedTopicList is not null) (_, embeddings) = GuideBySeedTopics(embeddings, cancellationToken);

        float[,] reduced;
        if (reducer is IOnlineDimensionalityReducer online)
        {
            online.PartialFit(embeddings, cancellationToken);
            reduced = online.Transform(embeddings, cancellationToken);
        }
        else reduced = embeddings;
        progress?.Report(new BERTopicProgress(BERTopicStages.Reduction, 1));
        var labels = clusterer.PartialFit(reduced, cancellationToken);
        if (labels.Length != n)
            throw new InvalidOperationException($"The clusterer {clusterer.GetType().Name} returned {labels.Length} labels for {n} documents.");
        progress?.Report(new BERTopicProgress(BERTopicStages.Clustering, 1));

        // Map the batch's clusters to topics: known clusters keep theirs, new ones get the next ids.
        _mapper ??= new TopicMapper(labels);
        var mappings = _mapper.GetMappings(original: true);
        int next = mappings.Count == 0 ? 0 : mappings.Values.Max() + 1;
        var fresh = labels.Distinct().Where(l => !mappings.ContainsKey(l)).Order().ToDictionary(l => l, _ => next++);
        if (fresh.Count > 0) _mapper.AddNewTopics(fresh);
        mappings = _mapper.GetMappings(original: true);
        var topics = Array.ConvertAll(labels, l => mappings[l]);

        // One text per topic, every topic seen so far included (a topic absent from the batch gets " ").
        var known = _representations.Keys.ToHashSet();
        var topicIds = topics.Concat(known).Distinct().Order().ToArray();
        var cleaned = CleanCharacters(documents);
        var joined = topicIds.Select(t =>
        {
            var members = Enumerable.Range(0, n).Where(i => topics[i] == t).Select(i => cleaned[i]).ToList();
            if (members.Count == 0) return " ";
            var text = string.Join(' ', members);
            return text.Length == 0 ? "emptydoc" : text;
        }).ToArray();
        vectorizer.PartialFit(joined, cancellationToken);
        var bag = vectorizer.UpdateBagOfWords(joined, cancellationToken);
        if (bag.Rows != topicIds.Length)
            throw new InvalidOperationException($"The vectorizer kept {bag.Rows} topic rows for {topicIds.Length} topics; topic ids must only grow across batches.");
        _ctfidf.Fit(bag, vectorizer.Vocabulary, _seedTopicWords);
        var cTfidf = _ctfidf.Transform(bag);
        _cTfidf = cTfidf;
        _topicIds = topicIds;
        var candidates = TopicWordSelector.Select(cTfidf, vectorizer.Vocabulary, topicIds, Math.Max(_topNWords, 30));
        _representations = new SortedDictionary<int, IReadOnlyList<TopicWord>>(
            candidates.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<TopicWord>)kv.Value.Take(_topNWords).ToArray()));

        // Topic embeddings: running means of the (guided) document embeddings.
        _onlineTopicSums ??= [];
        int d = embeddings.GetLength(1);
        for (int i = 0; i < n; i++)
        {
            if (!_onlineTopicSums.TryGetValue(topics[i], out var acc)) acc = (new double[d], 0);
            for (int j = 0; j < d; j++) acc.Sum[j] += embeddings[i, j];
            _onlineTopicSums[topics[i]] = (acc.Sum, acc.Count + 1);
        }
        var topicEmbeddings = new float[topicIds.Length, d];
        for (int r = 0; r < topicIds.Length; r++)
            if (_onlineTopicSums.TryGetValue(topicIds[r], out var acc))
                for (int j = 0; j < d; j++) topicEmbeddings[r, j] = (float)(acc.Sum[j] / acc.Count);
        _topicEmbeddings = topicEmbeddings;

        var all = (_documentTopics ?? []).Concat(topics).ToArray();
        SetTopicSizes(all);
        _trainingRows = new TrainingRowIndex([.. (_trainingRows?.Fingerprints ?? []), .. batchFingerprints]);
        _documentFingerprints = [.. (_documentFingerprints ?? []), .. DocumentFingerprints.Of(documents)];
        _embeddingDimension = d;
        _probabilities = null;
        _reducer = reducer;
        _clusterer = clusterer;
        progress?.Report(new BERTopicProgress(BERTopicStages.Representation, 1));
        return this;
    }
}
