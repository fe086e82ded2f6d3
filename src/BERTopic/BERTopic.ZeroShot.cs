using BERTopicNet.Numerics;
using BERTopicNet.Operations;
using BERTopicNet.ZeroShot;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    // Zero-shot state: the labels and their embeddings as fitted, and which topic carries which label
    // (Python's _topic_id_to_zeroshot_topic_idx). _zeroShotColumn is the topic-mapper column the ids refer to.
    private string[]? _zeroShotLabels;
    private float[,]? _zeroShotLabelEmbeddings;
    private Dictionary<int, int> _zeroShotTopics = [];
    private int _zeroShotColumn;

    /// <summary>
    /// The zero-shot label of each topic that carries one (topic id → label from
    /// <see cref="BERTopicOptions.ZeroShotTopicList"/>); empty when the model was not fitted with zero-shot labels or
    /// no document matched one.
    /// </summary>
    public IReadOnlyDictionary<int, string> ZeroShotTopicLabels
    {
        get
        {
            RequireFitted();
            var result = new SortedDictionary<int, string>();
            if (_zeroShotLabels is { } labels)
                foreach (var (topic, index) in _zeroShotTopics) result[topic] = labels[index];
            return result;
        }
    }

    /// <summary>Embeds the zero-shot labels (or seed topics) with the embedding model, resolving the default one if needed.</summary>
    private float[,] EmbedWithModel(IReadOnlyList<string> texts, string what, CancellationToken ct)
    {
        _embeddingModel ??= Options.EmbeddingModel ?? DefaultStages.CreateEmbeddingModel(Options);
        var embedded = _embeddingModel.Embed(texts, null, ct);
        if (embedded is null || embedded.GetLength(0) != texts.Count)
            throw new InvalidOperationException($"The embedding model {_embeddingModel.Name} returned {embedded?.GetLength(0) ?? 0} rows for {texts.Count} {what}.");
        return embedded;
    }

    /// <summary>Python's <c>_zeroshot_topic_modeling</c>: the label index of each document (-1 = to be clustered).</summary>
    private int[] AssignZeroShot(float[,] embeddings, CancellationToken ct)
    {
        var labels = Options.ZeroShotTopicList!;
        Log(BERTopicStages.Clustering, "assigning documents to {Count} zero-shot topics", labels.Count);
        _zeroShotLabels = [.. labels];
        _zeroShotLabelEmbeddings = EmbedWithModel(labels, "zero-shot labels", ct);
        var assigned = ZeroShotAssigner.Assign(embeddings, _zeroShotLabelEmbeddings, Options.ZeroShotMinSimilarity);
        int matched = assigned.Where(a => a >= 0).Distinct().Count();
        if (Options.NrTopics is { IsAuto: false } nr && matched > 0 && nr.Value <= matched)
            throw new ArgumentException(
                $"NrTopics ({nr.Value}) must exceed the number of matched zero-shot topics ({matched}); raise NrTopics or ZeroShotMinSimilarity ({Options.ZeroShotMinSimilarity}).", "options");
        return assigned;
    }

    /// <summary>Records which topics carry which zero-shot label after the zero-shot topics were combined with the clustered ones.</summary>
    private void SetZeroShotTopics(Dictionary<int, int> topicToLabel)
    {
        _zeroShotTopics = topicToLabel;
        _zeroShotColumn = _mapper!.History.Count > 0 ? _mapper.History[0].Count : 0;
    }

    private void ClearZeroShot()
    {
        _zeroShotLabels = null;
        _zeroShotLabelEmbeddings = null;
        _zeroShotTopics = [];
        _zeroShotColumn = 0;
    }

    /// <summary>
    /// Carries the zero-shot labels through topic operations (Python's <c>TopicMapper.add_mappings</c>): a topic that is
    /// a zero-shot topic renumbered keeps its label; a topic merged from several, at least one zero-shot, takes the
    /// best-matching of their labels when its cosine with the new topic embedding reaches
    /// <see cref="BERTopicOptions.ZeroShotMinSimilarity"/>, and no label otherwise. Called once topic embeddings are current.
    /// </summary>
    private void RemapZeroShotTopics()
    {
        if (_zeroShotTopics.Count == 0 || _mapper is null || _mapper.History.Count == 0) return;
        int columns = _mapper.History[0].Count;
        if (columns <= _zeroShotColumn) return;
        var groups = new Dictionary<int, HashSet<int>>();
        foreach (var row in _mapper.History)
        {
            int from = row[_zeroShotColumn - 1], to = row[^1];
            if (to == -1) continue;
            if (!groups.TryGetValue(to, out var set)) groups[to] = set = [];
            set.Add(from);
        }
        var remapped = new Dictionary<int, int>();
        var rowOf = new Dictionary<int, int>();
        for (int i = 0; i < _topicIds.Length; i++) rowOf[_topicIds[i]] = i;
        foreach (var (to, froms) in groups)
        {
            var zeroShot = froms.Where(_zeroShotTopics.ContainsKey).Order().ToArray();
            if (zeroShot.Length == 0) continue;
            if (froms.Count == 1)
            {
                remapped[to] = _zeroShotTopics[zeroShot[0]];
                continue;
            }
            if (_topicEmbeddings is null || _zeroShotLabelEmbeddings is null || !rowOf.TryGetValue(to, out int row)) continue;
            var cosine = new DenseCosine(_topicEmbeddings, 0);
            var sims = new double[cosine.Count];
            int best = -1;
            double bestSim = double.NegativeInfinity;
            foreach (var topic in zeroShot)
            {
                int label = _zeroShotTopics[topic];
                cosine.Similarities(MatrixRows.Row(_zeroShotLabelEmbeddings, label), sims);
                if (sims[row] > bestSim) { bestSim = sims[row]; best = label; }
            }
            if (bestSim >= Options.ZeroShotMinSimilarity) remapped[to] = best;
        }
        _zeroShotTopics = remapped;
        _zeroShotColumn = columns;
    }
}
