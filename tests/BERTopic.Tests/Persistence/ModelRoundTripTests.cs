using System.Buffers.Binary;
using System.Text.Json;
using BERTopicNet.Clustering;
using BERTopicNet.Embedding;
using BERTopicNet.Persistence;
using BERTopicNet.Reduction;
using BERTopicNet.Testing;
using BERTopicNet.Vectorizers;

namespace BERTopicNet.Tests.Persistence;

public sealed class ModelRoundTripTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("bertopic-save-");

    public void Dispose() => _root.Delete(recursive: true);

    private string PathFor(string name) => Path.Combine(_root.FullName, name);

    /// <summary>A small corpus of three themes plus noise, with matching synthetic embeddings and labels (-1 for noise).</summary>
    internal static (List<string> Docs, float[,] Embeddings, int[] Labels) Corpus(int perTheme = 30, int seed = 7)
    {
        string[][] themes =
        [
            ["football", "goal", "match", "league", "striker", "coach", "season", "cup"],
            ["market", "shares", "profit", "bank", "economy", "growth", "inflation", "investors"],
            ["film", "actor", "award", "director", "cinema", "oscar", "premiere", "festival"],
        ];
        string[] common = ["the", "and", "said", "year", "new", "people", "über", "naïve"];
        var rng = new Random(seed);
        var docs = new List<string>();
        var labels = new List<int>();
        int dim = 16;
        var rows = new List<float[]>();
        for (int t = 0; t <= themes.Length; t++)
        {
            int count = t == themes.Length ? perTheme / 3 : perTheme + 5 * t;
            for (int i = 0; i < count; i++)
            {
                var words = new List<string>();
                for (int w = 0; w < 12; w++)
                    words.Add(t < themes.Length && rng.Next(3) > 0 ? themes[t][rng.Next(themes[t].Length)] : common[rng.Next(common.Length)]);
                docs.Add(string.Join(' ', words) + (i % 5 == 0 ? "\n\"quoted\" – ✓" : ""));
                labels.Add(t < themes.Length ? t : -1);
                var v = new float[dim];
                for (int d = 0; d < dim; d++) v[d] = (float)(rng.NextDouble() - 0.5) * 0.3f + (t < themes.Length && d % 3 == t ? 1f : 0f);
                float norm = MathF.Sqrt(v.Sum(x => x * x));
                rows.Add([.. v.Select(x => x / norm)]);
            }
        }
        var e = new float[rows.Count, dim];
        for (int i = 0; i < rows.Count; i++) for (int d = 0; d < dim; d++) e[i, d] = rows[i][d];
        return (docs, e, [.. labels]);
    }

    /// <summary>A clusterer that reports strengths (so that probabilities exist) and cannot be saved.</summary>
    private sealed class StrengthClusterer : IClusterer
    {
        public ClusterAssignment Fit(float[,] points, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
            new([.. y!], [.. Enumerable.Range(0, y!.Length).Select(i => 0.5f + (i % 7) / 14f)]);
    }

    private sealed class FakeEmbedder(string name) : IEmbeddingModel
    {
        public string Name => name;
        public float[,] Embed(IReadOnlyList<string> documents, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
            new float[documents.Count, 16];
    }

    internal static BERTopic FitManual(IClusterer? clusterer = null, CountVectorizerOptions? vectorizer = null, ClassTfidfOptions? ctfidf = null)
    {
        var (docs, emb, y) = Corpus();
        var model = new BERTopic(new BERTopicOptions
        {
            UmapModel = new NoDimensionalityReduction(),
            HdbscanModel = clusterer ?? new ManualClusterer(),
            VectorizerModel = vectorizer is null ? null : new CountVectorizer(vectorizer),
            CtfidfModel = ctfidf is null ? null : new ClassTfidfTransformer(ctfidf),
            EmbeddingModel = new FakeEmbedder("my-org/my-embedder"),
            Seed = 1234,
        });
        model.FitTransform(docs, emb, y);
        return model;
    }

    private static void AssertSameModel(BERTopic a, BERTopic b)
    {
        Assert.Equal(a.DocumentTopics, b.DocumentTopics);
        Assert.Equal(a.TopicSizes, b.TopicSizes);
        Assert.Equal(a.TopicIds, b.TopicIds);
        Assert.Equal(a.GetTopics().Keys, b.GetTopics().Keys);
        foreach (var (topic, words) in a.GetTopics()) Assert.Equal(words, b.GetTopic(topic));
        Assert.Equal(a.TopicLabels, b.TopicLabels);
        Assert.Equal(a.CustomLabels, b.CustomLabels);
        Assert.Equal(a.GetTopicInfo(), b.GetTopicInfo(), (x, y) => x.Topic == y.Topic && x.Count == y.Count && x.Name == y.Name && x.CustomName == y.CustomName
            && x.Representation.SequenceEqual(y.Representation) && x.RepresentativeDocs.SequenceEqual(y.RepresentativeDocs));
        Assert.Equal(a.GetTopicFreq(), b.GetTopicFreq());
        Assert.Equal(a.TopicEmbeddings, b.TopicEmbeddings);
        Assert.Equal(a.Vocabulary, b.Vocabulary);
        Assert.Equal(a.CTfidf.IndPtr, b.CTfidf.IndPtr);
        Assert.Equal(a.CTfidf.Indices, b.CTfidf.Indices);
        Assert.Equal(a.CTfidf.Values, b.CTfidf.Values);
        Assert.Equal(a.CtfidfModel.Idf, b.CtfidfModel.Idf);
        Assert.Equal(a.TopicMappingHistory.Select(r => r.ToArray()), b.TopicMappingHistory.Select(r => r.ToArray()));
        Assert.Equal(a.Probabilities?.PerDocument, b.Probabilities?.PerDocument);
        Assert.Equal(a.Probabilities?.Matrix, b.Probabilities?.Matrix);
        Assert.Equal(a.Options.Seed, b.Options.Seed);
        Assert.Equal(a.TopNWords, b.TopNWords);
        Assert.Equal(a.Options.NGramRange, b.Options.NGramRange);
        Assert.Equal(a.Options.NrTopics, b.Options.NrTopics);
    }

    [Fact]
    public void RoundTripRestoresTopicsWordsLabelsAndDocuments()
    {
        var model = FitManual();
        model.SetTopicLabels(new Dictionary<int, string> { [0] = "Sport ⚽", [2] = "Film \"and\" cinema" });
        string dir = PathFor("model");
        model.Save(dir);
        var loaded = BERTopic.Load(dir, new FakeEmbedder("x"));
        AssertSameModel(model, loaded);
        Assert.Equal(model.GetRepresentativeDocs(), loaded.GetRepresentativeDocs());
        Assert.IsType<NoDimensionalityReduction>(loaded.Reducer);
        Assert.IsType<ManualClusterer>(loaded.Clusterer);

        // Saving the loaded model again writes identical bytes: nothing was lost or reordered.
        string again = PathFor("again");
        loaded.Save(again, new SaveOptions { EmbeddingModelName = "my-org/my-embedder" });
        foreach (var file in Directory.GetFiles(dir).Select(Path.GetFileName))
            Assert.Equal(File.ReadAllText(Path.Combine(dir, file!)), File.ReadAllText(Path.Combine(again, file!)));
        Assert.Equal(Directory.GetFiles(dir).Length, Directory.GetFiles(again).Length);
    }

    [Fact]
    public void RoundTripKeepsProbabilitiesAndSettings()
    {
        var model = FitManual(new StrengthClusterer(),
            new CountVectorizerOptions { StopWords = StopWordLists.English, NGramRange = (1, 2), MinDf = 2, MaxDf = 0.95 },
            new ClassTfidfOptions { Bm25Weighting = true, ReduceFrequentWords = true });
        Assert.NotNull(model.Probabilities);
        string dir = PathFor("probs");
        model.Save(dir);
        var loaded = BERTopic.Load(dir, new FakeEmbedder("x"));
        AssertSameModel(model, loaded);
        var cv = Assert.IsType<CountVectorizer>(loaded.Vectorizer);
        Assert.Equal(new NGramRange(1, 2), cv.Options.NGramRange);
        Assert.True(cv.Options.StopWords!.ToHashSet().SetEquals(StopWordLists.English));
        Assert.Equal(DocumentFrequencyLimit.Count(2), cv.Options.MinDf);
        Assert.Equal(DocumentFrequencyLimit.Fraction(0.95), cv.Options.MaxDf);
        Assert.True(loaded.CtfidfModel.Options.Bm25Weighting);
        Assert.True(loaded.CtfidfModel.Options.ReduceFrequentWords);

        // Python's ctfidf_config.json describes the same vectorizer in scikit-learn's terms.
        using var cfg = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "ctfidf_config.json")));
        var p = cfg.RootElement.GetProperty("vectorizer_model").GetProperty("params");
        Assert.Equal("english", p.GetProperty("stop_words").GetString());
        Assert.Equal("[\n        1,\n        2\n      ]", p.GetProperty("ngram_range").GetRawText());
        Assert.Equal("2", p.GetProperty("min_df").GetRawText());
        Assert.Equal("0.95", p.GetProperty("max_df").GetRawText());

        // A clusterer we cannot save: the model still loads, with Python's stages (Transform by cosine similarity).
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "bertopic_net.json")));
        Assert.Equal("unsupported", manifest.RootElement.GetProperty("model").GetProperty("clusterer").GetProperty("kind").GetString());
        Assert.IsType<ManualClusterer>(loaded.Clusterer);
    }

    [Fact]
    public void RoundTripAfterUpdateTopicsKeepsTheUpdatedWordsAndVectorizer()
    {
        var model = FitManual();
        var (docs, _, _) = Corpus();
        model.UpdateTopics(docs, topNWords: 5, nGramRange: (1, 2));
        Assert.Equal(5, model.TopNWords);
        string dir = PathFor("updated");
        model.Save(dir);
        var loaded = BERTopic.Load(dir, new FakeEmbedder("x"));
        AssertSameModel(model, loaded);
        Assert.Equal(5, loaded.TopNWords);
        Assert.Equal(new NGramRange(1, 2), Assert.IsType<CountVectorizer>(loaded.Vectorizer).Options.NGramRange);
        Assert.Contains(loaded.Vocabulary, w => w.Contains(' '));
    }

    [Fact]
    public void ALoadedModelReducesTopicsExactlyAsTheOriginal()
    {
        var model = FitManual(new StrengthClusterer(), new CountVectorizerOptions { MinDf = 2 });
        var (docs, _, _) = Corpus();
        string dir = PathFor("reduce");
        model.Save(dir);
        var loaded = BERTopic.Load(dir, new FakeEmbedder("x"));
        var a = model.ReduceTopics(docs, 2);
        var b = loaded.ReduceTopics(docs, 2);
        Assert.Equal(a.Topics, b.Topics);
        AssertSameModel(model, loaded);
    }

    [Fact]
    public void PythonParametersWeDoNotUseSurviveLoadAndSave()
    {
        string dir = PathFor("py-params");
        FitManual().Save(dir);
        File.Delete(Path.Combine(dir, "bertopic_net.json")); // now read as a Python folder
        string cfg = Path.Combine(dir, "config.json");
        File.WriteAllText(cfg, File.ReadAllText(cfg)
            .Replace("\"low_memory\": false", "\"low_memory\": true")
            .Replace("\"seed_topic_list\": null", "\"seed_topic_list\": [[\"goal\", \"match\"], [\"bank\"]], \"future_param\": 3"));
        var loaded = BERTopic.Load(dir, new FakeEmbedder("x"));
        string again = PathFor("py-params-again");
        loaded.Save(again);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(again, "config.json")));
        var root = doc.RootElement;
        Assert.True(root.GetProperty("low_memory").GetBoolean());
        Assert.Equal("[[\"goal\",\"match\"],[\"bank\"]]", JsonSerializer.Serialize(root.GetProperty("seed_topic_list")));
        Assert.Equal(3, root.GetProperty("future_param").GetInt32());
    }

    [Fact]
    public void WrittenFilesAreValidSafetensorsAndPythonsJsonKeys()
    {
        var model = FitManual(new StrengthClusterer());
        string dir = PathFor("layout");
        model.Save(dir);
        string[] expectedFiles = ["bertopic_net.json", "config.json", "ctfidf.safetensors", "ctfidf_config.json", "document_fingerprints.safetensors", "probabilities.safetensors", "representative_docs.json", "topic_embeddings.safetensors", "topics.json"];
        Assert.Equal(expectedFiles, Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        int topics = model.TopicIds.Count;
        var expectedTensors = new Dictionary<string, Dictionary<string, (string Dtype, long[] Shape)>>
        {
            ["topic_embeddings.safetensors"] = new() { ["topic_embeddings"] = ("F32", [topics, 16]) },
            ["ctfidf.safetensors"] = new()
            {
                ["data"] = ("F64", [model.CTfidf.Values.Length]),
                ["diag"] = ("F64", [model.Vocabulary.Count]),
                ["shape"] = ("I64", [2]),
                ["indices"] = ("I32", [model.CTfidf.Indices.Length]),
                ["indptr"] = ("I32", [topics + 1]),
            },
            ["probabilities.safetensors"] = new() { ["probabilities"] = ("F32", [model.DocumentTopics.Count]) },
            ["document_fingerprints.safetensors"] = new() { ["fingerprints"] = ("U64", [model.DocumentTopics.Count]), ["text_fingerprints"] = ("U64", [model.DocumentTopics.Count]) },
        };
        foreach (var (file, tensors) in expectedTensors)
        {
            // An independent check of the format: u64 LE header length, JSON header padded with spaces to 8 bytes,
            // offsets tiling the data in the Rust writer's order, byte counts = shape × dtype size.
            var bytes = File.ReadAllBytes(Path.Combine(dir, file));
            ulong n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            Assert.Equal(0UL, n % 8);
            string header = System.Text.Encoding.UTF8.GetString(bytes, 8, (int)n);
            Assert.Equal(header.TrimEnd(' ').Length + (header.Length - header.TrimEnd(' ').Length), header.Length);
            Assert.DoesNotContain("\n", header);
            using var doc = JsonDocument.Parse(header);
            var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(tensors.Keys.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
            long cursor = 0;
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                var (dtype, shape) = tensors[prop.Name];
                Assert.Equal(["dtype", "shape", "data_offsets"], prop.Value.EnumerateObject().Select(p => p.Name));
                Assert.Equal(dtype, prop.Value.GetProperty("dtype").GetString());
                Assert.Equal(shape, prop.Value.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()));
                var off = prop.Value.GetProperty("data_offsets").EnumerateArray().Select(x => x.GetInt64()).ToArray();
                Assert.Equal(cursor, off[0]);
                Assert.Equal(shape.Aggregate(1L, (x, y) => x * y) * (dtype is "F64" or "I64" or "U64" ? 8 : 4), off[1] - off[0]);
                cursor = off[1];
            }
            Assert.Equal(bytes.Length - 8 - (long)n, cursor);
        }
        Assert.Equal(["shape", "data", "diag", "indices", "indptr"], ParseHeaderNames(Path.Combine(dir, "ctfidf.safetensors")));

        // JSON keys: exactly those Python BERTopic 0.17.4 writes.
        Assert.Equal(["calculate_probabilities", "language", "low_memory", "min_topic_size", "n_gram_range", "nr_topics", "seed_topic_list",
            "top_n_words", "verbose", "zeroshot_min_similarity", "zeroshot_topic_list", "embedding_model"], Keys(dir, "config.json"));
        Assert.Equal(["topic_representations", "topics", "topic_sizes", "topic_mapper", "topic_labels", "custom_labels", "_outliers", "topic_aspects"], Keys(dir, "topics.json"));
        Assert.Equal(["ctfidf_model", "vectorizer_model"], Keys(dir, "ctfidf_config.json"));
        using var cfg = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "ctfidf_config.json")));
        Assert.Equal(["analyzer", "binary", "decode_error", "encoding", "input", "lowercase", "max_df", "max_features", "min_df", "ngram_range",
            "stop_words", "strip_accents", "token_pattern", "vocabulary"], cfg.RootElement.GetProperty("vectorizer_model").GetProperty("params").EnumerateObject().Select(p => p.Name));
        using var config = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "config.json")));
        Assert.Equal("my-org/my-embedder", config.RootElement.GetProperty("embedding_model").GetString());
    }

    [SharedDataFact]
    public void JsonKeysEqualPythonsFolder()
    {
        string python = SharedData.PathOf("reference", "bbc_news", "python_model");
        string dir = PathFor("keys");
        FitManual().Save(dir);
        foreach (var file in new[] { "config.json", "topics.json", "ctfidf_config.json" })
            Assert.Equal(Keys(python, file), Keys(dir, file));
        static IEnumerable<string> ParamKeys(string d)
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(d, "ctfidf_config.json")));
            return [.. doc.RootElement.GetProperty("vectorizer_model").GetProperty("params").EnumerateObject().Select(p => p.Name)];
        }
        Assert.Equal(ParamKeys(python), ParamKeys(dir));
        foreach (var file in new[] { "topic_embeddings.safetensors", "ctfidf.safetensors" })
            Assert.Equal(ParseHeaderNames(Path.Combine(python, file)).Order(StringComparer.Ordinal), ParseHeaderNames(Path.Combine(dir, file)).Order(StringComparer.Ordinal));
    }

    private static List<string> Keys(string dir, string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, file)));
        return [.. doc.RootElement.EnumerateObject().Select(p => p.Name)];
    }

    private static List<string> ParseHeaderNames(string path)
    {
        var b = File.ReadAllBytes(path);
        using var doc = JsonDocument.Parse(b.AsMemory(8, (int)BinaryPrimitives.ReadUInt64LittleEndian(b)));
        return [.. doc.RootElement.EnumerateObject().Select(p => p.Name)];
    }

    [SharedDataFact]
    public void LoadsPythonsFolderWithTopicsLabelsAndCosineStages()
    {
        string python = SharedData.PathOf("reference", "bbc_news", "python_model");
        string? resolvedName = null;
        var model = BERTopic.Load(python, options: new LoadOptions { EmbeddingModelResolver = name => { resolvedName = name; return new FakeEmbedder(name); } });
        Assert.Equal("sentence-transformers/all-MiniLM-L6-v2", resolvedName);
        Assert.Equal(resolvedName, model.EmbeddingModel!.Name);
        using var topicsDoc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(python, "topics.json")));
        var root = topicsDoc.RootElement;
        foreach (var p in root.GetProperty("topic_representations").EnumerateObject())
            Assert.Equal(p.Value.EnumerateArray().Select(x => new TopicWord(x[0].GetString()!, x[1].GetDouble())), model.GetTopic(int.Parse(p.Name)));
        foreach (var p in root.GetProperty("topic_sizes").EnumerateObject())
            Assert.Equal(p.Value.GetInt32(), model.TopicSizes[int.Parse(p.Name)]);
        foreach (var p in root.GetProperty("topic_labels").EnumerateObject())
            Assert.Equal(p.Value.GetString(), model.TopicLabels[int.Parse(p.Name)]);
        var info = model.GetTopicInfo();
        Assert.Equal(root.GetProperty("topic_sizes").EnumerateObject().Count(), info.Count);
        foreach (var row in info)
        {
            Assert.Equal(root.GetProperty("topic_sizes").GetProperty(row.Topic.ToString()).GetInt32(), row.Count);
            Assert.Equal(root.GetProperty("topic_labels").GetProperty(row.Topic.ToString()).GetString(), row.Name);
        }
        Assert.Equal(root.GetProperty("topics").EnumerateArray().Select(x => x.GetInt32()), model.DocumentTopics);
        Assert.Equal(38, model.TopicEmbeddings!.GetLength(0));
        Assert.Equal(384, model.TopicEmbeddings.GetLength(1));
        Assert.Equal(34210, model.Vocabulary.Count);
        Assert.IsType<NoDimensionalityReduction>(model.Reducer);
        Assert.IsType<ManualClusterer>(model.Clusterer);

        // Re-saving a Python folder keeps Python's JSON byte for byte (plus our manifest).
        string dir = PathFor("py-resaved");
        model.Save(dir);
        foreach (var f in new[] { "config.json", "topics.json", "ctfidf_config.json" })
        {
            using var a = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(python, f)));
            using var b = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, f)));
            Assert.Equal(a.RootElement.EnumerateObject().Select(p => p.Name), b.RootElement.EnumerateObject().Select(p => p.Name));
        }
        Assert.Equal(File.ReadAllText(Path.Combine(python, "topics.json")), File.ReadAllText(Path.Combine(dir, "topics.json")));
        Assert.Equal(File.ReadAllText(Path.Combine(python, "config.json")), File.ReadAllText(Path.Combine(dir, "config.json")));
        AssertSameModel(model, BERTopic.Load(dir, new FakeEmbedder("x")));
    }
}
