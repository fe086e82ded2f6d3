using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BERTopicNet.Numerics;
using BERTopicNet.Umap;

namespace BERTopicNet.Topics;

/// <summary>Topic embeddings as Python BERTopic's <c>_create_topic_vectors</c> computes them.</summary>
internal static class TopicEmbeddingCalculator
{
    /// <summary>The mean embedding of each topic's documents; row i is topic <paramref name="topicIds"/>[i].</summary>
    public static float[,] Mean(float[,]? dense, CsrMatrix? sparse, IReadOnlyList<int> topics, IReadOnlyList<int> topicIds)
    {
        int dim = dense?.GetLength(1) ?? sparse!.Columns;
        var row = new Dictionary<int, int>(topicIds.Count);
        for (int i = 0; i < topicIds.Count; i++) row[topicIds[i]] = i;
        var sums = new double[topicIds.Count * dim]; // topic-major, summed in document order
        var counts = new int[topicIds.Count];
        for (int d = 0; d < topics.Count; d++)
        {
            int r = row[topics[d]];
            counts[r]++;
            var sum = sums.AsSpan(r * dim, dim);
            if (dense is not null) AddWidened(sum, MatrixRows.Row(dense, d));
            else
            {
                var idx = sparse!.RowIndices(d);
                var val = sparse.RowValues(d);
                for (int k = 0; k < idx.Length; k++) sum[idx[k]] += val[k];
            }
        }
        var result = new float[topicIds.Count, dim];
        for (int r = 0; r < topicIds.Count; r++)
            for (int j = 0; j < dim; j++)
                result[r, j] = counts[r] == 0 ? 0f : (float)(sums[r * dim + j] / counts[r]);
        return result;
    }

    /// <summary><paramref name="sum"/>[j] += <paramref name="x"/>[j] in double, eight at a time (each element's sum is the scalar loop's).</summary>
    private static void AddWidened(Span<double> sum, ReadOnlySpan<float> x)
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double s = ref MemoryMarshal.GetReference(sum);
            ref float v = ref MemoryMarshal.GetReference(x);
            for (; j + 8 <= x.Length; j += 8)
            {
                var (lower, upper) = Vector256.Widen(Vector256.LoadUnsafe(ref v, (nuint)j));
                (Vector256.LoadUnsafe(ref s, (nuint)j) + lower).StoreUnsafe(ref s, (nuint)j);
                (Vector256.LoadUnsafe(ref s, (nuint)j + 4) + upper).StoreUnsafe(ref s, (nuint)j + 4);
            }
        }
        for (; j < x.Length; j++) sum[j] += x[j];
    }

    /// <summary>
    /// After merging: each new topic's embedding is the size-weighted mean of the embeddings of the topics merged
    /// into it (<paramref name="merged"/>: new topic → old topics and their sizes).
    /// </summary>
    public static float[,] WeightedMerge(float[,] previous, IReadOnlyList<int> previousIds,
        IReadOnlyDictionary<int, (List<int> From, List<int> Sizes)> merged, IReadOnlyList<int> topicIds)
    {
        int dim = previous.GetLength(1);
        var oldRow = new Dictionary<int, int>(previousIds.Count);
        for (int i = 0; i < previousIds.Count; i++) oldRow[previousIds[i]] = i;
        var result = new float[topicIds.Count, dim];
        for (int r = 0; r < topicIds.Count; r++)
        {
            if (!merged.TryGetValue(topicIds[r], out var group) || group.From.Count == 0) continue;
            double total = 0;
            var acc = new double[dim];
            for (int k = 0; k < group.From.Count; k++)
            {
                if (!oldRow.TryGetValue(group.From[k], out int o)) continue;
                double w = group.Sizes[k];
                total += w;
                for (int j = 0; j < dim; j++) acc[j] += w * previous[o, j];
            }
            if (total > 0)
                for (int j = 0; j < dim; j++) result[r, j] = (float)(acc[j] / total);
        }
        return result;
    }
}
