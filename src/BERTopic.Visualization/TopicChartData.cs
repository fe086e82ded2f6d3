using BERTopicNet.Umap;

namespace BERTopicNet.Visualization;

/// <summary>
/// The fitted state of a topic model that the charts need, as plain data: topic ids with their sizes, words and
/// labels, and optionally topic embeddings, c-TF-IDF rows and each document's topic. Row <c>i</c> of every
/// per-topic array belongs to <c>TopicIds[i]</c>; the outlier topic <c>-1</c> may be present and is left out of
/// the charts as Python BERTopic does.
/// </summary>
public sealed class TopicChartData
{
    private readonly Dictionary<int, int> _indexOf;
    private readonly float[,]? _topicEmbeddings;
    private readonly CsrMatrix? _cTfIdf;
    private readonly IReadOnlyList<string>? _customLabels;
    private readonly int[]? _documentTopics;

    /// <summary>Creates the chart data.</summary>
    /// <param name="topicIds">Topic ids, distinct; -1 is the outlier topic.</param>
    /// <param name="sizes">Number of documents per topic (same order as <paramref name="topicIds"/>), each ≥ 0.</param>
    /// <param name="words">Representative words per topic, best first (same order).</param>
    /// <exception cref="ArgumentException">The lists differ in length, ids repeat, or a size is negative.</exception>
    public TopicChartData(IReadOnlyList<int> topicIds, IReadOnlyList<int> sizes, IReadOnlyList<IReadOnlyList<TopicWord>> words)
    {
        ArgumentNullException.ThrowIfNull(topicIds);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(words);
        if (topicIds.Count == 0)
            throw new ArgumentException("At least one topic is needed; fit the model before visualizing it.", nameof(topicIds));
        if (sizes.Count != topicIds.Count)
            throw new ArgumentException($"sizes has {sizes.Count} entries but there are {topicIds.Count} topics; give one size per topic id.", nameof(sizes));
        if (words.Count != topicIds.Count)
            throw new ArgumentException($"words has {words.Count} entries but there are {topicIds.Count} topics; give one word list per topic id.", nameof(words));
        _indexOf = new Dictionary<int, int>(topicIds.Count);
        for (int i = 0; i < topicIds.Count; i++)
        {
            if (topicIds[i] < -1)
                throw new ArgumentException($"Topic id {topicIds[i]} is invalid; ids are -1 (outliers) or ≥ 0.", nameof(topicIds));
            if (!_indexOf.TryAdd(topicIds[i], i))
                throw new ArgumentException($"Topic id {topicIds[i]} appears twice; topic ids must be distinct.", nameof(topicIds));
            if (sizes[i] < 0)
                throw new ArgumentException($"Topic {topicIds[i]} has a negative size ({sizes[i]}).", nameof(sizes));
            if (words[i] is null)
                throw new ArgumentException($"Topic {topicIds[i]} has a null word list; use an empty list instead.", nameof(words));
        }
        TopicIds = topicIds.ToArray();
        Sizes = sizes.ToArray();
        // Charts show words: the empty filler entries Python pads short topics with ("", 1e-05) are left out.
        Words = [.. words.Select(list => list.Any(w => w.IsFiller) ? (IReadOnlyList<TopicWord>)[.. list.Where(w => !w.IsFiller)] : list)];
    }

    /// <summary>Topic ids (row order of every per-topic array).</summary>
    public IReadOnlyList<int> TopicIds { get; }

    /// <summary>Documents per topic.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>Representative words per topic with their scores, best first, without filler entries (<see cref="TopicWord.IsFiller"/>).</summary>
    public IReadOnlyList<IReadOnlyList<TopicWord>> Words { get; }

    /// <summary>Number of topics, the outlier topic included when present.</summary>
    public int Count => TopicIds.Count;

    /// <summary>
    /// Optional labels set by the user (Python's <c>custom_labels_</c>), one per topic; the charts use them when
    /// their options ask for custom labels. Default null.
    /// </summary>
    public IReadOnlyList<string>? CustomLabels
    {
        get => _customLabels;
        init
        {
            if (value is not null && value.Count != TopicIds.Count)
                throw new ArgumentException($"CustomLabels has {value.Count} entries but there are {TopicIds.Count} topics.", nameof(CustomLabels));
            _customLabels = value;
        }
    }

    /// <summary>Optional topic embeddings (topics × dimension, e.g. the mean document embedding per topic). Default null.</summary>
    public float[,]? TopicEmbeddings
    {
        get => _topicEmbeddings;
        init
        {
            if (value is not null && value.GetLength(0) != TopicIds.Count)
                throw new ArgumentException($"TopicEmbeddings has {value.GetLength(0)} rows but there are {TopicIds.Count} topics; give one row per topic id.", nameof(TopicEmbeddings));
            if (value is not null && value.GetLength(1) == 0)
                throw new ArgumentException("TopicEmbeddings has no columns.", nameof(TopicEmbeddings));
            _topicEmbeddings = value;
        }
    }

