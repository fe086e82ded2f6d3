using BERTopicNet.Clustering;
using BERTopicNet.Embedding;
using BERTopicNet.Reduction;
using BERTopicNet.Representation;
using BERTopicNet.Topics;
using BERTopicNet.Vectorizers;

namespace BERTopicNet;

/// <summary>
/// Topic modeling with document embeddings, dimensionality reduction, clustering and class-based TF-IDF: a port of
/// Python BERTopic 0.17.4. <c>var model = new BERTopic(); var (topics, probs) = model.FitTransform(docs);</c>
/// </summary>
/// <remarks>
/// A model is fitted once and then queried; instances are not safe for concurrent mutation (fitting, reducing or
/// relabelling topics) but queries of a fitted model may run concurrently.
/// </remarks>
public sealed partial class BERTopic
{
    private IVectorizer _vectorizer;
    private ClassTfidfTransformer _ctfidf;
    private int _topNWords;
    private IRepresentationModel? _representationModel;

    // Fitted state (Python attribute in brackets).
    private int[]? _documentTopics;                                   // topics_
    private List<(int Topic, int Count)> _topicSizes = [];            // topic_sizes_ (Counter order)
    private TopicMapper? _mapper;                                     // topic_mapper_
    private TermWeightMatrix? _cTfidf;                                // c_tf_idf_
    private int[] _topicIds = [];                                     // sorted topics = rows of c_tf_idf_ / topic_embeddings_
    private SortedDictionary<int, IReadOnlyList<TopicWord>> _representations = []; // topic_representations_
    private float[,]? _topicEmbeddings;                               // topic_embeddings_
    private Dictionary<int, IReadOnlyList<string>> _representativeDocs = []; // representative_docs_
    private string[]? _customLabels;                                  // custom_labels_
    private TopicProbabilities? _probabilities;                       // probabilities_
    private IEmbeddingModel? _embeddingModel;
    private IDimensionalityReducer? _reducer;
    private IClusterer? _clusterer;

    /// <summary>Creates a model with Python BERTopic's defaults.</summary>
    public BERTopic() : this(null)
    {
    }

    /// <summary>Creates a model.</summary>
    /// <param name="options">Settings; null means the defaults.</param>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public BERTopic(BERTopicOptions? options)
    {
        Options = options ?? new BERTopicOptions();
        Options.Validate();
        _vectorizer = Options.VectorizerModel ?? new CountVectorizer(new CountVectorizerOptions { NGramRange = Options.NGramRange });
        _ctfidf = Options.CtfidfModel ?? new ClassTfidfTransformer();
        _embeddingModel = Options.EmbeddingModel;
        _topNWords = Options.TopNWords;
        _representationModel = Options.RepresentationModel;
    }

    /// <summary>The settings.</summary>
    public BERTopicOptions Options { get; }

    private readonly Dictionary<string, TimeSpan> _stageDurations = new(StringComparer.Ordinal);

    /// <summary>
    /// Wall time of each stage of the last Fit/FitTransform, keyed by <see cref="BERTopicStages"/> names:
    /// embedding (only when the model embedded the documents), reduction, clustering, probabilities (when computed),
    /// representation (vectorizer, c-TF-IDF, topic words, topic embeddings, topic reduction, representative documents).
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan> StageDurations => _stageDurations;

    /// <summary>True once <see cref="Fit(IReadOnlyList{string}, float[,], int[], IProgress{BERTopicProgress}, CancellationToken)"/> has run.</summary>
    public bool IsFitted => _documentTopics is not null;

    /// <summary>The topic of each training document (Python's <c>topics_</c>).</summary>
    public IReadOnlyList<int> DocumentTopics => RequireFitted()._documentTopics!;

    /// <summary>Number of documents per topic, in ascending topic order (Python's <c>topic_sizes_</c>).</summary>
    public IReadOnlyDictionary<int, int> TopicSizes
    {
        get
        {
            RequireFitted();
            return new SortedDictionary<int, int>(_topicSizes.ToDictionary(s => s.Topic, s => s.Count));
        }
    }

    /// <summary>The topic ids, ascending (-1 first when there are outliers): the row order of <see cref="CTfidf"/> and <see cref="TopicEmbeddings"/>.</summary>
    public IReadOnlyList<int> TopicIds => RequireFitted()._topicIds;

    /// <summary>
    /// The number of topics, the outlier topic -1 not counted (what the samples and the CLI print as "N topics";
    /// Python's <c>len(get_topic_info())</c> counts -1 as well). <see cref="OutlierCount"/> says how many
    /// documents are outliers.
    /// </summary>
    public int TopicCount => RequireFitted()._topicIds.Count(t => t >= 0);

    /// <summary>The number of training documents in the outlier topic -1 (0 when there is none).</summary>
    public int OutlierCount => GetTopicFreq(-1);

    /// <summary>The topics × terms c-TF-IDF matrix (Python's <c>c_tf_idf_</c>); row i is topic <c>TopicIds[i]</c>.</summary>
    public TermWeightMatrix CTfidf => RequireFitted()._cTfidf!;

    /// <summary>The vocabulary: the terms of the columns of <see cref="CTfidf"/>.</summary>
    public IReadOnlyList<string> Vocabulary => RequireFitted()._vectorizer.Vocabulary;

    /// <summary>
    /// The topic embeddings (topics × embedding dimension; row i is topic <c>TopicIds[i]</c>): the mean embedding of
    /// each topic's documents, size-weighted means after merging. A copy; null when not available.
    /// </summary>
    public float[,]? TopicEmbeddings => RequireFitted()._topicEmbeddings is { } e ? (float[,])e.Clone() : null;

    /// <summary>The probabilities of the last fit or topic operation (Python's <c>probabilities_</c>), or null.</summary>
    public TopicProbabilities? Probabilities => RequireFitted()._probabilities;

    /// <summary>Words kept per topic (<see cref="BERTopicOptions.TopNWords"/>, or the value given to <see cref="UpdateTopics"/>).</summary>
    public int TopNWords => _topNWords;

    /// <summary>The representation model in use (from the options, or the one given to <see cref="UpdateTopics"/>).</summary>
    public IRepresentationModel? RepresentationModel => _representationModel;

    /// <summary>The fitted vectorizer.</summary>
    public IVectorizer Vectorizer => _vectorizer;

    /// <summary>The fitted c-TF-IDF transformer.</summary>
    public ClassTfidfTransformer CtfidfModel => _ctfidf;

    /// <summary>The embedding model used, or null when only precomputed embeddings were given.</summary>
    public IEmbeddingModel? EmbeddingModel => _embeddingModel;

    /// <summary>The fitted dimensionality reducer, or null before fitting.</summary>
    public IDimensionalityReducer? Reducer => _reducer;

    /// <summary>The fitted clusterer, or null before fitting.</summary>
    public IClusterer? Clusterer => _clusterer;

    /// <summary>
    /// The history of topic ids (Python's <c>topic_mapper_.mappings_</c>): one row per label of the clusterer, first
    /// entry the label, last entry its current topic (-1 when deleted or an outlier).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> TopicMappingHistory => RequireFitted()._mapper!.History;

    /// <summary>True when the outlier topic -1 exists (Python's <c>_outliers</c>).</summary>
    internal bool HasOutliers => _topicSizes.Exists(s => s.Topic == -1);

    private BERTopic RequireFitted() => IsFitted ? this
        : throw new InvalidOperationException("This BERTopic model is not fitted yet; call Fit or FitTransform first.");
}
