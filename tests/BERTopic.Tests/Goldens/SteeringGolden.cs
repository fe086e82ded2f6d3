using System.Text.Json;
using BERTopicNet.Embedding;

namespace BERTopicNet.Tests.Goldens;

/// <summary>steering.json, written by make_steering.py with Python BERTopic 0.17.4: the synthetic corpus, its vectors and Python's fits.</summary>
internal sealed class SteeringGolden
{
    private static readonly Lazy<SteeringGolden> Instance = new(() => new SteeringGolden(
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Goldens", "steering.json"))).RootElement));

    private SteeringGolden(JsonElement root)
    {
        Root = root;
        Docs = [.. root.GetProperty("docs").EnumerateArray().Select(e => e.GetString()!)];
        Labels = [.. root.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32())];
        Embeddings = Matrix(root.GetProperty("embeddings"));
        TextVectors = root.GetProperty("text_vectors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray());
    }

    public static SteeringGolden Load() => Instance.Value;

    public JsonElement Root { get; }
    public string[] Docs { get; }
    public int[] Labels { get; }
    public float[,] Embeddings { get; }
    public Dictionary<string, float[]> TextVectors { get; }

    public JsonElement Case(string name) => Root.GetProperty("cases").GetProperty(name);

    /// <summary>The embedding model both sides share: looks the texts (labels, seed topics) up.</summary>
    public IEmbeddingModel Embedder => new LookupEmbedder(TextVectors);

    public static float[,] Matrix(JsonElement rows)
    {
        var list = rows.EnumerateArray().Select(r => r.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray()).ToList();
        var m = new float[list.Count, list.Count == 0 ? 0 : list[0].Length];
        for (int i = 0; i < list.Count; i++)
            for (int j = 0; j < list[i].Length; j++) m[i, j] = list[i][j];
        return m;
    }
}

/// <summary>An embedding model that returns fixed vectors for known texts (the tests' stand-in for a sentence encoder).</summary>
internal sealed class LookupEmbedder(IReadOnlyDictionary<string, float[]> vectors) : IEmbeddingModel
{
    public string Name => "lookup";

    public int Calls { get; private set; }

    public float[,] Embed(IReadOnlyList<string> documents, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        int d = vectors.Values.First().Length;
        var m = new float[documents.Count, d];
        for (int i = 0; i < documents.Count; i++)
        {
            if (!vectors.TryGetValue(documents[i], out var v)) throw new KeyNotFoundException($"No vector for '{documents[i]}'.");
            for (int j = 0; j < d; j++) m[i, j] = v[j];
        }
        return m;
    }
}
