namespace BERTopicNet.Vectorizers;

/// <summary>Settings of <see cref="CountVectorizer"/>; defaults are scikit-learn's <c>CountVectorizer()</c>.</summary>
public sealed class CountVectorizerOptions
{
    /// <summary>Lowercase the text (Python's <c>str.lower()</c>) before tokenizing. Default true.</summary>
    public bool Lowercase { get; init; } = true;

    /// <summary>Which n-grams to count. Default (1, 1): single words.</summary>
    public NGramRange NGramRange { get; init; } = NGramRange.Unigrams;

    /// <summary>
    /// Words removed before n-grams are formed (compared after lowercasing). Null (default) keeps every word;
    /// <see cref="StopWordLists.English"/> is scikit-learn's <c>stop_words="english"</c>.
    /// </summary>
    public IEnumerable<string>? StopWords { get; init; }

    /// <summary>
    /// Drop terms found in fewer documents than this: a count (int) or a fraction of the documents (double).
    /// Default 1 (keep everything). In BERTopic the "documents" are the topics.
    /// </summary>
    public DocumentFrequencyLimit MinDf { get; init; } = 1;

    /// <summary>Drop terms found in more documents than this (count or fraction). Default 1.0 (keep everything).</summary>
    public DocumentFrequencyLimit MaxDf { get; init; } = 1.0;

    /// <summary>Keep only the this many most frequent terms (by total count). Null (default): no limit.</summary>
    public int? MaxFeatures { get; init; }

    /// <summary>
    /// A fixed vocabulary (term i = column i). When set, fitting learns nothing and <see cref="MinDf"/>,
    /// <see cref="MaxDf"/> and <see cref="MaxFeatures"/> are ignored, as in scikit-learn. Null (default): learn it.
    /// </summary>
    public IReadOnlyList<string>? Vocabulary { get; init; }
}
