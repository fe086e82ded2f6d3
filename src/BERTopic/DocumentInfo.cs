namespace BERTopicNet;

/// <summary>One row of <see cref="BERTopic.GetDocumentInfo"/> (Python's <c>get_document_info</c>).</summary>
/// <param name="Document">The document.</param>
/// <param name="Topic">Its topic.</param>
/// <param name="Name">The topic's default label.</param>
/// <param name="CustomName">The topic's custom label, or null.</param>
/// <param name="Representation">The topic's words.</param>
/// <param name="RepresentativeDocs">The topic's representative documents.</param>
/// <param name="TopNWords">The topic's words joined by " - ".</param>
/// <param name="Probability">The document's probability (its strength, the largest soft membership, or for an
/// outlier 1 − the sum of its memberships), or null when the model has none.</param>
/// <param name="RepresentativeDocument">Whether the document is one of the representative documents of any topic.</param>
public sealed record DocumentInfo(string Document, int Topic, string Name, string? CustomName, IReadOnlyList<string> Representation,
    IReadOnlyList<string> RepresentativeDocs, string TopNWords, float? Probability, bool RepresentativeDocument);
