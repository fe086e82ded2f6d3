using BERTopicNet.Clustering;
using BERTopicNet.Embedding;
using BERTopicNet.Numerics;
using BERTopicNet.Operations;
using BERTopicNet.Reduction;
using BERTopicNet.Topics;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>
    /// Merges fitted models into one (Python BERTopic 0.17.4's <c>merge_models</c>). The first model's topics are
    /// kept; each later model's topic is added as a new topic (next free id) when its topic embedding's best cosine
    /// similarity with the topics merged so far is below <paramref name="minSimilarity"/>, and otherwise maps to that
    /// most similar topic. Every model's documents are kept, in order, with their merged topic.
    /// </summary>
    /// <remarks>
    /// Like Python's, the merged model has no c-TF-IDF; its Transform assigns documents by cosine similarity with the
    /// topic embeddings, and documents that trained one of the models keep their merged topic. Unlike Python 0.17.4:
    /// merging a merged model again merges (Python issue #2257 replaced it), a model that brings the first outliers
    /// brings its outlier topic's embedding and words (so Transform stays aligned), new topics bring their
    /// representative documents, and zero-shot labels are kept.
    /// </remarks>
    /// <param name="models">Two or more fitted models with topic embeddings of the same dimension.</param>
    /// <param name="minSimilarity">The similarity at which a topic counts as already present. Default 0.7.</param>
    /// <param name="embeddingModel">The embedding model of the merged model; null: the first model's.</param>
    /// <exception cref="ArgumentException">Fewer than two models, an unfitted model, one without topic embeddings, different embedding dimensions, or a similarity outside [-1, 1].</exception>
    public static BERTopic MergeModels(IReadOnlyList<BERTopic> models, double minSimilarity = 0.7, IEmbeddingModel? embeddingModel = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count < 2) throw new ArgumentException($"MergeModels needs at least two models (got {models.Count}).", nameof(models));
        if (!(minSimilarity >= -1 && minSimilarity <= 1))
            throw new ArgumentException($"minSimilarity must be a cosine similarity in [-1, 1], not {minSimilarity}.", nameof(minSimilarity));
        int dim = -1;
        for (int i = 0; i < models.Count; i++)
        {
            var m = models[i] ?? throw new ArgumentException($"Model {i} is null.", nameof(models));
            if (!m.IsFitted) throw new ArgumentException($"Model {i} is not fitted; fit or load it before merging.", nameof(models));
            if (m._topicEmbeddings is not { } e)
                throw new ArgumentException($"Model {i} has no topic embeddings; merging compares topics by their embeddings.", nameof(models));
            if (dim >= 0 && e.GetLength(1) != dim)
                throw new ArgumentException($"Model {i} has {e.GetLength(1)}-dimensional topic embeddings but model 0 has {dim}; merge only models built on the same embedding model.", nameof(models));
            dim = e.GetLength(1);
        }

        var first = models[0];
        var merged = new BERTopic(new BERTopicOptions
        {
            Language = first.Options.Language,
            TopNWords = first._topNWords,
            NGramRange = first.Options.NGramRange,
            MinTopicSize = first.Options.MinTopicSize,
            CalculateProbabilities = first.Options.CalculateProbabilities,
            Seed = first.Options.Seed,
            EmbeddingModel = embeddingModel ?? first._embeddingModel,
            UmapModel = new NoDimensionalityReduction(),
            HdbscanModel = new ManualClusterer(),
        });

        var docTopics = new List<int>(first._documentTopics!);
        var ids = new List<int>(first._topicIds);
        var rows = new List<float[]>(Enumerable.Range(0, ids.Count).Select(r => RowOf(first._topicEmbeddings!, r)));
        var representations = new SortedDictionary<int, IReadOnlyList<TopicWord>>(first._representations);
        var representativeDocs = new Dictionary<int, IReadOnlyList<string>>(first._representativeDocs);
        var zeroShotNames = new List<string>();
        var zeroShot = new Dictionary<int, int>();
        void AddZeroShot(BERTopic m, int from, int to)
        {
            if (m._zeroShotLabels is null || !m._zeroShotTopics.TryGetValue(from, out int label) || zeroShot.ContainsKey(to)) return;
            int index = zeroShotNames.IndexOf(m._zeroShotLabels[label]);
            if (index < 0) { index = zeroShotNames.Count; zeroShotNames.Add(m._zeroShotLabels[label]); }
            zeroShot[to] = index;
        }
        foreach (var t in first._topicIds) AddZeroShot(first, t, t);
        var fingerprints = models.All(m => m._trainingRows is not null) ? new List<ulong>(first._trainingRows!.Fingerprints) : null;

        foreach (var model in models.Skip(1))
        {
            var current = ToMatrix(rows, dim);
            var cosine = new DenseCosine(current, 0);
            var sims = new double[cosine.Count];
            var mapTo = new Dictionary<int, int> { [-1] = -1 };
            var addedTopics = new List<(int From, int Row)>();
            int maxTopic = docTopics.Count == 0 ? -1 : docTopics.Max();
            for (int r = 0; r < model._topicIds.Length; r++)
            {
                int topic = model._topicIds[r];
                cosine.Similarities(MatrixRows.Row(model._topicEmbeddings!, r), sims);
                int best = 0;
                for (int k = 1; k < sims.Length; k++) if (sims[k] > sims[best]) best = k;
                if (topic == -1) continue;
                if (sims[best] >= minSimilarity) mapTo[topic] = ids[best];
                else addedTopics.Add((topic, r));
            }
            foreach (var (topic, r) in addedTopics)
            {
                int id = ++maxTopic;
                mapTo[topic] = id;
                ids.Add(id);
                rows.Add(RowOf(model._topicEmbeddings!, r));
                if (model._representations.TryGetValue(topic, out var words)) representations[id] = words;
                if (model._representativeDocs.TryGetValue(topic, out var docs)) representativeDocs[id] = docs;
                AddZeroShot(model, topic, id);
            }
            // The first outliers: bring the outlier topic along so that the embedding rows stay aligned with the ids.
            int outlierRow = Array.IndexOf(model._topicIds, -1);
            if (outlierRow >= 0 && !ids.Contains(-1))
            {
                ids.Insert(0, -1);
                rows.Insert(0, RowOf(model._topicEmbeddings!, outlierRow));
                if (model._representations.TryGetValue(-1, out var words)) representations[-1] = words;
            }
            foreach (var t in model._documentTopics!) docTopics.Add(mapTo.TryGetValue(t, out int to) ? to : -1);
            if (fingerprints is not null) fingerprints.AddRange(model._trainingRows!.Fingerprints);
        }

        var topics = docTopics.ToArray();
        merged._documentTopics = topics;
        merged._topicSizes = TopicOrdering.CountInOrderOfAppearance(topics);
        var present = merged._topicSizes.Select(s => s.Topic).ToHashSet();
        var keep = Enumerable.Range(0, ids.Count).Where(r => present.Contains(ids[r])).ToArray();
        merged._topicIds = [.. keep.Select(r => ids[r])];
        merged._topicEmbeddings = ToMatrix([.. keep.Select(r => rows[r])], dim);
        merged._representations = new SortedDictionary<int, IReadOnlyList<TopicWord>>(
            representations.Where(kv => present.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value));
        merged._representativeDocs = representativeDocs.Where(kv => present.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        merged._mapper = new TopicMapper(Enumerable.Range(-1, merged._topicIds.Max() + 2));
        merged._reducer = new NoDimensionalityReduction();
        merged._clusterer = new ManualClusterer();
        merged._embeddingDimension = dim;
        merged._trainingRows = fingerprints is null ? null : new TrainingRowIndex([.. fingerprints]);
        if (zeroShot.Count > 0)
        {
            merged._zeroShotLabels = [.. zeroShotNames];
            merged._zeroShotTopics = zeroShot.Where(kv => present.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
            merged._zeroShotColumn = 2;
        }
        return merged;
    }

    private static float[] RowOf(float[,] m, int r)
    {
        var row = new float[m.GetLength(1)];
        for (int j = 0; j < row.Length; j++) row[j] = m[r, j];
        return row;
    }

    private static float[,] ToMatrix(IReadOnlyList<float[]> rows, int dim)
    {
        var m = new float[rows.Count, dim];
        for (int r = 0; r < rows.Count; r++)
            for (int j = 0; j < dim; j++) m[r, j] = rows[r][j];
        return m;
    }
}
