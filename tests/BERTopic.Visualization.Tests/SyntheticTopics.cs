using BERTopicNet.Umap;
using BERTopicNet.Visualization;

namespace BERTopicNet.Visualization.Tests;

/// <summary>Seeded synthetic topic models: clustered embeddings, Zipf-like word scores, sparse c-TF-IDF rows.</summary>
internal static class SyntheticTopics
{
    /// <summary>
    /// <paramref name="topics"/> topics (plus -1 when <paramref name="withOutliers"/>), <paramref name="docs"/>
    /// documents whose embeddings sit around their topic's centre, <paramref name="words"/> words per topic.
    /// </summary>
    public static (TopicChartData Data, float[,] DocEmbeddings, string[] Docs) Create(int topics, int docs, int dim = 16, int words = 10, bool withOutliers = true, int seed = 1)
    {
        var rng = new Random(seed);
        var centres = new float[topics, dim];
        for (int t = 0; t < topics; t++)
            for (int c = 0; c < dim; c++) centres[t, c] = (float)(rng.NextDouble() * 2 - 1);

        // Sizes decrease with the topic id, as BERTopic numbers topics; -1 takes about a fifth of the docs.
        var docTopics = new int[docs];
        for (int i = 0; i < docs; i++)
        {
            if (withOutliers && rng.NextDouble() < 0.2) { docTopics[i] = -1; continue; }
            double u = rng.NextDouble();
            docTopics[i] = Math.Min(topics - 1, (int)(topics * u * u));
        }
        var emb = new float[docs, dim];
        var texts = new string[docs];
        for (int i = 0; i < docs; i++)
        {
            int t = docTopics[i];
            for (int c = 0; c < dim; c++)
                emb[i, c] = (t >= 0 ? centres[t, c] : 0f) + (float)(rng.NextDouble() - 0.5) * (t >= 0 ? 0.3f : 2f);
            texts[i] = $"Document {i} about topic {t} <b>with</b> \"quotes\" & </script> marks";
        }

        var ids = new List<int>();
        if (withOutliers) ids.Add(-1);
        ids.AddRange(Enumerable.Range(0, topics));
        var sizes = ids.Select(t => docTopics.Count(x => x == t)).ToArray();
        var wordLists = ids.Select(t => (IReadOnlyList<TopicWord>)Enumerable.Range(0, words)
            .Select(k => new TopicWord($"w{(t + 1) * 7 + k}_{t}", 0.1f / (k + 1) + 0.001f * (t + 2)))
            .ToArray()).ToArray();

        var topicEmb = new float[ids.Count, dim];
        for (int r = 0; r < ids.Count; r++)
            for (int c = 0; c < dim; c++) topicEmb[r, c] = ids[r] >= 0 ? centres[ids[r], c] : 0.01f;

        // c-TF-IDF: each topic puts weight on its own words and on a few of its neighbour's.
        int vocab = (topics + 2) * words * 2;
        var indPtr = new List<int> { 0 };
        var indices = new List<int>();
        var values = new List<float>();
        for (int r = 0; r < ids.Count; r++)
        {
            var row = new SortedDictionary<int, float>();
            int baseCol = (ids[r] + 1) * words;
            for (int k = 0; k < words; k++) row[baseCol + k] = 0.1f / (k + 1);
            for (int k = 0; k < 3; k++) row[(baseCol + words + k) % vocab] = 0.02f;
            foreach (var (col, v) in row) { indices.Add(col); values.Add(v); }
            indPtr.Add(indices.Count);
        }
        var ctfidf = new CsrMatrix(ids.Count, vocab, indPtr.ToArray(), indices.ToArray(), values.ToArray());

        var data = new TopicChartData(ids, sizes, wordLists)
        {
            TopicEmbeddings = topicEmb,
            CTfIdf = ctfidf,
            DocumentTopics = docTopics,
        };
        return (data, emb, texts);
    }
}
