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
}
