using System.Globalization;
using System.Text.Json.Nodes;
using BERTopicNet.Persistence;

namespace BERTopicNet;

/// <summary>Saving and loading the state of guided and zero-shot fits.</summary>
public sealed partial class BERTopic
{
    private const string ZeroShotEmbeddingsFileName = "zeroshot_label_embeddings.safetensors";

    /// <summary>Python's config.json fields of a guided or zero-shot model (seed_topic_list, zeroshot_topic_list, zeroshot_min_similarity).</summary>
    private void WriteSteeringConfig(PythonModelConfig config)
    {
        if (Options.SeedTopicList is { } seeds)
            config.SeedTopicList = new JsonArray([.. seeds.Select(words => (JsonNode?)new JsonArray([.. words.Select(w => (JsonNode?)w)]))]);
        if (Options.ZeroShotTopicList is { } labels)
        {
            config.ZeroshotTopicList = new JsonArray([.. labels.Select(l => (JsonNode?)l)]);
            config.ZeroshotMinSimilarity = Options.ZeroShotMinSimilarity;
        }
    }

    /// <summary>Our manifest entry for zero-shot topics: the labels, which topic carries which, and the label vectors.</summary>
    private void WriteZeroShotState(JsonObject m, string dir)
    {
        if (_zeroShotLabels is null)
        {
            m["zero_shot"] = null;
            return;
        }
        var topics = new JsonObject();
        foreach (var (topic, label) in _zeroShotTopics.OrderBy(kv => kv.Key)) topics[topic.ToString(CultureInfo.InvariantCulture)] = label;
        var o = new JsonObject
        {
            ["labels"] = new JsonArray([.. _zeroShotLabels.Select(l => (JsonNode?)l)]),
            ["topics"] = topics,
            ["mapper_column"] = _zeroShotColumn,
            ["label_embeddings"] = null,
        };
        if (_zeroShotLabelEmbeddings is { } e)
        {
            new SafeTensorsFile().Add(SafeTensor.FromMatrix("label_embeddings", e)).Save(Path.Combine(dir, ZeroShotEmbeddingsFileName));
            o["label_embeddings"] = ZeroShotEmbeddingsFileName;
        }
        m["zero_shot"] = o;
    }

    /// <summary>Reads our manifest's zero-shot entry (absent or null: none).</summary>
    private void ReadZeroShotState(JsonObject m, string dir, string mpath)
    {
        if (JsonFields.Optional(m, "zero_shot") is not { } node) return;
        var o = JsonFields.Object(node, "model.zero_shot", mpath);
        var labels = JsonFields.Array(JsonFields.Required(o, "labels", mpath), "model.zero_shot.labels", mpath)
            .Select((l, i) => JsonFields.String(l, $"model.zero_shot.labels[{i}]", mpath)).ToArray();
        var topics = new Dictionary<int, int>();
        foreach (var (key, value) in JsonFields.Object(JsonFields.Required(o, "topics", mpath), "model.zero_shot.topics", mpath))
        {
            int topic = JsonFields.TopicKey(key, "model.zero_shot.topics", mpath);
            int label = JsonFields.Int32(value, $"model.zero_shot.topics.{key}", mpath);
            if (label < 0 || label >= labels.Length)
                throw new ModelFormatException(mpath, $"'model.zero_shot.topics.{key}' = {label} is not the index of one of the {labels.Length} labels.");
            topics[topic] = label;
        }
        int column = JsonFields.Int32(JsonFields.Required(o, "mapper_column", mpath), "model.zero_shot.mapper_column", mpath);
        if (column < 0) throw new ModelFormatException(mpath, $"'model.zero_shot.mapper_column' = {column} is negative.");
        float[,]? embeddings = null;
        if (JsonFields.Optional(o, "label_embeddings") is { } en)
        {
            string file = PlainFileName(JsonFields.String(en, "model.zero_shot.label_embeddings", mpath), "model.zero_shot.label_embeddings", mpath);
            embeddings = SafeTensorsFile.Read(Path.Combine(dir, file))["label_embeddings"].RequireShape(labels.Length, -1).ToSingleMatrix();
        }
        _zeroShotLabels = labels;
        _zeroShotTopics = topics;
        _zeroShotColumn = column;
        _zeroShotLabelEmbeddings = embeddings;
    }

    /// <summary>
    /// A folder saved by Python holds no zero-shot bookkeeping, only topic_labels: a topic whose saved label is one of
    /// config.json's zeroshot_topic_list carries that label.
    /// </summary>
    private void RecoverZeroShotFromPythonLabels(PythonModelFolder py)
    {
        if (Options.ZeroShotTopicList is not { } labels) return;
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var topics = new Dictionary<int, int>();
        foreach (var (topic, label) in py.Topics.TopicLabels)
            if (index.TryGetValue(label, out int i)) topics[topic] = i;
        if (topics.Count == 0) return;
        _zeroShotLabels = [.. labels];
        _zeroShotTopics = topics;
        _zeroShotColumn = _mapper!.History.Count > 0 ? _mapper.History[0].Count : 0;
    }

    /// <summary>config.json's seed_topic_list and zeroshot_topic_list as options (null when absent).</summary>
    private static (IReadOnlyList<IReadOnlyList<string>>? Seeds, IReadOnlyList<string>? ZeroShot) SteeringFromConfig(PythonModelConfig c, string configPath)
    {
        IReadOnlyList<IReadOnlyList<string>>? seeds = c.SeedTopicList is { } st
            ? [.. st.Select((l, i) => (IReadOnlyList<string>)[.. JsonFields.Array(l, $"seed_topic_list[{i}]", configPath)
                .Select((w, j) => JsonFields.String(w, $"seed_topic_list[{i}][{j}]", configPath))])]
            : null;
        IReadOnlyList<string>? zeroShot = c.ZeroshotTopicList is { } zt
            ? [.. zt.Select((l, i) => JsonFields.String(l, $"zeroshot_topic_list[{i}]", configPath))]
            : null;
        if (!(c.ZeroshotMinSimilarity >= -1 && c.ZeroshotMinSimilarity <= 1))
            throw new ModelFormatException(configPath, $"'zeroshot_min_similarity' = {c.ZeroshotMinSimilarity} is not a cosine similarity in [-1, 1].");
        if (seeds is { Count: 0 } || seeds?.Any(s => s.Count == 0) == true)
            throw new ModelFormatException(configPath, "'seed_topic_list' holds no words for a topic.");
        if (zeroShot is { Count: 0 })
            throw new ModelFormatException(configPath, "'zeroshot_topic_list' is empty.");
        return (seeds, zeroShot);
    }
}
