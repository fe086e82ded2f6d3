using BERTopicNet.Embedding;
using BERTopicNet.Vectorizers;

namespace BERTopicNet.Representation;

/// <summary>What a <see cref="IRepresentationModel"/> sees of the model being fitted.</summary>
public sealed class RepresentationContext
{
    private readonly Func<int, int, CancellationToken, IReadOnlyDictionary<int, RepresentativeDocuments>> _representativeDocs;

    internal RepresentationContext(
        IReadOnlyList<string> documents,
        IReadOnlyList<int> documentTopics,
        IReadOnlyList<int> topics,
        TermWeightMatrix cTfidf,
        IReadOnlyList<string> vocabulary,
        IReadOnlyDictionary<int, IReadOnlyList<TopicWord>> candidates,
        int topNWords,
        IEmbeddingModel? embeddingModel,
        IVectorizer vectorizer,
        ClassTfidfTransformer ctfidf,
        Func<int, int, CancellationToken, IReadOnlyDictionary<int, RepresentativeDocuments>> representativeDocs)
    {
        Documents = documents;
        DocumentTopics = documentTopics;
        Topics = topics;
        CTfidf = cTfidf;
        Vocabulary = vocabulary;
        Candidates = candidates;
        TopNWords = topNWords;
        EmbeddingModel = embeddingModel;
        Vectorizer = vectorizer;
        CtfidfModel = ctfidf;
        _representativeDocs = representativeDocs;
    }

    /// <summary>The training documents.</summary>
    public IReadOnlyList<string> Documents { get; }

    /// <summary>The topic of each document.</summary>
    public IReadOnlyList<int> DocumentTopics { get; }

    /// <summary>The topic ids, ascending; topic <c>Topics[i]</c> is row i of <see cref="CTfidf"/>.</summary>
    public IReadOnlyList<int> Topics { get; }

    /// <summary>The topics × terms c-TF-IDF matrix.</summary>
    public TermWeightMatrix CTfidf { get; }

    /// <summary>The terms (columns of <see cref="CTfidf"/>).</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>The c-TF-IDF candidate words of each topic (max(TopNWords, 30) of them, best first).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<TopicWord>> Candidates { get; }

    /// <summary>The number of words the model keeps per topic.</summary>
    public int TopNWords { get; }

    /// <summary>The embedding model, or null when only precomputed embeddings were given.</summary>
    public IEmbeddingModel? EmbeddingModel { get; }

    /// <summary>The fitted vectorizer.</summary>
    public IVectorizer Vectorizer { get; }

    /// <summary>The fitted c-TF-IDF transformer.</summary>
    public ClassTfidfTransformer CtfidfModel { get; }

    /// <summary>A copy of this context whose <see cref="Candidates"/> are <paramref name="candidates"/> (for chaining models).</summary>
    public RepresentationContext WithCandidates(IReadOnlyDictionary<int, IReadOnlyList<TopicWord>> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return new(Documents, DocumentTopics, Topics, CTfidf, Vocabulary, candidates, TopNWords, EmbeddingModel, Vectorizer, CtfidfModel, _representativeDocs);
    }

    /// <summary>
    /// The most representative documents of each topic, chosen as Python BERTopic's
    /// <c>_extract_representative_docs</c> does (seeded sample of <paramref name="samples"/> documents per topic,
    /// best <paramref name="count"/> by c-TF-IDF cosine to the topic).
    /// </summary>
    public IReadOnlyDictionary<int, RepresentativeDocuments> GetRepresentativeDocuments(int samples, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return _representativeDocs(samples, count, cancellationToken);
    }
}

/// <summary>The representative documents of one topic.</summary>
/// <param name="Documents">The documents' texts.</param>
/// <param name="Indices">Their positions in the training documents.</param>
public sealed record RepresentativeDocuments(IReadOnlyList<string> Documents, IReadOnlyList<int> Indices);
