using BERTopicNet.Numerics;
using BERTopicNet.Operations;

namespace BERTopicNet.Guided;

/// <summary>
/// Guided topic modeling (Python BERTopic 0.17.4's <c>_guided_topic_modeling</c>): each document is labelled with the
/// seed topic whose embedding is most cosine-similar to it, unless the mean document embedding is more similar (then
/// -1); labelled documents are moved a quarter of the way toward their seed topic's embedding.
/// </summary>
internal static class SeedTopicGuide
{
    /// <summary>The weight of the document in a nudged embedding (the seed topic gets 1 − this).</summary>
    public const float DocumentWeight = 0.75f;

    /// <summary>The text embedded for each seed topic: its words joined by a space, as Python does.</summary>
    public static string[] SeedTexts(IReadOnlyList<IReadOnlyList<string>> seedTopics) =>
        [.. seedTopics.Select(words => string.Join(' ', words))];

    /// <summary>All seed words, for the c-TF-IDF boost.</summary>
    public static HashSet<string> SeedWords(IReadOnlyList<IReadOnlyList<string>> seedTopics) =>
        new(seedTopics.SelectMany(w => w), StringComparer.Ordinal);

    /// <summary>Labels and nudges the documents.</summary>
    /// <param name="embeddings">N × D document embeddings (not modified).</param>
    /// <param name="seedEmbeddings">S × D seed topic embeddings.</param>
    /// <returns>The seed topic of each document (-1 = none) and the nudged copy of the embeddings.</returns>
    public static (int[] Labels, float[,] Nudged) Apply(float[,] embeddings, float[,] seedEmbeddings)
    {
        int n = embeddings.GetLength(0), d = embeddings.GetLength(1), s = seedEmbeddings.GetLength(0);
        if (seedEmbeddings.GetLength(1) != d)
            throw new InvalidOperationException($"The seed topics were embedded into {seedEmbeddings.GetLength(1)} dimensions but the documents have {d}; use the same embedding model for both.");
        // numpy's float32 mean over axis 0: rows added one after another in float32, then divided by n.
        var mean = new float[d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) mean[j] += embeddings[i, j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        var targets = new float[s + 1, d];
        for (int k = 0; k < s; k++)
            for (int j = 0; j < d; j++) targets[k, j] = seedEmbeddings[k, j];
        for (int j = 0; j < d; j++) targets[s, j] = mean[j];

        var cosine = new DenseCosine(targets, 0);
        var labels = new int[n];
        var nudged = (float[,])embeddings.Clone();
        Parallel.For(0, n, Parallelism.PerCore(), () => new double[s + 1], (i, _, sims) =>
        {
            cosine.Similarities(MatrixRows.Row(embeddings, i), sims);
            int best = 0;
            for (int k = 1; k <= s; k++) if (sims[k] > sims[best]) best = k;
            labels[i] = best == s ? -1 : best;
            if (best < s)
                for (int j = 0; j < d; j++)
                    nudged[i, j] = (embeddings[i, j] * DocumentWeight) + (seedEmbeddings[best, j] * (1f - DocumentWeight));
            return sims;
        }, _ => { });
        return (labels, nudged);
    }
}
