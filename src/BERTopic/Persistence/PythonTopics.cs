using System.Text.Json.Nodes;

namespace BERTopicNet.Persistence;

/// <summary>
/// <c>topics.json</c> of a BERTopic safetensors folder: topic words, per-document topics, sizes, the topic
/// mapper's history, labels, custom labels, whether there is an outlier topic, and topic aspects.
/// Dictionaries keep their insertion order, which is the order written.
/// </summary>
public sealed class PythonTopics
{
    /// <summary><c>topic_representations</c>: topic id → (word, score) pairs, best first.</summary>
    public Dictionary<int, IReadOnlyList<(string Word, double Score)>> TopicRepresentations { get; set; } = [];

    /// <summary><c>topics</c>: the topic of each training document.</summary>
    public int[] Topics { get; set; } = [];

    /// <summary><c>topic_sizes</c>: topic id → number of training documents.</summary>
    public Dictionary<int, int> TopicSizes { get; set; } = [];

    /// <summary><c>topic_mapper</c>: one row per original cluster, [original id, id after each step ...].</summary>
    public List<int[]> TopicMapper { get; set; } = [];

    /// <summary><c>topic_labels</c>: topic id → default label ("0_word_word_word_word").</summary>
    public Dictionary<int, string> TopicLabels { get; set; } = [];

    /// <summary><c>custom_labels</c>: one label per topic in id order (including -1 when present), or null.</summary>
    public List<string>? CustomLabels { get; set; }

    /// <summary><c>_outliers</c>: 1 when topic -1 exists (it is then the first row of the topic arrays), else 0.</summary>
    public int Outliers { get; set; }

    /// <summary><c>topic_aspects</c> as read: aspect name → topic id → value (kept, not interpreted).</summary>
    public JsonObject TopicAspects { get; set; } = [];

    /// <summary>The topic ids in row order of the topic arrays (sorted ascending, so -1 comes first).</summary>
    public int[] SortedTopicIds() => TopicRepresentations.Keys.Order().ToArray();

    internal static PythonTopics Parse(JsonObject o, string path)
    {
        var t = new PythonTopics();
        var reps = JsonFields.Object(JsonFields.Required(o, "topic_representations", path), "topic_representations", path);
        foreach (var kv in reps)
        {
            int id = JsonFields.TopicKey(kv.Key, "topic_representations", path);
            var arr = JsonFields.Array(kv.Value, $"topic_representations.{kv.Key}", path);
            var words = new List<(string, double)>(arr.Count);
            for (int i = 0; i < arr.Count; i++)
            {
                string where = $"topic_representations.{kv.Key}[{i}]";
                var pair = JsonFields.Array(arr[i], where, path);
                if (pair.Count != 2) throw new ModelFormatException(path, $"'{where}' has {pair.Count} items, not [word, score].");
                words.Add((JsonFields.String(pair[0], where + "[0]", path), JsonFields.Number(pair[1], where + "[1]", path)));
            }
            t.TopicRepresentations[id] = words;
        }

        var topics = JsonFields.Optional(o, "topics");
        if (topics is not null)
        {
            var arr = JsonFields.Array(topics, "topics", path);
            t.Topics = new int[arr.Count];
            for (int i = 0; i < arr.Count; i++)
            {
                t.Topics[i] = JsonFields.Int32(arr[i], $"topics[{i}]", path);
                if (!t.TopicRepresentations.ContainsKey(t.Topics[i]))
                    throw new ModelFormatException(path, $"'topics[{i}]' = {t.Topics[i]} is not a topic of 'topic_representations'.");
            }
        }

        var sizes = JsonFields.Object(JsonFields.Required(o, "topic_sizes", path), "topic_sizes", path);
        foreach (var kv in sizes)
        {
            int size = JsonFields.Int32(kv.Value, $"topic_sizes.{kv.Key}", path);
            if (size < 0) throw new ModelFormatException(path, $"'topic_sizes.{kv.Key}' = {size} is negative.");
            t.TopicSizes[JsonFields.TopicKey(kv.Key, "topic_sizes", path)] = size;
        }

        if (JsonFields.Optional(o, "topic_mapper") is { } mapper)
        {
            var rows = JsonFields.Array(mapper, "topic_mapper", path);
            for (int i = 0; i < rows.Count; i++)
            {
                var row = JsonFields.Array(rows[i], $"topic_mapper[{i}]", path);
                var r = new int[row.Count];
                for (int j = 0; j < r.Length; j++) r[j] = JsonFields.Int32(row[j], $"topic_mapper[{i}][{j}]", path);
                t.TopicMapper.Add(r);
            }
        }

        if (JsonFields.Optional(o, "topic_labels") is { } labels)
            foreach (var kv in JsonFields.Object(labels, "topic_labels", path))
                t.TopicLabels[JsonFields.TopicKey(kv.Key, "topic_labels", path)] = JsonFields.String(kv.Value, $"topic_labels.{kv.Key}", path);

        if (JsonFields.Optional(o, "custom_labels") is { } custom)
        {
            var arr = JsonFields.Array(custom, "custom_labels", path);
            t.CustomLabels = [];
            for (int i = 0; i < arr.Count; i++) t.CustomLabels.Add(JsonFields.String(arr[i], $"custom_labels[{i}]", path));
        }

        t.Outliers = JsonFields.Optional(o, "_outliers") is { } outl ? JsonFields.Int32(outl, "_outliers", path) : (t.TopicRepresentations.ContainsKey(-1) ? 1 : 0);
        if (t.Outliers is not (0 or 1)) throw new ModelFormatException(path, $"'_outliers' = {t.Outliers}; only 0 and 1 are valid.");

        if (JsonFields.Optional(o, "topic_aspects") is { } aspects)
            t.TopicAspects = (JsonObject)JsonFields.Object(aspects, "topic_aspects", path).DeepClone();
        return t;
    }

    internal string ToJson()
    {
        var w = new PythonJsonWriter().BeginObject();
        w.Key("topic_representations").BeginObject();
        foreach (var kv in TopicRepresentations)
        {
            w.Key(Key(kv.Key)).BeginArray();
            foreach (var (word, score) in kv.Value) w.BeginArray().Value(word).Value(score).EndArray();
            w.EndArray();
        }
        w.EndObject();
        w.Key("topics").BeginArray();
        foreach (var x in Topics) w.Value(x);
        w.EndArray();
        w.Key("topic_sizes").BeginObject();
        foreach (var kv in TopicSizes) w.Key(Key(kv.Key)).Value(kv.Value);
        w.EndObject();
        w.Key("topic_mapper").BeginArray();
        foreach (var row in TopicMapper)
        {
            w.BeginArray();
            foreach (var x in row) w.Value(x);
            w.EndArray();
        }
        w.EndArray();
        w.Key("topic_labels").BeginObject();
        foreach (var kv in TopicLabels) w.Key(Key(kv.Key)).Value(kv.Value);
        w.EndObject();
        w.Key("custom_labels");
        if (CustomLabels is null) w.Null();
        else
        {
            w.BeginArray();
            foreach (var s in CustomLabels) w.Value(s);
            w.EndArray();
        }
        w.Key("_outliers").Value(Outliers);
        w.Key("topic_aspects").Node(TopicAspects);
        return w.EndObject().ToString();
    }

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
