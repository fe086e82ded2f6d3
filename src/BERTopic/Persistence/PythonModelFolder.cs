namespace BERTopicNet.Persistence;

/// <summary>
/// The files of Python BERTopic 0.17.4's <c>save(path, serialization="safetensors", save_ctfidf=True)</c>:
/// <c>config.json</c>, <c>topics.json</c>, <c>topic_embeddings.safetensors</c> and, optionally,
/// <c>ctfidf.safetensors</c> + <c>ctfidf_config.json</c>. Reading validates every file and the consistency
/// between them; writing produces the same keys and tensor layouts Python writes.
/// </summary>
public sealed class PythonModelFolder
{
    /// <summary><c>config.json</c>.</summary>
    public const string ConfigFileName = "config.json";
    /// <summary><c>topics.json</c>.</summary>
    public const string TopicsFileName = "topics.json";
    /// <summary><c>topic_embeddings.safetensors</c>.</summary>
    public const string TopicEmbeddingsFileName = "topic_embeddings.safetensors";
    /// <summary><c>ctfidf.safetensors</c>.</summary>
    public const string CtfidfFileName = "ctfidf.safetensors";
    /// <summary><c>ctfidf_config.json</c>.</summary>
    public const string CtfidfConfigFileName = "ctfidf_config.json";
    /// <summary>The tensor name inside <c>topic_embeddings.safetensors</c>.</summary>
    public const string TopicEmbeddingsTensorName = "topic_embeddings";

    /// <summary>The model's parameters.</summary>
    public PythonModelConfig Config { get; set; } = new();

    /// <summary>The topics.</summary>
    public PythonTopics Topics { get; set; } = new();

    /// <summary>Topic embeddings, one row per topic in ascending id order (-1 first when present).</summary>
    public float[,] TopicEmbeddings { get; set; } = new float[0, 0];

    /// <summary>The c-TF-IDF matrix, or null when it was not saved.</summary>
    public PythonCtfidf? Ctfidf { get; set; }

    /// <summary>The c-TF-IDF and vectorizer configuration, or null when it was not saved.</summary>
    public PythonCtfidfConfig? CtfidfConfig { get; set; }

    /// <summary>True when <paramref name="directory"/> looks like a BERTopic safetensors folder (has config.json and topics.json).</summary>
    public static bool IsModelFolder(string directory) =>
        Directory.Exists(directory) && File.Exists(Path.Combine(directory, ConfigFileName)) && File.Exists(Path.Combine(directory, TopicsFileName));

