using BERTopicNet.Clustering;
using BERTopicNet.Umap;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>
    /// Assigns topics to new documents (Python's <c>transform</c>): embed (unless <paramref name="embeddings"/> are
    /// given) → reduce with the fitted reducer → the fitted clusterer's prediction (membership vectors when
    /// <see cref="BERTopicOptions.CalculateProbabilities"/>) → current topic ids. With <see cref="ManualClusterer"/>
    /// (no predictions), each document takes the topic whose embedding is most cosine-similar, as Python does for
    /// <c>BaseCluster</c>. Each document's result depends only on that document.
    /// </summary>
    /// <param name="documents">The documents; none may be null.</param>
    /// <param name="embeddings">Their embeddings, one row per document; null to use the embedding model.</param>
    /// <param name="progress">Receives the stage and its fraction done.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ArgumentException">Bad input (see <see cref="FitTransform(IReadOnlyList{string}, float[,], int[], IProgress{BERTopicProgress}, CancellationToken)"/>).</exception>
    /// <exception cref="InvalidOperationException">Not fitted, or no embeddings and no embedding model.</exception>
    public TopicModelResult Transform(IReadOnlyList<string> documents, float[,]? embeddings = null,
        IProgress<BERTopicProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireFitted();
        ValidateDocuments(documents);
        if (embeddings is not null) ValidateEmbeddings(embeddings, documents.Count);
        else
        {
            var model = _embeddingModel ?? throw new InvalidOperationException(
                "No embedding model is available to embed the documents: pass their embeddings, or set BERTopicOptions.EmbeddingModel.");
            embeddings = model.Embed(documents, StageProgress(progress, BERTopicStages.Embedding), cancellationToken);
            if (embeddings.GetLength(0) != documents.Count)
                throw new InvalidOperationException($"The embedding model {model.Name} returned {embeddings.GetLength(0)} rows for {documents.Count} documents.");
        }
        return TransformCore(embeddings, null, progress, cancellationToken);
    }

    /// <summary>Assigns topics to new documents given sparse embeddings (e.g. TF-IDF rows, as used at fit).</summary>
    /// <inheritdoc cref="Transform(IReadOnlyList{string}, float[,], IProgress{BERTopicProgress}, CancellationToken)"/>
    public TopicModelResult Transform(IReadOnlyList<string> documents, CsrMatrix embeddings,
        IProgress<BERTopicProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireFitted();
        ValidateDocuments(documents);
        ArgumentNullException.ThrowIfNull(embeddings);
        ValidateEmbeddings(embeddings, documents.Count);
        return TransformCore(null, embeddings, progress, cancellationToken);
    }

    private TopicModelResult TransformCore(float[,]? dense, CsrMatrix? sparse, IProgress<BERTopicProgress>? progress, CancellationToken ct)
    {
        int n = dense?.GetLength(0) ?? sparse!.Rows;
        if (_clusterer is null or ManualClusterer)
            return NearestTopicEmbedding(dense ?? sparse!.ToDense());

        var reducer = _reducer ?? throw new InvalidOperationException("The model has no fitted reducer.");
        var reduced = sparse is not null ? reducer.Transform(sparse, ct) : reducer.Transform(dense!, ct);
        if (!ReferenceEquals(reduced, dense)) ReplaceNonFinite(reduced);
        progress?.Report(new BERTopicProgress(BERTopicStages.Reduction, 1));
        ct.ThrowIfCancellationRequested();
        var prediction = _clusterer.Predict(reduced, Options.CalculateProbabilities);
        if (prediction.Labels.Length != n)
            throw new InvalidOperationException($"The clusterer {_clusterer.GetType().Name} predicted {prediction.Labels.Length} labels for {n} documents.");
        progress?.Report(new BERTopicProgress(BERTopicStages.Clustering, 1));
        var mapping = _mapper!.GetMappings(original: true);
        var topics = Array.ConvertAll(prediction.Labels, l => mapping.TryGetValue(l, out int t) ? t : -1);
        var probabilities = MapProbabilities(Options.CalculateProbabilities ? prediction.Memberships : null, prediction.Strengths);
        return new TopicModelResult(topics, probabilities);
    }

    /// <summary>Python's BaseCluster transform: the most cosine-similar topic embedding (outlier row included).</summary>
    private TopicModelResult NearestTopicEmbedding(float[,] embeddings)
    {
        var topicEmb = _topicEmbeddings ?? throw new InvalidOperationException("The model has no topic embeddings to compare documents with.");
        if (topicEmb.GetLength(1) != embeddings.GetLength(1))
            throw new ArgumentException($"The embeddings have {embeddings.GetLength(1)} columns but the topic embeddings have {topicEmb.GetLength(1)}; use the same embedding model as at fit.", nameof(embeddings));
        int n = embeddings.GetLength(0), t = _topicIds.Length;
        var units = Enumerable.Range(0, t).Select(r => Representation.VectorMath.UnitRow(topicEmb, r)).ToArray();
        var sims = new float[n, t];
        var topics = new int[n];
        var best = new float[n];
        Parallel.For(0, n, i =>
        {
            var d = Representation.VectorMath.UnitRow(embeddings, i);
            int arg = 0;
            for (int r = 0; r < t; r++)
            {
                sims[i, r] = (float)Representation.VectorMath.Dot(d, units[r]);
                if (sims[i, r] > sims[i, arg]) arg = r;
            }
            topics[i] = _topicIds[arg];
            best[i] = sims[i, arg];
        });
        return new TopicModelResult(topics, Options.CalculateProbabilities ? TopicProbabilities.FromMatrix(sims) : TopicProbabilities.FromVector(best));
    }
}
