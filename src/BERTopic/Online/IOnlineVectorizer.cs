using BERTopicNet.Vectorizers;

namespace BERTopicNet.Online;

/// <summary>A vectorizer that grows its vocabulary and keeps a bag of words across batches (Python's <c>OnlineCountVectorizer</c>).</summary>
public interface IOnlineVectorizer : IVectorizer
{
    /// <summary>Learns the vocabulary on the first call; later calls add the batch's new terms.</summary>
    void PartialFit(IReadOnlyList<string> documents, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the batch's counts (row i = class i) to the kept bag of words, after decaying it, and returns the bag
    /// (classes × current vocabulary; real-valued once decayed).
    /// </summary>
    TermWeightMatrix UpdateBagOfWords(IReadOnlyList<string> documents, CancellationToken cancellationToken = default);
}
