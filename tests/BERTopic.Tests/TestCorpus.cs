namespace BERTopicNet.Tests;

/// <summary>A small generated corpus: three themes of different sizes plus a few outliers, with toy embeddings.</summary>
internal static class TestCorpus
{
    public static readonly string[][] Themes =
    [
        ["space", "rocket", "orbit", "nasa", "launch", "moon"],
        ["football", "goal", "match", "league", "player", "coach"],
        ["bread", "flour", "oven", "yeast", "bake", "dough"],
    ];

    /// <summary>Documents, their theme labels (-1 for noise docs) and 4-d embeddings near each theme's axis.</summary>
    public static (string[] Docs, int[] Labels, float[,] Embeddings) Create(int[] sizes, int noise = 2, int seed = 1)
    {
        var rng = new Random(seed);
        var docs = new List<string>();
        var labels = new List<int>();
        for (int t = 0; t < sizes.Length; t++)
            for (int i = 0; i < sizes[t]; i++)
            {
                var words = Enumerable.Range(0, 8).Select(_ => Themes[t][rng.Next(Themes[t].Length)]);
                docs.Add($"Doc {i}: " + string.Join(' ', words) + (i % 3 == 0 ? " and the" : "."));
                labels.Add(t);
            }
        for (int i = 0; i < noise; i++) { docs.Add("misc text number " + i); labels.Add(-1); }
        // Interleave so that first appearance differs from label order.
        var order = Enumerable.Range(0, docs.Count).OrderBy(_ => rng.Next()).ToArray();
        var emb = new float[docs.Count, 4];
        for (int r = 0; r < order.Length; r++)
        {
            int l = labels[order[r]];
            for (int j = 0; j < 4; j++) emb[r, j] = (float)(rng.NextDouble() * 0.1 + (l == j || (l == -1 && j == 3) ? 1 : 0));
        }
        return ([.. order.Select(i => docs[i])], [.. order.Select(i => labels[i])], emb);
    }
}
