namespace BERTopicNet.Representation;

/// <summary>
/// Fine-tunes topic representations after c-TF-IDF (Python BERTopic's <c>representation_model</c>, e.g.
/// KeyBERTInspired or MaximalMarginalRelevance).
/// </summary>
public interface IRepresentationModel
{
    /// <summary>Returns the new words of every topic in <see cref="RepresentationContext.Topics"/>.</summary>
    /// <param name="context">The fitted state: documents, topics, c-TF-IDF and the candidate words of each topic.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    IReadOnlyDictionary<int, IReadOnlyList<TopicWord>> ExtractTopics(RepresentationContext context, CancellationToken cancellationToken = default);
}
