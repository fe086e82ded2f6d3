namespace BERTopicNet.Analysis;

/// <summary>Settings of <see cref="BERTopic.TopicsOverTime(IReadOnlyList{string}, IReadOnlyList{DateTime}, TopicsOverTimeOptions?, CancellationToken)"/>; the defaults are BERTopic 0.17.4's.</summary>
public sealed class TopicsOverTimeOptions
{
    /// <summary>
    /// Put the timestamps into this many equal-width bins, as pandas' <c>cut</c> does (the range split by
    /// <c>linspace</c>, its lower edge lowered by 0.1 % of the range, right-closed bins); each document then carries
    /// its bin's left edge. Null (the default) keeps every distinct timestamp.
    /// </summary>
    public int? NrBins { get; init; }

    /// <summary>
    /// Python's <c>evolution_tuning</c> (default true). Its documented formula averages a topic's c-TF-IDF row at
    /// time t with the one at t−1, but BERTopic 0.17.4 writes that average into a temporary copy
    /// (<c>c_tf_idf.tolil()[idx] = …</c>) and so never uses it; what remains of the option is that the rows at time t
    /// are L1-normalised. This port does the same, so that its words equal Python's.
    /// </summary>
    public bool EvolutionTuning { get; init; } = true;

    /// <summary>
    /// Average each topic's (L1-normalised) c-TF-IDF row at time t with its (L1-normalised) global row (default
    /// true); turn off to keep to the words found at time t.
    /// </summary>
    public bool GlobalTuning { get; init; } = true;

    /// <summary>
    /// For string timestamps: the .NET custom date format every value follows (Python's <c>datetime_format</c>, in
    /// .NET syntax, e.g. "dd/MM/yyyy"); null recognises ISO 8601 as pandas does.
    /// </summary>
    public string? DatetimeFormat { get; init; }

    /// <summary>The topic of each document, to analyse other topics than the fitted ones (Python's <c>topics</c>); null for the fitted topics.</summary>
    public IReadOnlyList<int>? Topics { get; init; }
}
