namespace BERTopicNet.Visualization;

/// <summary>Options of one document's topic distribution (Python's <c>visualize_distribution</c>).</summary>
public sealed class DistributionOptions : ChartOptions
{
    /// <summary>Topics with a probability below this are not drawn. Default 0.015, as Python.</summary>
    public double MinProbability { get; set; } = 0.015;
}
