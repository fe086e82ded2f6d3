namespace BERTopicNet.Visualization.Tests;

/// <summary>Bad arguments fail early with an ArgumentException that names the problem and the fix.</summary>
public sealed class ChartArgumentTests
{
    private static readonly (TopicChartData Data, float[,] Emb, string[] Docs) M = SyntheticTopics.Create(6, 300);

    [Fact]
    public void Unknown_topics_are_named()
    {
        var e = Assert.Throws<ArgumentException>(() => M.Data.VisualizeBarchart(new BarchartOptions { Topics = [1, 99] }));
        Assert.Contains("Topic 99 does not exist", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => M.Data.VisualizeHeatmap(new HeatmapOptions { Topics = [] }));
    }

    [Fact]
    public void Counts_and_sizes_are_checked()
    {
        Assert.Throws<ArgumentException>(() => M.Data.VisualizeBarchart(new BarchartOptions { WordCount = 0 }));
        Assert.Throws<ArgumentException>(() => M.Data.VisualizeBarchart(new BarchartOptions { TopN = 0 }));
        Assert.Throws<ArgumentException>(() => M.Data.VisualizeTopics(new TopicsChartOptions { TopN = -2 }));
        Assert.Throws<ArgumentException>(() => M.Data.VisualizeTopics(new TopicsChartOptions { Topics = [2] }));
        Assert.Throws<ArgumentException>(() => M.Data.VisualizeHeatmap(new HeatmapOptions { ClusterCount = 7 }));
        Assert.Throws<ArgumentException>(() => M.Data.VisualizeTermRank(new TermRankOptions { Width = 10 }));
        Assert.Throws<ArgumentException>(() => M.Data.VisualizeHierarchy(new HierarchyOptions { ColorThreshold = double.NaN }));
    }

    [Fact]
    public void Distribution_checks_threshold_length_and_values()
    {
        var p = new float[] { 0.3f, 0.1f, 0.01f, 0, 0, 0 };
        Assert.Throws<ArgumentException>(() => M.Data.VisualizeDistribution(p, new DistributionOptions { MinProbability = 1.5 }));
        Assert.Throws<ArgumentException>(() => M.Data.VisualizeDistribution(new float[7]));
        Assert.Throws<ArgumentException>(() => M.Data.VisualizeDistribution(new float[] { 0.2f, float.NaN }));
        Assert.Throws<ArgumentException>(() => M.Data.VisualizeDistribution(ReadOnlySpan<float>.Empty));
        var e = Assert.Throws<ArgumentException>(() => M.Data.VisualizeDistribution(p, new DistributionOptions { MinProbability = 0.5 }));
        Assert.Contains("lower MinProbability", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, M.Data.VisualizeDistribution(p, new DistributionOptions { MinProbability = 0.05 }).Data[0]!["x"]!.AsArray().Count);
    }

    [Fact]
    public void Document_map_checks_shapes_and_sampling()
    {
        Assert.Throws<ArgumentException>(() => M.Data.VisualizeDocuments(new float[10, 2]));
        Assert.Throws<ArgumentException>(() => M.Data.VisualizeDocuments(M.Emb, M.Docs.Take(5).ToArray()));
        Assert.Throws<ArgumentException>(() => M.Data.VisualizeDocuments(M.Emb, null, new DocumentsChartOptions { Sample = 0 }));
        Assert.Throws<ArgumentException>(() => M.Data.VisualizeDocuments(M.Emb, null, new DocumentsChartOptions { MaxDocuments = 0 }));
        var noTopics = new TopicChartData(M.Data.TopicIds, M.Data.Sizes, M.Data.Words);
        var e = Assert.Throws<ArgumentException>(() => noTopics.VisualizeDocuments(M.Emb));
        Assert.Contains("DocumentTopics", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_needing_vectors_say_so()
    {
        var bare = new TopicChartData(M.Data.TopicIds, M.Data.Sizes, M.Data.Words);
        var e = Assert.Throws<ArgumentException>(() => bare.VisualizeTopics());
        Assert.Contains("TopicEmbeddings or TopicChartData.CTfIdf", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => bare.VisualizeHeatmap());
        Assert.Throws<ArgumentException>(() => bare.VisualizeHierarchy());
        // Charts that need only words work without vectors.
        Assert.NotNull(bare.VisualizeBarchart());
        Assert.NotNull(bare.VisualizeTermRank());
    }

    [Fact]
    public void Chart_data_rejects_inconsistent_input()
    {
        TopicWord[][] words = [[new("a", 1)], [new("b", 1)]];
        Assert.Throws<ArgumentException>(() => new TopicChartData([0, 0], [1, 2], words));
        Assert.Throws<ArgumentException>(() => new TopicChartData([0, 1], [1], words));
        Assert.Throws<ArgumentException>(() => new TopicChartData([0, 1], [1, -1], words));
        Assert.Throws<ArgumentException>(() => new TopicChartData([0, -2], [1, 1], words));
        Assert.Throws<ArgumentException>(() => new TopicChartData([0, 1], [1, 1], words) { TopicEmbeddings = new float[3, 2] });
        Assert.Throws<ArgumentException>(() => new TopicChartData([0, 1], [1, 1], words) { DocumentTopics = [0, 5] });
        Assert.Throws<ArgumentException>(() => new TopicChartData([0, 1], [1, 1], words) { CustomLabels = ["x"] });
        var onlyOutliers = new TopicChartData([-1], [3], [[new("a", 1)]]);
        Assert.Throws<ArgumentException>(() => onlyOutliers.VisualizeBarchart());
    }
}
