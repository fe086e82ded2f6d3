using BERTopicNet.Numerics;
using BERTopicNet.Operations;

namespace BERTopicNet.ZeroShot;

/// <summary>
/// The first step of zero-shot topic modeling (Python BERTopic 0.17.4's <c>_zeroshot_topic_modeling</c>): each
/// document goes to the zero-shot label whose embedding is most cosine-similar to it when that similarity reaches the
/// threshold; the other documents are left for clustering.
/// </summary>
internal static class ZeroShotAssigner
{
    /// <summary>Assigns documents to labels.</summary>
    /// <param name="embeddings">N × D document embeddings.</param>
    /// <param name="labelEmbeddings">L × D label embeddings.</param>
    /// <param name="minSimilarity">The cosine a document needs to its best label.</param>
    /// <returns>The label index of each document, or -1 when it is left for clustering.</returns>
    public static int[] Assign(float[,] embeddings, float[,] labelEmbeddings, double minSimilarity)
    {
        int n = embeddings.GetLength(0), l = labelEmbeddings.GetLength(0);
        if (labelEmbeddings.GetLength(1) != embeddings.GetLength(1))
            throw new InvalidOperationException($"The zero-shot labels were embedded into {labelEmbeddings.GetLength(1)} dimensions but the documents have {embeddings.GetLength(1)}; use the same embedding model for both.");
        var cosine = new DenseCosine(labelEmbeddings, 0);
        var assigned = new int[n];
        Parallel.For(0, n, Parallelism.PerCore(), () => new double[l], (i, _, sims) =>
        {
            cosine.Similarities(MatrixRows.Row(embeddings, i), sims);
            int best = 0;
            for (int k = 1; k < l; k++) if (sims[k] > sims[best]) best = k;
            assigned[i] = sims[best] >= minSimilarity ? best : -1;
            return sims;
        }, _ => { });
        return assigned;
    }

    /// <summary>
    /// Python's <c>_combine_zeroshot_topics</c>: the matched labels become topics 0 … k−1 in label order; the clustered
    /// documents' topics are shifted by k (outliers stay -1).
    /// </summary>
    /// <param name="assigned">The label index of each document, -1 for a clustered one.</param>
    /// <param name="clusterLabels">The clusterer's label of each clustered document, in document order.</param>
    /// <returns>The topic of every document and, per zero-shot topic id, its label index.</returns>
    public static (int[] Topics, Dictionary<int, int> TopicToLabel) Combine(int[] assigned, int[] clusterLabels)
    {
        var matched = assigned.Where(a => a >= 0).Distinct().Order().ToArray();
        var labelToTopic = new Dictionary<int, int>();
        var topicToLabel = new Dictionary<int, int>();
        for (int t = 0; t < matched.Length; t++) { labelToTopic[matched[t]] = t; topicToLabel[t] = matched[t]; }
        int shift = matched.Length;
        var topics = new int[assigned.Length];
        int c = 0;
        for (int i = 0; i < assigned.Length; i++)
        {
            if (assigned[i] >= 0) topics[i] = labelToTopic[assigned[i]];
            else
            {
                int label = clusterLabels[c++];
                topics[i] = label == -1 ? -1 : label + shift;
            }
        }
        if (c != clusterLabels.Length)
            throw new InvalidOperationException($"{clusterLabels.Length} cluster labels were given for {c} clustered documents.");
        return (topics, topicToLabel);
    }

    /// <summary>Rows <paramref name="rows"/> of <paramref name="matrix"/>.</summary>
    public static float[,] SelectRows(float[,] matrix, IReadOnlyList<int> rows)
    {
        int d = matrix.GetLength(1);
        var result = new float[rows.Count, d];
        for (int r = 0; r < rows.Count; r++)
            for (int j = 0; j < d; j++) result[r, j] = matrix[rows[r], j];
        return result;
    }
}
