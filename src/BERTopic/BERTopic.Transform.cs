using BERTopicNet.Clustering;
using BERTopicNet.Embedding;
using BERTopicNet.Topics;
using BERTopicNet.Umap;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    private TrainingRowIndex? _trainingRows;
    private ulong[]? _documentFingerprints;
    private int _embeddingDimension;
    private bool _fittedOnSparse;

    /// <summary>
    /// Assigns new documents to the fitted topics (Python's <c>transform</c>): embed → UMAP transform → HDBSCAN
    /// approximate_predict (membership vectors when <see cref="BERTopicOptions.CalculateProbabilities"/>) → topic mapping.
    /// Unlike Python, a document whose embedding equals a training document's gets that document's fitted topic and
    /// probability, and no document's answer depends on the other documents of the batch.
    /// Models without a predicting clusterer (manual topic modeling, or a folder saved by Python without UMAP/HDBSCAN)
    /// assign each document to the topic whose embedding is most cosine-similar, as Python does.
    /// </summary>
    /// <param name="documents">The documents; none may be null.</param>
    /// <param name="embeddings">Their embeddings (one row per document), or null to embed them with the model's embedding model.</param>
    /// <param name="progress">Receives stage progress.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="InvalidOperationException">The model is not fitted, or no embedding model is available to embed the documents.</exception>
    /// <exception cref="ArgumentException">Bad documents or embeddings (null entries, row count, NaN, wrong dimension).</exception>
    public TopicModelResult Transform(IReadOnlyList<string> documents, float[,]? embeddings = null,
        IProgress<BERTopicProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireFitted();
        documents = ValidateDocuments(documents);
        if (embeddings is not null) ValidateEmbeddings(embeddings, documents.Count);
        if (_fittedOnSparse && (embeddings is null || embeddings.GetLength(1) != _embeddingDimension)) throw SparseFitNeedsSparseRows(embeddings);
        embeddings ??= EmbedForTransform(documents, progress, cancellationToken);
        CheckDimension(embeddings.GetLength(1));
        var fingerprints = TrainingRowIndex.Fingerprint(embeddings);
        return TransformCore(embeddings, r => r.Transform(embeddings, cancellationToken), fingerprints, progress, cancellationToken);
    }

    /// <summary>Assigns new documents given as sparse embeddings (e.g. rows of the TF-IDF matrix the model was fitted on).</summary>
    /// <inheritdoc cref="Transform(IReadOnlyList{string}, float[,], IProgress{BERTopicProgress}, CancellationToken)"/>
    public TopicModelResult Transform(IReadOnlyList<string> documents, CsrMatrix embeddings,
        IProgress<BERTopicProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireFitted();
        documents = ValidateDocuments(documents);
        ArgumentNullException.ThrowIfNull(embeddings);
        ValidateEmbeddings(embeddings, documents.Count);
        int expected = _embeddingDimension != 0 ? _embeddingDimension : _topicEmbeddings?.GetLength(1) ?? 0;
        if (!_fittedOnSparse && expected != 0 && embeddings.Columns != expected)
            throw new ArgumentException(
                $"The sparse embeddings have {embeddings.Columns} columns but the model was fitted on dense {expected}-dimensional embeddings; " +
                "pass float[,] embeddings from the same embedding model (or none, to embed the documents with it) to Transform(documents, float[,]).", "embeddings");
        CheckDimension(embeddings.Columns);
        var fingerprints = TrainingRowIndex.Fingerprint(embeddings);
        return TransformCore(null, r => r.Transform(embeddings, cancellationToken), fingerprints, progress, cancellationToken);
    }

    /// <summary>Records what Transform needs to recognise training rows; called by Fit with the training embeddings.</summary>
    private void RememberTrainingRows(float[,]? dense, CsrMatrix? sparse)
    {
        _trainingRows = dense is not null ? TrainingRowIndex.Of(dense) : sparse is not null ? TrainingRowIndex.Of(sparse) : null;
        _embeddingDimension = dense?.GetLength(1) ?? sparse?.Columns ?? 0;
        _fittedOnSparse = sparse is not null;
    }

    private ArgumentException SparseFitNeedsSparseRows(float[,]? embeddings) => new(
        (embeddings is null
            ? "No embeddings were given, but the model was fitted on a sparse matrix"
            : $"The embeddings have {embeddings.GetLength(1)} columns, but the model was fitted on a sparse matrix") +
        $" of {_embeddingDimension} columns (e.g. TF-IDF rows), not on an embedding model's vectors. Make the new documents' rows with the " +
        "vectorizer that made the training matrix (fitted on the training documents: e.g. tfidf.Transform(newDocuments)) and call the " +
        "CsrMatrix overload, Transform(documents, CsrMatrix).", "embeddings");

    private float[,] EmbedForTransform(IReadOnlyList<string> documents, IProgress<BERTopicProgress>? progress, CancellationToken ct)
    {
        var model = _embeddingModel ?? Options.EmbeddingModel ?? DefaultStages.CreateEmbeddingModel(Options);
        _embeddingModel = model;
        var embedded = model.Embed(documents, StageProgress(progress, BERTopicStages.Embedding), ct);
        if (embedded.GetLength(0) != documents.Count)
            throw new InvalidOperationException($"The embedding model {model.Name} returned {embedded.GetLength(0)} rows for {documents.Count} documents.");
        return embedded;
    }

    private void CheckDimension(int dimension)
    {
        int expected = _embeddingDimension != 0 ? _embeddingDimension : _topicEmbeddings?.GetLength(1) ?? 0;
        if (expected != 0 && dimension != expected)
            throw new ArgumentException(
                $"The embeddings have {dimension} columns but the model was fitted on {expected}-dimensional embeddings; " +
                "embed the documents with the same model that produced the training embeddings.", "embeddings");
    }

    private TopicModelResult TransformCore(float[,]? dense, Func<Reduction.IDimensionalityReducer, float[,]> reduce, ulong[] fingerprints,
        IProgress<BERTopicProgress>? progress, CancellationToken ct)
    {
        int n = fingerprints.Length;
        int[] topics;
        TopicProbabilities? probabilities;
        if (_reducer is null || _clusterer is null or ManualClusterer || !TryPredict(reduce, progress, ct, out topics, out probabilities))
        {
            if (dense is null)
                throw new NotSupportedException("This model assigns topics by cosine similarity to topic embeddings, which needs dense embeddings.");
            (topics, probabilities) = PredictByTopicEmbeddings(dense);
        }
        ct.ThrowIfCancellationRequested();

        // Training documents keep their fitted topic and probability.
        if (_trainingRows is not null)
        {
            var fitted = _probabilities;
            for (int i = 0; i < n; i++)
            {
                int row = _trainingRows.Find(fingerprints[i]);
                if (row < 0 || row >= _documentTopics!.Length) continue;
                topics[i] = _documentTopics[row];
                CopyFittedProbability(fitted, row, probabilities, i);
            }
        }
        progress?.Report(new BERTopicProgress(BERTopicStages.Clustering, 1));
        return new TopicModelResult(topics, probabilities);
    }

    private bool TryPredict(Func<Reduction.IDimensionalityReducer, float[,]> reduce, IProgress<BERTopicProgress>? progress, CancellationToken ct,
        out int[] topics, out TopicProbabilities? probabilities)
    {
        var reduced = reduce(_reducer!);
        ReplaceNonFinite(reduced);
        ct.ThrowIfCancellationRequested();
        progress?.Report(new BERTopicProgress(BERTopicStages.Reduction, 1));
        ClusterPrediction prediction;
        try { prediction = _clusterer!.Predict(reduced, Options.CalculateProbabilities); }
        catch (NotSupportedException)
        {
            topics = [];
            probabilities = null;
            return false;
        }
        var mapping = _mapper!.GetMappings(original: true);
        topics = Array.ConvertAll(prediction.Labels, l => mapping.TryGetValue(l, out int t) ? t : -1);
        probabilities = MapProbabilities(prediction.Memberships, prediction.Strengths);
        return true;
    }

    /// <summary>Python's path for models without a clusterer: argmax of cosine similarity to the topic embeddings.</summary>
    private (int[] Topics, TopicProbabilities Probabilities) PredictByTopicEmbeddings(float[,] embeddings)
    {
        var topicEmbeddings = _topicEmbeddings ?? throw new InvalidOperationException("The model has no topic embeddings to compare documents with.");
        int n = embeddings.GetLength(0), t = topicEmbeddings.GetLength(0), d = embeddings.GetLength(1);
        var sim = new float[n, t];
        var topicNorms = new double[t];
        for (int k = 0; k < t; k++)
        {
            double s = 0;
            for (int j = 0; j < d; j++) s += (double)topicEmbeddings[k, j] * topicEmbeddings[k, j];
            topicNorms[k] = Math.Sqrt(s);
        }
        var topics = new int[n];
        var best = new float[n];
        Parallel.For(0, n, Parallelism.PerCore(), i =>
        {
            double norm = 0;
            for (int j = 0; j < d; j++) norm += (double)embeddings[i, j] * embeddings[i, j];
            norm = Math.Sqrt(norm);
            int arg = 0;
            for (int k = 0; k < t; k++)
            {
                double dot = 0;
                for (int j = 0; j < d; j++) dot += (double)embeddings[i, j] * topicEmbeddings[k, j];
                double denom = norm * topicNorms[k];
                sim[i, k] = denom > 0 ? (float)(dot / denom) : 0f;
                if (sim[i, k] > sim[i, arg]) arg = k;
            }
            topics[i] = _topicIds[arg];
            best[i] = sim[i, arg];
        });
        return (topics, Options.CalculateProbabilities ? TopicProbabilities.FromMatrix(sim) : TopicProbabilities.FromVector(best));
    }

    private static void CopyFittedProbability(TopicProbabilities? fitted, int row, TopicProbabilities? target, int i)
    {
        if (fitted is null || target is null) return;
        if (fitted.PerDocument is { } fv && target.PerDocument is { } tv) tv[i] = fv[row];
        else if (fitted.Matrix is { } fm && target.Matrix is { } tm && fm.GetLength(1) == tm.GetLength(1))
            for (int k = 0; k < tm.GetLength(1); k++) tm[i, k] = fm[row, k];
    }
}
