using BERTopicNet.Numerics;
namespace BERTopicNet;

/// <summary>
/// The result of <see cref="BERTopic.ApproximateDistribution(IReadOnlyList{string}, ApproximateDistributionOptions, IProgress{BERTopicProgress}, CancellationToken)"/>:
/// how much of each document is about each topic.
/// </summary>
public sealed class TopicDistribution
{
    internal TopicDistribution(int[] topicIds, float[,] distributions, IReadOnlyList<float[,]>? tokenDistributions, IReadOnlyList<IReadOnlyList<string>>? tokens)
    {
        TopicIds = topicIds;
        Distributions = distributions;
        TokenDistributions = tokenDistributions;
        Tokens = tokens;
    }

    /// <summary>The topic of each column: the model's topics without -1, ascending (column c is topic c when ids are contiguous).</summary>
    public IReadOnlyList<int> TopicIds { get; }

    /// <summary>
    /// Documents × topics: the summed above-threshold similarities of each document's windows, L1-normalised per row
    /// (a row of zeros when no window reached the threshold).
    /// </summary>
    public float[,] Distributions { get; }

    /// <summary>Document <paramref name="document"/>'s row of <see cref="Distributions"/>, in place (e.g. for <c>VisualizeDistribution</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="document"/> is out of range.</exception>
    public ReadOnlySpan<float> Row(int document) =>
        (uint)document < (uint)Distributions.GetLength(0)
            ? MatrixRows.Row(Distributions, document)
            : throw new ArgumentOutOfRangeException(nameof(document), document, $"document must be in [0, {Distributions.GetLength(0)}).");

    /// <summary>
    /// With <see cref="ApproximateDistributionOptions.CalculateTokens"/>: per document a tokens × topics matrix whose row t
    /// sums the similarities of the windows holding token t (not normalised); otherwise null.
    /// </summary>
    public IReadOnlyList<float[,]>? TokenDistributions { get; }

    /// <summary>With <see cref="ApproximateDistributionOptions.CalculateTokens"/>: the tokens of each document (rows of <see cref="TokenDistributions"/>); otherwise null.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Tokens { get; }
}
