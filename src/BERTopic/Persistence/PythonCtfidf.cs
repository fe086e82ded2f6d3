using System.Text.Json.Nodes;

namespace BERTopicNet.Persistence;

/// <summary>
/// <c>ctfidf.safetensors</c>: the topics × vocabulary c-TF-IDF matrix in SciPy CSR form (<c>indptr</c>,
/// <c>indices</c> int32; <c>data</c> float64; <c>shape</c> int64[2]) and the IDF diagonal (<c>diag</c>, float64).
/// </summary>
public sealed class PythonCtfidf
{
    /// <summary>Rows (topics, -1 first when present).</summary>
    public int Rows { get; set; }

    /// <summary>Columns (vocabulary size).</summary>
    public int Columns { get; set; }

    /// <summary>CSR row pointers, <see cref="Rows"/> + 1 of them.</summary>
    public int[] IndPtr { get; set; } = [0];

    /// <summary>CSR column indices.</summary>
    public int[] Indices { get; set; } = [];

    /// <summary>CSR values.</summary>
    public double[] Data { get; set; } = [];

    /// <summary>The IDF weight of each vocabulary column.</summary>
    public double[] IdfDiagonal { get; set; } = [];

    /// <summary>The tensors as Python's <c>save_ctfidf</c> writes them.</summary>
    public SafeTensorsFile ToSafeTensors()
    {
        var f = new SafeTensorsFile();
        f.Add(SafeTensor.FromInt32("indptr", IndPtr));
        f.Add(SafeTensor.FromInt32("indices", Indices));
        f.Add(SafeTensor.FromDouble("data", Data));
        f.Add(SafeTensor.FromInt64("shape", [Rows, Columns]));
        f.Add(SafeTensor.FromDouble("diag", IdfDiagonal));
        return f;
    }

    internal static PythonCtfidf FromSafeTensors(SafeTensorsFile f, string path)
    {
        var shape = f["shape"].RequireShape(2).ToInt64Array();
        if (shape[0] is < 0 or > int.MaxValue || shape[1] is < 0 or > int.MaxValue)
            throw new ModelFormatException(path, $"tensor 'shape' = [{shape[0]}, {shape[1]}] is out of range.");
        var c = new PythonCtfidf
        {
            Rows = (int)shape[0],
            Columns = (int)shape[1],
            IndPtr = f["indptr"].RequireShape(shape[0] + 1).ToInt32Array(),
            Indices = f["indices"].RequireShape(-1).ToInt32Array(),
            Data = f["data"].RequireShape(-1).ToDoubleArray(),
            IdfDiagonal = f["diag"].RequireShape(shape[1]).ToDoubleArray(),
        };
        if (c.Indices.Length != c.Data.Length)
            throw new ModelFormatException(path, $"'indices' has {c.Indices.Length} entries but 'data' has {c.Data.Length}.");
        if (c.IndPtr[0] != 0 || c.IndPtr[^1] != c.Data.Length)
            throw new ModelFormatException(path, $"'indptr' must run from 0 to {c.Data.Length} but runs from {c.IndPtr[0]} to {c.IndPtr[^1]}.");
        for (int r = 0; r < c.Rows; r++)
            if (c.IndPtr[r + 1] < c.IndPtr[r]) throw new ModelFormatException(path, $"'indptr' decreases at row {r}.");
        for (int i = 0; i < c.Indices.Length; i++)
            if ((uint)c.Indices[i] >= (uint)c.Columns) throw new ModelFormatException(path, $"'indices[{i}]' = {c.Indices[i]} is outside the {c.Columns} columns.");
        return c;
    }
}

/// <summary>
/// <c>ctfidf_config.json</c>: the c-TF-IDF options and the CountVectorizer's parameters and vocabulary.
/// </summary>
public sealed class PythonCtfidfConfig
{
    /// <summary><c>ctfidf_model.bm25_weighting</c>; default false.</summary>
    public bool Bm25Weighting { get; set; }

