namespace BERTopicNet.Vectorizers;

/// <summary>
/// Turns documents into a document-term count matrix (Python BERTopic's <c>vectorizer_model</c>). BERTopic fits it
/// on one concatenated document per topic and feeds the counts to c-TF-IDF.
/// </summary>
public interface IVectorizer
{
    /// <summary>The fitted vocabulary (column order of the matrices), empty before fitting.</summary>
    IReadOnlyList<string> Vocabulary { get; }

    /// <summary>Learns the vocabulary from <paramref name="documents"/> and returns their counts.</summary>
    /// <param name="documents">The documents; none may be null.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    DocumentTermMatrix FitTransform(IReadOnlyList<string> documents, CancellationToken cancellationToken = default);

    /// <summary>Counts the fitted vocabulary's terms in <paramref name="documents"/>; unknown terms are ignored.</summary>
    /// <exception cref="InvalidOperationException">The vectorizer has not been fitted.</exception>
    DocumentTermMatrix Transform(IReadOnlyList<string> documents, CancellationToken cancellationToken = default);
}
