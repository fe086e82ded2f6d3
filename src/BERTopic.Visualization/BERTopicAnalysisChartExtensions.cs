using BERTopicNet.Analysis;
using BERTopicNet.Visualization.Figures;

namespace BERTopicNet.Visualization;

/// <summary>
/// Charts of the analysis results of a fitted <see cref="BERTopic"/>: topics over time, topics per class and the
/// hierarchy of <see cref="BERTopic.HierarchicalTopics"/>.
/// <code>
/// var rows = model.TopicsOverTime(docs, years, new TopicsOverTimeOptions { NrBins = 20 });
/// model.VisualizeTopicsOverTime(rows).SaveHtml("over_time.html");
/// </code>
/// </summary>
public static class BERTopicAnalysisChartExtensions
{
    /// <summary>Topic frequencies over time (Python's <c>visualize_topics_over_time</c>); see <see cref="TopicVisualizations.VisualizeTopicsOverTime"/>.</summary>
    public static PlotlyFigure VisualizeTopicsOverTime(this BERTopic model, IReadOnlyList<TopicOverTime> rows, TopicFrequencyChartOptions? options = null) =>
        model.ToChartData().VisualizeTopicsOverTime(rows, options);

    /// <summary>Topic frequencies per class (Python's <c>visualize_topics_per_class</c>); see <see cref="TopicVisualizations.VisualizeTopicsPerClass"/>.</summary>
    public static PlotlyFigure VisualizeTopicsPerClass(this BERTopic model, IReadOnlyList<TopicPerClass> rows, TopicFrequencyChartOptions? options = null) =>
        model.ToChartData().VisualizeTopicsPerClass(rows, options);

    /// <summary>
    /// The dendrogram of <see cref="BERTopic.HierarchicalTopics"/> (Python's <c>visualize_hierarchy(hierarchical_topics=...)</c>);
    /// see <see cref="TopicVisualizations.VisualizeHierarchy(TopicChartData, IReadOnlyList{HierarchicalTopic}, HierarchyOptions?)"/>.
    /// </summary>
    public static PlotlyFigure VisualizeHierarchy(this BERTopic model, IReadOnlyList<HierarchicalTopic> hierarchy, HierarchyOptions? options = null) =>
        model.ToChartData().VisualizeHierarchy(hierarchy, options);

    /// <summary>
    /// The token-level topic distribution of document <paramref name="document"/> of an
    /// <see cref="BERTopic.ApproximateDistribution(IReadOnlyList{string}, ApproximateDistributionOptions, IProgress{BERTopicProgress}, CancellationToken)"/>
    /// result computed with <c>CalculateTokens = true</c> (Python's <c>visualize_approximate_distribution</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The distribution holds no token distributions, or the index is out of range.</exception>
    public static PlotlyFigure VisualizeApproximateDistribution(this BERTopic model, TopicDistribution distribution, int document,
        ApproximateDistributionChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        if (distribution.TokenDistributions is not { } perDoc || distribution.Tokens is not { } tokens)
            throw new ArgumentException("The distribution holds no token distributions; compute it with CalculateTokens = true.", nameof(distribution));
        if ((uint)document >= (uint)perDoc.Count)
            throw new ArgumentException($"document must be in [0, {perDoc.Count}) (it was {document}).", nameof(document));
        return model.ToChartData().VisualizeApproximateDistribution(tokens[document], perDoc[document], options);
    }

    /// <summary>
    /// The training documents' 2-d map at the levels of <see cref="BERTopic.HierarchicalTopics"/> (Python's
    /// <c>visualize_hierarchical_documents</c>); see <see cref="TopicVisualizations.VisualizeHierarchicalDocuments"/>.
    /// </summary>
    public static PlotlyFigure VisualizeHierarchicalDocuments(this BERTopic model, IReadOnlyList<HierarchicalTopic> hierarchy, float[,] points,
        IReadOnlyList<string>? documents = null, HierarchicalDocumentsOptions? options = null) =>
        model.ToChartData().VisualizeHierarchicalDocuments(hierarchy, points, documents, options);
}
