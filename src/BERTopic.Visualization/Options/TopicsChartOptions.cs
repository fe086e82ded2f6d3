using BERTopicNet.Reduction;

namespace BERTopicNet.Visualization;

/// <summary>Options of the intertopic distance map (Python's <c>visualize_topics</c>).</summary>
public sealed class TopicsChartOptions : ChartOptions
{
    /// <summary>The topics to show. Default null: all topics except -1.</summary>
    public IReadOnlyList<int>? Topics { get; set; }

    /// <summary>Show only the N most frequent topics (ignored when <see cref="Topics"/> is set). Default null: all.</summary>
    public int? TopN { get; set; }

    /// <summary>Place topics by their c-TF-IDF rows instead of their embeddings. Default false (embeddings, as 0.17.4; c-TF-IDF is used when there are no embeddings).</summary>
    public bool UseCTfIdf { get; set; }

    /// <summary>
    /// Reduces the topic vectors to 2-d (must return N × 2). Default null: principal components of the
    /// L2-normalised vectors (classical MDS in cosine geometry), deterministic. Python uses UMAP(n_neighbors=2).
    /// </summary>
    public IDimensionalityReducer? Reducer { get; set; }
}
