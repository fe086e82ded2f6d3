using System.Text.Json.Nodes;

namespace BERTopicNet.Persistence;

/// <summary>
/// <c>config.json</c> of a BERTopic safetensors folder: the constructor parameters whose names do not contain
/// "model" (Python's <c>get_params()</c>, keys sorted) and, when saved with one, the embedding model's name.
/// Defaults are BERTopic 0.17.4's.
/// </summary>
public sealed class PythonModelConfig
{
    /// <summary><c>calculate_probabilities</c>; default false.</summary>
    public bool CalculateProbabilities { get; set; }

    /// <summary><c>language</c>; default "english" (null when a custom embedding model replaced it).</summary>
    public string? Language { get; set; } = "english";

    /// <summary><c>low_memory</c>; default false.</summary>
    public bool LowMemory { get; set; }

    /// <summary><c>min_topic_size</c>; default 10.</summary>
    public int MinTopicSize { get; set; } = 10;

    /// <summary><c>n_gram_range</c>; default (1, 1).</summary>
    public (int Min, int Max) NGramRange { get; set; } = (1, 1);

    /// <summary><c>nr_topics</c>: null (no reduction, the default), "auto", or a count written as a decimal integer.</summary>
    public string? NrTopics { get; set; }

    /// <summary><c>seed_topic_list</c> as read (a list of word lists) or null (the default).</summary>
    public JsonArray? SeedTopicList { get; set; }

    /// <summary><c>top_n_words</c>; default 10.</summary>
    public int TopNWords { get; set; } = 10;

    /// <summary><c>verbose</c>; default false.</summary>
    public bool Verbose { get; set; }

    /// <summary><c>zeroshot_min_similarity</c>; default 0.7.</summary>
    public double ZeroshotMinSimilarity { get; set; } = 0.7;

    /// <summary><c>zeroshot_topic_list</c> as read (a list of strings) or null (the default).</summary>
    public JsonArray? ZeroshotTopicList { get; set; }

    /// <summary><c>embedding_model</c>: the name of the embedding model saved with the model (e.g.
    /// <c>sentence-transformers/all-MiniLM-L6-v2</c>), or null when none was named.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Keys this version does not know, kept as read and written back in sorted order.</summary>
    public JsonObject Extra { get; } = [];

    private static readonly string[] KnownKeys =
    [
        "calculate_probabilities", "language", "low_memory", "min_topic_size", "n_gram_range", "nr_topics",
        "seed_topic_list", "top_n_words", "verbose", "zeroshot_min_similarity", "zeroshot_topic_list", "embedding_model",
    ];

    internal static PythonModelConfig Parse(JsonObject o, string path)
    {
        var c = new PythonModelConfig();
        JsonNode? Get(string k) => JsonFields.Optional(o, k);
        if (Get("calculate_probabilities") is { } cp) c.CalculateProbabilities = JsonFields.Bool(cp, "calculate_probabilities", path);
        c.Language = o.ContainsKey("language") ? JsonFields.NullableString(Get("language"), "language", path) : c.Language;
        if (Get("low_memory") is { } lm) c.LowMemory = JsonFields.Bool(lm, "low_memory", path);
        if (Get("min_topic_size") is { } mts) c.MinTopicSize = JsonFields.Int32(mts, "min_topic_size", path);
        if (Get("n_gram_range") is { } ng)
        {
            var a = JsonFields.Array(ng, "n_gram_range", path);
            if (a.Count != 2) throw new ModelFormatException(path, $"'n_gram_range' has {a.Count} numbers, not 2.");
            c.NGramRange = (JsonFields.Int32(a[0], "n_gram_range[0]", path), JsonFields.Int32(a[1], "n_gram_range[1]", path));
            if (c.NGramRange.Min < 1 || c.NGramRange.Max < c.NGramRange.Min)
                throw new ModelFormatException(path, $"'n_gram_range' [{c.NGramRange.Min}, {c.NGramRange.Max}] is not a valid range.");
        }
        switch (Get("nr_topics"))
        {
            case null: break;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String:
                c.NrTopics = v.GetValue<string>();
                if (c.NrTopics != "auto") throw new ModelFormatException(path, $"'nr_topics' is \"{c.NrTopics}\"; only \"auto\", an integer or null are valid.");
                break;
            case var n: c.NrTopics = JsonFields.Integer(n, "nr_topics", path).ToString(System.Globalization.CultureInfo.InvariantCulture); break;
        }
        if (Get("seed_topic_list") is { } stl) c.SeedTopicList = (JsonArray)JsonFields.Array(stl, "seed_topic_list", path).DeepClone();
        if (Get("top_n_words") is { } tnw) c.TopNWords = JsonFields.Int32(tnw, "top_n_words", path);
        if (Get("verbose") is { } vb) c.Verbose = JsonFields.Bool(vb, "verbose", path);
        if (Get("zeroshot_min_similarity") is { } zms) c.ZeroshotMinSimilarity = JsonFields.Number(zms, "zeroshot_min_similarity", path);
        if (Get("zeroshot_topic_list") is { } ztl) c.ZeroshotTopicList = (JsonArray)JsonFields.Array(ztl, "zeroshot_topic_list", path).DeepClone();
        c.EmbeddingModel = JsonFields.NullableString(Get("embedding_model"), "embedding_model", path);
        foreach (var kv in o)
            if (Array.IndexOf(KnownKeys, kv.Key) < 0) c.Extra[kv.Key] = kv.Value?.DeepClone();
        return c;
    }

    internal string ToJson()
    {
        var entries = new SortedDictionary<string, Action<PythonJsonWriter>>(StringComparer.Ordinal)
        {
            ["calculate_probabilities"] = w => w.Value(CalculateProbabilities),
            ["language"] = w => w.Value(Language),
            ["low_memory"] = w => w.Value(LowMemory),
            ["min_topic_size"] = w => w.Value(MinTopicSize),
            ["n_gram_range"] = w => w.BeginArray().Value(NGramRange.Min).Value(NGramRange.Max).EndArray(),
            ["nr_topics"] = w =>
            {
                if (NrTopics is null) w.Null();
                else if (NrTopics == "auto") w.Value("auto");
                else w.Value(long.Parse(NrTopics, System.Globalization.CultureInfo.InvariantCulture));
            },
            ["seed_topic_list"] = w => w.Node(SeedTopicList),
            ["top_n_words"] = w => w.Value(TopNWords),
            ["verbose"] = w => w.Value(Verbose),
            ["zeroshot_min_similarity"] = w => w.Value(ZeroshotMinSimilarity),
            ["zeroshot_topic_list"] = w => w.Node(ZeroshotTopicList),
        };
        foreach (var kv in Extra)
        {
            var value = kv.Value;
            entries.TryAdd(kv.Key, w => w.Node(value));
        }
        var writer = new PythonJsonWriter().BeginObject();
        foreach (var kv in entries) { writer.Key(kv.Key); kv.Value(writer); }
        if (EmbeddingModel is not null) writer.Key("embedding_model").Value(EmbeddingModel);
        return writer.EndObject().ToString();
    }
}
