namespace BERTopicNet.Visualization;

/// <summary>Options of the topic word-score bar charts (Python's <c>visualize_barchart</c>).</summary>
public sealed class BarchartOptions : ChartOptions
{
    /// <summary>The topics to show. Default null: the <see cref="TopN"/> most frequent.</summary>
    public IReadOnlyList<int>? Topics { get; set; }

    /// <summary>Number of most frequent topics shown when <see cref="Topics"/> is null. Default 8.</summary>
    public int TopN { get; set; } = 8;

    /// <summary>Words per topic. Default 5.</summary>
    public int WordCount { get; set; } = 5;

    /// <summary>Subplots per row. Default 4.</summary>
    public int Columns { get; set; } = 4;

    /// <summary>Let each subplot scale its own x axis (false: the axes start at 0 and share nothing). Default false.</summary>
    public bool AutoscaleX { get; set; }
}
