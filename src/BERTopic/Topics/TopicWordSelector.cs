using BERTopicNet.Vectorizers;

namespace BERTopicNet.Topics;

/// <summary>
/// Picks the best words of each topic from the c-TF-IDF matrix as Python BERTopic's
/// <c>_extract_words_per_topic</c> does: the <c>count</c> highest weights of the row, best first, padded with
/// <c>("", 1e-05)</c> where the row has fewer positive weights. Equal weights are ordered by term (column) index.
/// </summary>
internal static class TopicWordSelector
{
    public static Dictionary<int, IReadOnlyList<TopicWord>> Select(TermWeightMatrix cTfidf, IReadOnlyList<string> vocabulary, IReadOnlyList<int> topics, int count)
    {
        var result = new Dictionary<int, IReadOnlyList<TopicWord>>(topics.Count);
        for (int r = 0; r < topics.Count; r++)
        {
            var idx = cTfidf.RowIndices(r);
            var val = cTfidf.RowValues(r);
            var order = new List<int>(idx.Length);
            for (int k = 0; k < idx.Length; k++) if (val[k] > 0) order.Add(k);
            var rowVal = val.ToArray();
            var rowIdx = idx.ToArray();
            order.Sort((a, b) =>
            {
                int c = rowVal[b].CompareTo(rowVal[a]);
                return c != 0 ? c : rowIdx[a].CompareTo(rowIdx[b]);
            });
            var words = new TopicWord[count];
            for (int i = 0; i < count; i++)
                words[i] = i < order.Count ? new TopicWord(vocabulary[rowIdx[order[i]]], rowVal[order[i]]) : TopicWord.Filler;
            result[topics[r]] = words;
        }
        return result;
    }
}
