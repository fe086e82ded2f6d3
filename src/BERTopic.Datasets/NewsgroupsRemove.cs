namespace BERTopicNet.Datasets;

/// <summary>
/// Parts of each post to strip (scikit-learn's <c>remove=("headers", "footers", "quotes")</c>); combine with <c>|</c>.
/// They are applied in this order: headers, then footers, then quotes, as scikit-learn does.
/// </summary>
[Flags]
public enum NewsgroupsRemove
{
    /// <summary>Keep the posts as they are.</summary>
    None = 0,

    /// <summary>Drop everything before the first blank line (the news headers); a post without a blank line becomes empty.</summary>
    Headers = 1,

    /// <summary>Drop the signature block: from the last line that is blank or made only of hyphens.</summary>
    Footers = 2,

    /// <summary>Drop lines that quote another post (start with <c>&gt;</c> or <c>|</c>, or contain "writes:", "wrote:", ...).</summary>
    Quotes = 4,

    /// <summary>Headers, footers and quotes: what BERTopic's documentation and most topic-model papers use.</summary>
    All = Headers | Footers | Quotes,
}