    /// <summary>Optional c-TF-IDF matrix (topics × vocabulary, sparse). Default null.</summary>
    public CsrMatrix? CTfIdf
    {
        get => _cTfIdf;
        init
        {
            if (value is not null && value.Rows != TopicIds.Count)
                throw new ArgumentException($"CTfIdf has {value.Rows} rows but there are {TopicIds.Count} topics; give one row per topic id.", nameof(CTfIdf));
            _cTfIdf = value;
        }
    }

    /// <summary>Optional topic of each training document (Python's <c>topics_</c>); needed by the document map. Default null.</summary>
    public int[]? DocumentTopics
    {
        get => _documentTopics;
        init
        {
            if (value is not null)
                foreach (var t in value)
                    if (!_indexOf.ContainsKey(t))
                        throw new ArgumentException($"DocumentTopics holds topic {t}, which is not among TopicIds.", nameof(DocumentTopics));
            _documentTopics = value;
        }
    }

    /// <summary>Whether the outlier topic -1 is among the topics.</summary>
    public bool HasOutliers => _indexOf.ContainsKey(-1);

    /// <summary>The row of <paramref name="topicId"/>, or -1 when it is not a topic.</summary>
    public int IndexOf(int topicId) => _indexOf.TryGetValue(topicId, out var i) ? i : -1;

    /// <summary>The row of <paramref name="topicId"/>.</summary>
    /// <exception cref="ArgumentException">The topic does not exist.</exception>
    internal int RequireIndex(int topicId, string paramName) =>
        _indexOf.TryGetValue(topicId, out var i)
            ? i
            : throw new ArgumentException($"Topic {topicId} does not exist; valid ids are {DescribeIds()}.", paramName);

    /// <summary>
    /// Python's default topic label: <c>"{id}_{w1}_{w2}..."</c> with <paramref name="wordCount"/> words, or the custom
    /// label when <paramref name="custom"/> is set and custom labels exist.
    /// </summary>
    public string Label(int row, int wordCount = 4, bool custom = false)
    {
        if (custom && _customLabels is not null) return _customLabels[row];
        var words = Words[row];
        var parts = new List<string>(wordCount + 1) { TopicIds[row].ToString(System.Globalization.CultureInfo.InvariantCulture) };
        for (int k = 0; k < Math.Min(wordCount, words.Count); k++) parts.Add(words[k].Word);
        return string.Join('_', parts);
    }

    /// <summary>The first <paramref name="count"/> words of a topic joined by <paramref name="separator"/>.</summary>
    public string JoinWords(int row, int count, string separator) =>
        string.Join(separator, Words[row].Take(count).Select(w => w.Word));

    /// <summary>Topic ids except -1, by decreasing size (ties by id), as Python's <c>get_topic_freq</c> ordering.</summary>
    internal int[] TopicsByFrequency() =>
        Enumerable.Range(0, Count).Where(i => TopicIds[i] != -1)
            .OrderByDescending(i => Sizes[i]).ThenBy(i => TopicIds[i])
            .Select(i => TopicIds[i]).ToArray();

    /// <summary>
    /// The topics a chart shows, as Python selects them: the explicit <paramref name="topics"/> when given
    /// (validated), else the <paramref name="topN"/> most frequent, else all except -1; sorted by id unless
    /// <paramref name="keepFrequencyOrder"/>.
    /// </summary>
    internal int[] SelectTopics(IReadOnlyList<int>? topics, int? topN, bool keepFrequencyOrder = false)
    {
        if (topN is <= 0)
            throw new ArgumentException($"topN must be positive (it was {topN}); use null for all topics.", "topN");
        int[] selected;
        if (topics is not null)
        {
            if (topics.Count == 0)
                throw new ArgumentException("The topic selection is empty; pass null for all topics or at least one topic id.", nameof(topics));
            foreach (var t in topics) RequireIndex(t, nameof(topics));
            selected = topics.Distinct().ToArray();
            if (!keepFrequencyOrder) Array.Sort(selected);
            return selected;
        }
        var byFreq = TopicsByFrequency();
        if (byFreq.Length == 0)
            throw new ArgumentException("The model has only the outlier topic -1; there is nothing to visualize.", nameof(topics));
        selected = topN is int n ? byFreq.Take(n).ToArray() : byFreq;
        if (!keepFrequencyOrder) Array.Sort(selected);
        return selected;
    }

    private string DescribeIds()
    {
        var ids = TopicIds.Order().ToArray();
        return ids.Length <= 12 ? string.Join(", ", ids) : $"{ids[0]} … {ids[^1]} ({ids.Length} topics)";
    }
}
