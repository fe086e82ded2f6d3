namespace BERTopicNet.Visualization;

/// <summary>Options of the topics-over-time and topics-per-class charts (Python's <c>visualize_topics_over_time</c> / <c>visualize_topics_per_class</c>).</summary>
public sealed class TopicFrequencyChartOptions : ChartOptions
{
    /// <summary>The topics to show. Default null: the <see cref="TopN"/> most frequent (outliers excluded).</summary>
    public IReadOnlyList<int>? Topics { get; set; }

    /// <summary>Number of most frequent topics shown when <see cref="Topics"/> is null. Default 10; null for all.</summary>
    public int? TopN { get; set; } = 10;

    /// <summary>Divide each topic's frequencies by their L2 norm (Python's <c>normalize_frequency</c>). Default false.</summary>
    public bool NormalizeFrequency { get; set; }
}
