using BERTopicNet.Analysis;
using Microsoft.Extensions.Logging;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>
    /// The topics' words at each time (Python's <c>topics_over_time</c>): documents are grouped by timestamp (or by
    /// bin, see <see cref="TopicsOverTimeOptions.NrBins"/>), and per group the c-TF-IDF of each topic's documents
    /// (fitted vectorizer and idf) is L1-normalised and averaged with the topic's global row.
    /// </summary>
    /// <param name="documents">The documents the model was fitted on.</param>
    /// <param name="timestamps">The time of each document.</param>
    /// <param name="options">Binning and tuning; null for BERTopic's defaults.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>One row per (time, topic) present, in chronological order, topics ascending.</returns>
    /// <exception cref="ArgumentException">The counts of documents, timestamps or topics differ, or <see cref="TopicsOverTimeOptions.NrBins"/> is below 1.</exception>
    /// <exception cref="InvalidOperationException">The model is not fitted or has no c-TF-IDF state.</exception>
    /// <remarks>Representation models are not applied to these words.</remarks>
    public IReadOnlyList<TopicOverTime> TopicsOverTime(IReadOnlyList<string> documents, IReadOnlyList<DateTime> timestamps,
        TopicsOverTimeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timestamps);
        options ??= new TopicsOverTimeOptions();
        var topics = options.Topics ?? (IReadOnlyList<int>?)_documentTopics;
        RequireAnalysable(documents, topics?.Count ?? 0, options.Topics is null ? "the fitted model" : "TopicsOverTimeOptions.Topics");
        if (timestamps.Count != documents.Count)
            throw new ArgumentException($"There are {timestamps.Count} timestamps for {documents.Count} documents; give one timestamp per document.", nameof(timestamps));
        if (options.NrBins is < 1)
            throw new ArgumentException($"NrBins must be at least 1 (it was {options.NrBins}); use null for no binning.", nameof(options));

        var times = options.NrBins is int bins ? PandasCut.LeftEdges(timestamps, bins) : [.. timestamps];
        var groups = new SortedDictionary<long, List<int>>();
        for (int i = 0; i < times.Length; i++)
        {
            if (!groups.TryGetValue(times[i].Ticks, out var list)) groups[times[i].Ticks] = list = [];
            list.Add(i);
        }
        if (groups.Count > 100)
            Options.Logger?.LogWarning("There are more than 100 unique timestamps ({Count}), which slows topics-over-time down; consider NrBins below 100.", groups.Count);

        var cleaned = CleanCharacters(documents);
        var rows = new List<TopicOverTime>();
        foreach (var members in groups.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (ids, counts, local) = GroupCtfidf(cleaned, topics!, members, cancellationToken);
            // 0.17.4's evolution tuning writes its average into a temporary copy; only the normalisation stays.
            if (options.GlobalTuning || options.EvolutionTuning) local = local.NormalizeL1();
            if (options.GlobalTuning) local = GlobalRows(ids).Average(local);
            var words = TopFiveWords(local, ids);
            var time = times[members[0]];
            for (int t = 0; t < ids.Length; t++) rows.Add(new TopicOverTime(ids[t], words[ids[t]], counts[t], time));
        }
        return rows;
    }

    /// <summary>Topics over time with timestamps given as text (ISO 8601, or <see cref="TopicsOverTimeOptions.DatetimeFormat"/>).</summary>
    /// <inheritdoc cref="TopicsOverTime(IReadOnlyList{string}, IReadOnlyList{DateTime}, TopicsOverTimeOptions?, CancellationToken)"/>
    /// <exception cref="ArgumentException">A timestamp cannot be parsed, or the counts differ.</exception>
    public IReadOnlyList<TopicOverTime> TopicsOverTime(IReadOnlyList<string> documents, IReadOnlyList<string> timestamps,
        TopicsOverTimeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timestamps);
        ArgumentNullException.ThrowIfNull(documents);
        if (timestamps.Count != documents.Count)
            throw new ArgumentException($"There are {timestamps.Count} timestamps for {documents.Count} documents; give one timestamp per document.", nameof(timestamps));
        return TopicsOverTime(documents, TimestampParser.Parse(timestamps, options?.DatetimeFormat), options, cancellationToken);
    }
}
