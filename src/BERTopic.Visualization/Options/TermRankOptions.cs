namespace BERTopicNet.Visualization;

/// <summary>Options of the term score decline chart (Python's <c>visualize_term_rank</c>).</summary>
public sealed class TermRankOptions : ChartOptions
{
    /// <summary>The topics to draw. Default null: all topics except -1.</summary>
    public IReadOnlyList<int>? Topics { get; set; }

    /// <summary>Logarithmic y axis. Default false.</summary>
    public bool LogScale { get; set; }
}
