using BERTopicNet.Numerics;
using BERTopicNet.Vectorizers;

namespace BERTopicNet.Topics;

/// <summary>
/// Picks the best words of each topic from the c-TF-IDF matrix exactly as Python BERTopic's
/// <c>_extract_words_per_topic</c> does, ties included: SciPy's product with the idf diagonal stores a c-TF-IDF row
/// in descending column order (checked against the golden files, whose ties it reproduces); NumPy's <c>argpartition</c> takes the <c>count</c> largest, padded with
/// empty slots (score 0) when the row is shorter, and <c>argsort</c> (quicksort) orders them; the list is read from
/// the top. Entries with a score of 0 or less become <c>("", 1e-05)</c>.
/// </summary>
internal static class TopicWordSelector
{
    /// <param name="cTfidf">Topics × terms.</param>
    /// <param name="vocabulary">Column terms.</param>
    /// <param name="topics">Topic id of each row.</param>
    /// <param name="count">Words per topic.</param>
    public static Dictionary<int, IReadOnlyList<TopicWord>> Select(TermWeightMatrix cTfidf, IReadOnlyList<string> vocabulary,
        IReadOnlyList<int> topics, int count)
    {
        var selected = new TopicWord[topics.Count][];
        Parallel.For(0, topics.Count, Parallelism.PerCore(), r =>
        {
            // Stored order: descending column (SciPy's product with the idf diagonal).
            selected[r] = Pick(cTfidf.RowIndices(r), cTfidf.RowValues(r), reversed: true, vocabulary, count);
        });
        return ByTopic(selected, topics);
    }

    /// <summary>
    /// The same selection on rows given in SciPy's storage order (the order NumPy's <c>argpartition</c> sees them),
    /// for matrices built by sums and products whose storage order is not the c-TF-IDF one.
    /// </summary>
    /// <param name="rows">Per topic: the stored columns and values, in storage order.</param>
    /// <param name="vocabulary">Column terms.</param>
    /// <param name="topics">Topic id of each row.</param>
    /// <param name="count">Words per topic.</param>
    public static Dictionary<int, IReadOnlyList<TopicWord>> SelectStored(IReadOnlyList<(int[] Columns, double[] Values)> rows,
        IReadOnlyList<string> vocabulary, IReadOnlyList<int> topics, int count)
    {
        var selected = new TopicWord[topics.Count][];
        Parallel.For(0, topics.Count, Parallelism.PerCore(), r =>
        {
            var (idx, val) = rows[r];
            selected[r] = Pick(idx, val, reversed: false, vocabulary, count);
        });
        return ByTopic(selected, topics);
    }

    /// <summary>
    /// One row's words: its nonzero entries in storage order (<paramref name="rowValues"/> read backwards when
    /// <paramref name="reversed"/>; SciPy stores no zeros), NumPy's argpartition of their values, then argsort of the
    /// <paramref name="count"/> slots, read from the top.
    /// </summary>
    private static TopicWord[] Pick(ReadOnlySpan<int> rowColumns, ReadOnlySpan<double> rowValues, bool reversed, IReadOnlyList<string> vocabulary, int count)
    {
        var storedColumns = new int[rowColumns.Length];
        var stored = new double[rowColumns.Length];
        int n = 0;
        for (int i = 0; i < rowColumns.Length; i++)
        {
            int k = reversed ? rowColumns.Length - 1 - i : i;
            if (rowValues[k] == 0) continue;
            storedColumns[n] = rowColumns[k];
            stored[n++] = rowValues[k];
        }
        var values = stored.AsSpan(0, n);
        int pick = Math.Min(count, values.Length);
        var columns = new int[count];
        var scores = new double[count];
        Array.Fill(columns, -1);
        if (pick > 0)
        {
            var part = NumpySort.ArgPartition(values, values.Length - pick);
            for (int i = 0; i < pick; i++)
            {
                int p = part[values.Length - pick + i];
                columns[i] = storedColumns[p];
                scores[i] = values[p];
            }
        }
        var order = NumpySort.ArgQuickSort<double>(scores);
        var words = new TopicWord[count];
        for (int i = 0; i < count; i++)
        {
            int o = order[count - 1 - i];
            words[i] = columns[o] >= 0 && scores[o] > 0 ? new TopicWord(vocabulary[columns[o]], scores[o]) : TopicWord.Filler;
        }
        return words;
    }

    private static Dictionary<int, IReadOnlyList<TopicWord>> ByTopic(TopicWord[][] selected, IReadOnlyList<int> topics)
    {
        var result = new Dictionary<int, IReadOnlyList<TopicWord>>(topics.Count);
        for (int r = 0; r < topics.Count; r++) result[topics[r]] = selected[r];
        return result;
    }
}
