namespace BERTopicNet.Visualization;

/// <summary>Options of the token-level distribution heatmap (Python's <c>visualize_approximate_distribution</c>).</summary>
public sealed class ApproximateDistributionChartOptions : ChartOptions
{
    /// <summary>Divide every cell by the sum of all cells (Python's <c>normalize</c>). Default false.</summary>
    public bool Normalize { get; set; }
}