    /// <summary>Reads and validates a folder.</summary>
    /// <exception cref="ModelFormatException">A file is missing, malformed, or inconsistent with the others.</exception>
    public static PythonModelFolder Read(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory)) throw new ModelFormatException(directory, "the model folder does not exist.");
        string P(string name) => Path.Combine(directory, name);

        var folder = new PythonModelFolder
        {
            Config = PythonModelConfig.Parse(JsonFields.ReadObjectFile(P(ConfigFileName)), P(ConfigFileName)),
            Topics = PythonTopics.Parse(JsonFields.ReadObjectFile(P(TopicsFileName)), P(TopicsFileName)),
        };
        if (!File.Exists(P(TopicEmbeddingsFileName)))
        {
            string hint = File.Exists(P("topic_embeddings.bin"))
                ? " (the folder holds topic_embeddings.bin, a PyTorch pickle, which is not read because loading it could run code; re-save it in Python with serialization=\"safetensors\")"
                : "";
            throw new ModelFormatException(P(TopicEmbeddingsFileName), "the file is missing" + hint + ".");
        }
        var emb = SafeTensorsFile.Read(P(TopicEmbeddingsFileName));
        int nTopics = folder.Topics.TopicRepresentations.Count;
        folder.TopicEmbeddings = emb[TopicEmbeddingsTensorName].RequireShape(nTopics, -1).ToSingleMatrix();

        bool hasCtfidf = File.Exists(P(CtfidfFileName)), hasCtfidfConfig = File.Exists(P(CtfidfConfigFileName));
        if (hasCtfidf != hasCtfidfConfig)
            throw new ModelFormatException(hasCtfidf ? P(CtfidfConfigFileName) : P(CtfidfFileName),
                $"the file is missing while {(hasCtfidf ? CtfidfFileName : CtfidfConfigFileName)} is present; both are written together.");
        if (hasCtfidf)
        {
            folder.Ctfidf = PythonCtfidf.FromSafeTensors(SafeTensorsFile.Read(P(CtfidfFileName)), P(CtfidfFileName));
            folder.CtfidfConfig = PythonCtfidfConfig.Parse(JsonFields.ReadObjectFile(P(CtfidfConfigFileName)), P(CtfidfConfigFileName));
            if (folder.Ctfidf.Rows != nTopics)
                throw new ModelFormatException(P(CtfidfFileName), $"the c-TF-IDF matrix has {folder.Ctfidf.Rows} rows but topics.json has {nTopics} topics.");
            if (folder.Ctfidf.Columns != folder.CtfidfConfig.Vocabulary.Count)
                throw new ModelFormatException(P(CtfidfFileName), $"the c-TF-IDF matrix has {folder.Ctfidf.Columns} columns but the vocabulary of {CtfidfConfigFileName} has {folder.CtfidfConfig.Vocabulary.Count} words.");
        }
        folder.Validate(directory);
        return folder;
    }

    private void Validate(string directory)
    {
        string topicsPath = Path.Combine(directory, TopicsFileName);
        var ids = Topics.SortedTopicIds();
        if (Topics.Outliers == 1 && (ids.Length == 0 || ids[0] != -1))
            throw new ModelFormatException(topicsPath, "'_outliers' is 1 but there is no topic -1.");
        for (int i = 0; i < ids.Length; i++)
        {
            int expected = i - Topics.Outliers;
            if (ids[i] != expected && !(Topics.Outliers == 0 && ids[i] == -1))
                throw new ModelFormatException(topicsPath, $"topic ids must run {(Topics.Outliers == 1 ? "-1, 0, 1, ..." : "0, 1, ...")} without gaps but {expected} is missing.");
        }
        if (Topics.CustomLabels is { } custom && custom.Count != ids.Length)
            throw new ModelFormatException(topicsPath, $"'custom_labels' has {custom.Count} labels for {ids.Length} topics.");
    }

    /// <summary>Writes the files into <paramref name="directory"/> (created if needed; existing files of these names are replaced).</summary>
    public void Write(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (TopicEmbeddings.GetLength(0) != Topics.TopicRepresentations.Count)
            throw new InvalidOperationException($"TopicEmbeddings has {TopicEmbeddings.GetLength(0)} rows but there are {Topics.TopicRepresentations.Count} topics.");
        if ((Ctfidf is null) != (CtfidfConfig is null))
            throw new InvalidOperationException("Ctfidf and CtfidfConfig are written together: set both or neither.");
        WriteDataFiles(directory);
        WriteText(Path.Combine(directory, ConfigFileName), Config.ToJson());
    }

    /// <summary>Writes every file except config.json (which marks a complete folder and is written last).</summary>
    internal void WriteDataFiles(string directory)
    {
        if (TopicEmbeddings.GetLength(0) != Topics.TopicRepresentations.Count)
            throw new InvalidOperationException($"TopicEmbeddings has {TopicEmbeddings.GetLength(0)} rows but there are {Topics.TopicRepresentations.Count} topics.");
        if ((Ctfidf is null) != (CtfidfConfig is null))
            throw new InvalidOperationException("Ctfidf and CtfidfConfig are written together: set both or neither.");
        Directory.CreateDirectory(directory);
        WriteText(Path.Combine(directory, TopicsFileName), Topics.ToJson());
        new SafeTensorsFile().Add(SafeTensor.FromMatrix(TopicEmbeddingsTensorName, TopicEmbeddings)).Save(Path.Combine(directory, TopicEmbeddingsFileName));
        if (Ctfidf is not null && CtfidfConfig is not null)
        {
            Ctfidf.ToSafeTensors().Save(Path.Combine(directory, CtfidfFileName));
            WriteText(Path.Combine(directory, CtfidfConfigFileName), CtfidfConfig.ToJson());
        }
    }

    internal static void WriteText(string path, string text) => WriteBytes(path, new System.Text.UTF8Encoding(false).GetBytes(text));

    internal static void WriteBytes(string path, byte[] bytes)
    {
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        fs.Write(bytes);
        fs.Flush(flushToDisk: true);
    }
}
