namespace BERTopicNet.Visualization;

/// <summary>Options of the topic similarity heatmap (Python's <c>visualize_heatmap</c>).</summary>
public sealed class HeatmapOptions : ChartOptions
{
    /// <summary>The topics to show. Default null: all topics except -1.</summary>
    public IReadOnlyList<int>? Topics { get; set; }

    /// <summary>Show only the N most frequent topics (ignored when <see cref="Topics"/> is set). Default null: all.</summary>
    public int? TopN { get; set; }

    /// <summary>
    /// Order the topics by this many clusters (Ward linkage on 1 − cosine similarity) so that similar topics sit
    /// together. Default null: order by topic id.
    /// </summary>
    public int? ClusterCount { get; set; }

    /// <summary>Compare c-TF-IDF rows instead of topic embeddings. Default false (embeddings; c-TF-IDF when there are none).</summary>
    public bool UseCTfIdf { get; set; }
}
