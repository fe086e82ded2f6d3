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
    /// How topics are placed when <see cref="Reducer"/> is null. Default <see cref="PlanarMethod.Umap"/>, with
    /// Python's settings: 2 neighbours, cosine on embeddings; on c-TF-IDF rows min-max scaled per term and compared
    /// by Hellinger distance (computed as cosine on square-rooted, L1-normalised rows); seed 42.
    /// </summary>
    public PlanarMethod Projection { get; set; } = PlanarMethod.Umap;

    /// <summary>Your own 2-d reducer (must return N × 2); overrides <see cref="Projection"/>. Default null.</summary>
    public IDimensionalityReducer? Reducer { get; set; }
}
