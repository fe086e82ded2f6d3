namespace BERTopicNet;

/// <summary>One row of <see cref="BERTopic.GetDocumentInfo"/> (Python's <c>get_document_info</c> data frame).</summary>
/// <param name="Document">The document.</param>
/// <param name="Topic">Its topic (-1 = outlier).</param>
/// <param name="Name">The topic's default label <c>id_w1_w2_w3_w4</c>.</param>
/// <param name="CustomName">The topic's custom label, or null when none were set.</param>
/// <param name="Representation">The topic's words, best first.</param>
/// <param name="RepresentativeDocs">The topic's representative documents.</param>
/// <param name="TopNWords">The topic's words joined by " - ".</param>
/// <param name="Probability">
/// The document's probability: its membership strength, or with a probability matrix the largest entry (1 − the row
/// sum for outliers); null when the model has no probabilities.
/// </param>
/// <param name="RepresentativeDocument">True when the document's text is one of the representative documents of any topic.</param>
/// <param name="Metadata">The caller's extra columns for this document (the <c>df</c> argument), or null.</param>
public sealed record DocumentInfo(string Document, int Topic, string Name, string? CustomName, IReadOnlyList<string> Representation,
    IReadOnlyList<string> RepresentativeDocs, string TopNWords, double? Probability, bool RepresentativeDocument,
    IReadOnlyDictionary<string, object?>? Metadata);