    /// <summary><c>ctfidf_model.reduce_frequent_words</c>; default false.</summary>
    public bool ReduceFrequentWords { get; set; }

    /// <summary><c>vectorizer_model.params</c>: scikit-learn CountVectorizer parameters, kept as read (keys sorted when written).</summary>
    public JsonObject VectorizerParams { get; set; } = DefaultVectorizerParams();

    /// <summary><c>vectorizer_model.vocab</c>: word → column of the c-TF-IDF matrix.</summary>
    public Dictionary<string, int> Vocabulary { get; set; } = new(StringComparer.Ordinal);

    /// <summary>scikit-learn 1.x CountVectorizer defaults, less <c>tokenizer</c>, <c>preprocessor</c> and <c>dtype</c> (which BERTopic drops).</summary>
    public static JsonObject DefaultVectorizerParams() => new()
    {
        ["analyzer"] = "word",
        ["binary"] = false,
        ["decode_error"] = "strict",
        ["encoding"] = "utf-8",
        ["input"] = "content",
        ["lowercase"] = true,
        ["max_df"] = 1.0,
        ["max_features"] = null,
        ["min_df"] = 1,
        ["ngram_range"] = new JsonArray(1, 1),
        ["stop_words"] = null,
        ["strip_accents"] = null,
        ["token_pattern"] = "(?u)\\b\\w\\w+\\b",
        ["vocabulary"] = null,
    };

    internal static PythonCtfidfConfig Parse(JsonObject o, string path)
    {
        var c = new PythonCtfidfConfig();
        var model = JsonFields.Object(JsonFields.Required(o, "ctfidf_model", path), "ctfidf_model", path);
        c.Bm25Weighting = JsonFields.Optional(model, "bm25_weighting") is { } b ? JsonFields.Bool(b, "ctfidf_model.bm25_weighting", path) : false;
        c.ReduceFrequentWords = JsonFields.Optional(model, "reduce_frequent_words") is { } r ? JsonFields.Bool(r, "ctfidf_model.reduce_frequent_words", path) : false;
        var vec = JsonFields.Object(JsonFields.Required(o, "vectorizer_model", path), "vectorizer_model", path);
        c.VectorizerParams = (JsonObject)JsonFields.Object(JsonFields.Required(vec, "params", path), "vectorizer_model.params", path).DeepClone();
        var vocab = JsonFields.Object(JsonFields.Required(vec, "vocab", path), "vectorizer_model.vocab", path);
        var used = new bool[vocab.Count];
        foreach (var kv in vocab)
        {
            int index = JsonFields.Int32(kv.Value, "vectorizer_model.vocab", path);
            if ((uint)index >= (uint)vocab.Count) throw new ModelFormatException(path, $"vocabulary index {index} of a word is outside 0..{vocab.Count - 1}.");
            if (used[index]) throw new ModelFormatException(path, $"vocabulary index {index} is given to two words.");
            used[index] = true;
            c.Vocabulary.Add(kv.Key, index);
        }
        return c;
    }

    /// <summary>The vocabulary as an array indexed by column.</summary>
    public string[] VocabularyByColumn()
    {
        var words = new string[Vocabulary.Count];
        foreach (var kv in Vocabulary) words[kv.Value] = kv.Key;
        return words;
    }

    internal string ToJson()
    {
        var w = new PythonJsonWriter().BeginObject();
        w.Key("ctfidf_model").BeginObject()
            .Key("bm25_weighting").Value(Bm25Weighting)
            .Key("reduce_frequent_words").Value(ReduceFrequentWords)
            .EndObject();
        w.Key("vectorizer_model").BeginObject();
        w.Key("params").BeginObject();
        foreach (var kv in VectorizerParams.OrderBy(kv => kv.Key, StringComparer.Ordinal)) { w.Key(kv.Key); w.Node(kv.Value); }
        w.EndObject();
        w.Key("vocab").BeginObject();
        foreach (var kv in Vocabulary) w.Key(kv.Key).Value(kv.Value);
        w.EndObject();
        w.EndObject();
        return w.EndObject().ToString();
    }
}
