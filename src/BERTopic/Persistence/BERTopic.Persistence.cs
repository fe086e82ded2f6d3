using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BERTopicNet.Clustering;
using BERTopicNet.Embedding;
using BERTopicNet.Persistence;
using BERTopicNet.Reduction;
using BERTopicNet.Topics;
using BERTopicNet.Vectorizers;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    private const string ProbabilitiesFileName = "probabilities.safetensors";
    private const string UmapFileName = "umap.safetensors";
    private const string HdbscanFileName = "hdbscan.safetensors";
    private const string FingerprintsFileName = "document_fingerprints.safetensors";
    private const string RepresentativeDocsFileName = "representative_docs.json";

    /// <summary>config.json as loaded: parameters this library does not use (seed_topic_list, low_memory, ...) are written back unchanged.</summary>
    private PythonModelConfig? _loadedConfig;

    /// <summary>
    /// Saves the fitted model as a folder in Python BERTopic 0.17.4's safetensors layout (<c>config.json</c>,
    /// <c>topics.json</c>, <c>topic_embeddings.safetensors</c>, <c>ctfidf.safetensors</c>, <c>ctfidf_config.json</c>;
    /// Python's <c>BERTopic.load</c> reads it) plus this library's files: <c>bertopic_net.json</c> (format version,
    /// settings, every file's size and SHA-256), the fitted UMAP and HDBSCAN and the training probabilities, so that
    /// <see cref="Load"/> restores a model whose Transform gives the same answers. Only JSON and safetensors are
    /// written. The folder is written beside the target and renamed into place, so an interrupted save leaves
    /// either the previous folder or the new one.
    /// </summary>
    /// <param name="path">The folder to create or replace.</param>
    /// <param name="options">What to save; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the save (the target is then left as it was).</param>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    /// <exception cref="IOException">The path is a file, or a folder that is not a saved model, or cannot be written.</exception>
    public void Save(string path, SaveOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        RequireFitted();
        var o = options ?? new SaveOptions();
        AtomicDirectory.Write(path, o.Overwrite, IsSavedModelFolder, dir => WriteModelFolder(dir, o, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Loads a model saved by <see cref="Save"/> or by Python BERTopic's
    /// <c>save(path, serialization="safetensors")</c>. Our folders restore everything, including Transform's
    /// answers. Python folders restore topics, labels, sizes, topic embeddings and (when saved) c-TF-IDF; their
    /// Transform assigns each document the topic with the most similar embedding (cosine), as Python does for such
    /// folders. Nothing is downloaded and no code or type named in the files is run.
    /// </summary>
    /// <param name="path">The model folder.</param>
    /// <param name="embeddingModel">The embedding model for Transform of documents; null resolves the name saved in
    /// <c>config.json</c> locally (see <see cref="LoadOptions.EmbeddingModelResolver"/>).</param>
    /// <param name="options">Loading settings; null for the defaults.</param>
    /// <exception cref="ModelFormatException">A file is missing, malformed, inconsistent, damaged, or of a newer
    /// format version; the message names the file and the problem.</exception>
    public static BERTopic Load(string path, IEmbeddingModel? embeddingModel = null, LoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var o = options ?? new LoadOptions();
        string dir = Path.GetFullPath(path);
        if (File.Exists(dir)) throw new ModelFormatException(dir, "is a file; a saved model is a folder (holding config.json and topics.json).");
        if (!Directory.Exists(dir)) throw new ModelFormatException(dir, "the model folder does not exist.");

        ModelManifest? manifest = null;
        if (File.Exists(Path.Combine(dir, ModelManifest.FileName)))
        {
            manifest = ModelManifest.Read(dir);
            if (o.VerifyChecksums) manifest.Verify(dir);
        }
        else if (!File.Exists(Path.Combine(dir, PythonModelFolder.ConfigFileName)))
        {
            throw new ModelFormatException(dir, $"is not a saved BERTopic model (neither {ModelManifest.FileName} nor {PythonModelFolder.ConfigFileName} is in it).");
        }
        var py = PythonModelFolder.Read(dir);
        var model = manifest is null ? FromPythonFolder(py, dir) : FromOurFolder(py, manifest, dir);
        model._embeddingModel = embeddingModel ?? ResolveEmbeddingModel(py.Config.EmbeddingModel, o);
        return model;
    }

    private static bool IsSavedModelFolder(string dir) =>
        File.Exists(Path.Combine(dir, ModelManifest.FileName)) || File.Exists(Path.Combine(dir, PythonModelFolder.ConfigFileName));

    private static IEmbeddingModel? ResolveEmbeddingModel(string? name, LoadOptions options)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        try
        {
            return options.EmbeddingModelResolver is { } resolve ? resolve(name) : DefaultEmbeddingModelResolver(name);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or InvalidOperationException or NotSupportedException or UnauthorizedAccessException)
        {
            return new UnresolvedEmbeddingModel(name, e.Message);
        }
    }

    // ------------------------------------------------------------------------------------------------- save

    private void WriteModelFolder(string dir, SaveOptions o, CancellationToken ct)
    {
        var py = ToPythonFolder(o);
        py.WriteDataFiles(dir);
        ct.ThrowIfCancellationRequested();

        var manifest = new ModelManifest();
        var m = manifest.Model;
        m["options"] = OptionsToJson();
        m["vectorizer"] = VectorizerToJson(_vectorizer);
        m["ctfidf"] = new JsonObject
        {
            ["bm25_weighting"] = _ctfidf.Options.Bm25Weighting,
            ["reduce_frequent_words"] = _ctfidf.Options.ReduceFrequentWords,
            ["seed_words"] = _ctfidf.Options.SeedWords is { } sw ? new JsonArray([.. sw.Order(StringComparer.Ordinal).Select(w => (JsonNode?)w)]) : null,
            ["seed_multiplier"] = _ctfidf.Options.SeedMultiplier,
        };
        m["representation_model"] = _representationModel?.GetType().FullName; // informational: representation models are not restored
        var reps = new PythonJsonWriter().BeginObject();
        foreach (var (topic, docs) in _representativeDocs.OrderBy(kv => kv.Key))
        {
            reps.Key(topic.ToString(CultureInfo.InvariantCulture)).BeginArray();
            foreach (var d in docs) reps.Value(d);
            reps.EndArray();
        }
        PythonModelFolder.WriteText(Path.Combine(dir, RepresentativeDocsFileName), reps.EndObject().ToString());
        m["representative_docs"] = RepresentativeDocsFileName;

        if (o.SaveProbabilities && _probabilities is { } p)
        {
            var f = new SafeTensorsFile();
            f.Add(p.Matrix is { } pm ? SafeTensor.FromMatrix("probabilities", pm) : SafeTensor.FromSingle("probabilities", p.PerDocument!, p.PerDocument!.Length));
            f.Save(Path.Combine(dir, ProbabilitiesFileName));
            m["probabilities"] = ProbabilitiesFileName;
        }
        else m["probabilities"] = null;

        // What Transform needs to recognise training documents (it gives them their fitted topic).
        m["embedding_dimension"] = _embeddingDimension;
        m["embeddings_sparse"] = _fittedOnSparse;
        if (_trainingRows is { } rows)
        {
            var file = new SafeTensorsFile().Add(SafeTensor.FromUInt64("fingerprints", rows.Fingerprints));
            if (_documentFingerprints is { } texts && texts.Length == rows.Fingerprints.Length)
                file.Add(SafeTensor.FromUInt64("text_fingerprints", texts)); // what ReduceTopics checks its documents against
            file.Save(Path.Combine(dir, FingerprintsFileName));
            m["document_fingerprints"] = FingerprintsFileName;
        }
        else m["document_fingerprints"] = null;

        WriteZeroShotState(m, dir);
        m["reducer"] = SaveStage(_reducer, dir, o.SaveFittedStages);
        m["clusterer"] = SaveStage(_clusterer, dir, o.SaveFittedStages);
        ct.ThrowIfCancellationRequested();

        // config.json goes last, after the manifest that lists it: a folder holding config.json is complete.
        byte[] config = new UTF8Encoding(false).GetBytes(py.Config.ToJson());
        foreach (var file in Directory.EnumerateFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            manifest.AddFile(dir, file!);
        manifest.Files[PythonModelFolder.ConfigFileName] = (config.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(config)));
        PythonModelFolder.WriteText(Path.Combine(dir, ModelManifest.FileName), manifest.ToJson());
        PythonModelFolder.WriteBytes(Path.Combine(dir, PythonModelFolder.ConfigFileName), config);
    }

    private PythonModelFolder ToPythonFolder(SaveOptions o)
    {
        var ids = _topicIds;
        var topics = new PythonTopics
        {
            Topics = [.. _documentTopics!],
            Outliers = HasOutliers ? 1 : 0,
            CustomLabels = _customLabels is null ? null : [.. _customLabels],
            TopicMapper = [.. _mapper!.History.Select(r => r.ToArray())],
        };
        foreach (var (topic, words) in _representations) topics.TopicRepresentations[topic] = [.. words.Select(w => (w.Word, w.Score))];
        foreach (var (topic, count) in _topicSizes) topics.TopicSizes[topic] = count;
        foreach (var (topic, label) in TopicLabels) topics.TopicLabels[topic] = label;

        var config = new PythonModelConfig
        {
            CalculateProbabilities = Options.CalculateProbabilities,
            Language = Options.Language,
            MinTopicSize = Options.MinTopicSize,
            NGramRange = (Options.NGramRange.Min, Options.NGramRange.Max),
            NrTopics = Options.NrTopics?.ToString(),
            TopNWords = _topNWords,
            EmbeddingModel = o.EmbeddingModelName ?? (_embeddingModel is UnresolvedEmbeddingModel u ? u.Name : _embeddingModel?.Name),
        };
        if (_loadedConfig is { } lc)
        {
            config.LowMemory = lc.LowMemory;
            config.Verbose = lc.Verbose;
            config.SeedTopicList = lc.SeedTopicList?.DeepClone().AsArray();
            config.ZeroshotTopicList = lc.ZeroshotTopicList?.DeepClone().AsArray();
            config.ZeroshotMinSimilarity = lc.ZeroshotMinSimilarity;
            foreach (var (key, value) in lc.Extra) config.Extra[key] = value?.DeepClone();
        }
        WriteSteeringConfig(config);
        var folder = new PythonModelFolder
        {
            Config = config,
            Topics = topics,
            TopicEmbeddings = _topicEmbeddings ?? new float[ids.Length, 0],
        };
        if (o.SaveCtfidf && _cTfidf is { } c)
        {
            folder.Ctfidf = new PythonCtfidf
            {
                Rows = c.Rows,
                Columns = c.Columns,
                IndPtr = c.IndPtr,
                Indices = c.Indices,
                Data = c.Values,
                IdfDiagonal = [.. _ctfidf.Idf ?? throw new InvalidOperationException("The c-TF-IDF model has no idf although the model is fitted.")],
            };
            var cfg = new PythonCtfidfConfig
            {
                Bm25Weighting = _ctfidf.Options.Bm25Weighting,
                ReduceFrequentWords = _ctfidf.Options.ReduceFrequentWords,
                VectorizerParams = PythonVectorizerParams(_vectorizer),
            };
            var vocab = _vectorizer.Vocabulary;
            for (int i = 0; i < vocab.Count; i++) cfg.Vocabulary[vocab[i]] = i;
            folder.CtfidfConfig = cfg;
        }
        return folder;
    }

    private JsonObject OptionsToJson() => new()
    {
        ["language"] = Options.Language,
        ["top_n_words"] = _topNWords,
        ["n_gram_range"] = new JsonArray(Options.NGramRange.Min, Options.NGramRange.Max),
        ["min_topic_size"] = Options.MinTopicSize,
        ["nr_topics"] = Options.NrTopics?.ToString(),
        ["calculate_probabilities"] = Options.CalculateProbabilities,
        ["seed"] = Options.Seed,
    };

    private static JsonObject VectorizerToJson(IVectorizer v)
    {
        if (v is not CountVectorizer cv) return new JsonObject { ["kind"] = "other", ["type"] = v.GetType().FullName };
        var opt = cv.Options;
        return new JsonObject
        {
            ["kind"] = "count",
            ["lowercase"] = opt.Lowercase,
            ["ngram_range"] = new JsonArray(opt.NGramRange.Min, opt.NGramRange.Max),
            ["stop_words"] = StopWordsToJson(opt.StopWords),
            ["min_df"] = LimitToJson(opt.MinDf),
            ["max_df"] = LimitToJson(opt.MaxDf),
            ["max_features"] = opt.MaxFeatures,
            ["fixed_vocabulary"] = opt.Vocabulary is not null,
        };
    }

    /// <summary>scikit-learn CountVectorizer parameters describing our vectorizer, as Python's ctfidf_config.json holds them.</summary>
    private static JsonObject PythonVectorizerParams(IVectorizer v)
    {
        var p = PythonCtfidfConfig.DefaultVectorizerParams();
        if (v is CountVectorizer cv)
        {
            var opt = cv.Options;
            p["lowercase"] = opt.Lowercase;
            p["ngram_range"] = new JsonArray(opt.NGramRange.Min, opt.NGramRange.Max);
            p["stop_words"] = StopWordsToJson(opt.StopWords);
            p["min_df"] = LimitToJson(opt.MinDf);
            p["max_df"] = LimitToJson(opt.MaxDf);
            p["max_features"] = opt.MaxFeatures;
        }
        return p;
    }

    private static JsonNode? StopWordsToJson(IEnumerable<string>? stopWords)
    {
        if (stopWords is null) return null;
        var set = stopWords.ToHashSet(StringComparer.Ordinal);
        if (set.SetEquals(StopWordLists.English)) return "english";
        return new JsonArray([.. set.Order(StringComparer.Ordinal).Select(w => (JsonNode?)w)]);
    }

    private static JsonNode LimitToJson(DocumentFrequencyLimit limit) =>
        limit.IsFraction ? JsonValue.Create(limit.Value) : JsonValue.Create((long)limit.Value);

    // ------------------------------------------------------------------------------------------------- load

    private static BERTopic FromPythonFolder(PythonModelFolder py, string dir)
    {
        var model = new BERTopic(OptionsFromPython(py, dir, seed: null, vec: null, ct: null));
        model.RestoreFittedState(py, representativeDocs: null, probabilities: null);
        model.UsePythonLoadedStages();
        model.RecoverZeroShotFromPythonLabels(py);
        return model;
    }

    private static BERTopic FromOurFolder(PythonModelFolder py, ModelManifest manifest, string dir)
    {
        string mpath = Path.Combine(dir, ModelManifest.FileName);
        var m = manifest.Model;
        var opts = JsonFields.Optional(m, "options") is { } on ? JsonFields.Object(on, "model.options", mpath) : null;
        int? seed = opts is not null && JsonFields.Optional(opts, "seed") is { } s ? JsonFields.Int32(s, "model.options.seed", mpath) : null;
        var vec = JsonFields.Optional(m, "vectorizer") is { } vn ? JsonFields.Object(vn, "model.vectorizer", mpath) : null;
        var ct = JsonFields.Optional(m, "ctfidf") is { } cn ? JsonFields.Object(cn, "model.ctfidf", mpath) : null;
        var model = new BERTopic(OptionsFromPython(py, dir, seed, vec, ct));

        Dictionary<int, IReadOnlyList<string>> reps = [];
        if (JsonFields.Optional(m, "representative_docs") is { } rn)
        {
            string rpath = Path.Combine(dir, PlainFileName(JsonFields.String(rn, "model.representative_docs", mpath), "model.representative_docs", mpath));
            foreach (var (key, value) in JsonFields.ReadObjectFile(rpath))
            {
                int topic = JsonFields.TopicKey(key, "representative docs", rpath);
                var arr = JsonFields.Array(value, key, rpath);
                reps[topic] = [.. arr.Select((d, i) => JsonFields.String(d, $"{key}[{i}]", rpath))];
            }
        }

        TopicProbabilities? probabilities = null;
        if (JsonFields.Optional(m, "probabilities") is { } pn)
        {
            string file = PlainFileName(JsonFields.String(pn, "model.probabilities", mpath), "model.probabilities", mpath);
            string ppath = Path.Combine(dir, file);
            var t = SafeTensorsFile.Read(ppath)["probabilities"];
            int n = py.Topics.Topics.Length;
            probabilities = t.Shape.Count == 1
                ? TopicProbabilities.FromVector(t.RequireShape(n).ToSingleArray())
                : TopicProbabilities.FromMatrix(t.RequireShape(n, -1).ToSingleMatrix());
        }
        model.RestoreFittedState(py, reps, probabilities);
        model.ReadZeroShotState(m, dir, mpath);
        if (JsonFields.Optional(m, "embedding_dimension") is { } ed)
        {
            int dim = JsonFields.Int32(ed, "model.embedding_dimension", mpath);
            if (dim < 0) throw new ModelFormatException(mpath, $"'model.embedding_dimension' = {dim} is negative.");
            model._embeddingDimension = dim;
        }
        if (JsonFields.Optional(m, "embeddings_sparse") is { } es) model._fittedOnSparse = JsonFields.Bool(es, "model.embeddings_sparse", mpath);
        if (JsonFields.Optional(m, "document_fingerprints") is { } fn)
        {
            string fpath = Path.Combine(dir, PlainFileName(JsonFields.String(fn, "model.document_fingerprints", mpath), "model.document_fingerprints", mpath));
            var fingerprintFile = SafeTensorsFile.Read(fpath);
            var fingerprints = fingerprintFile["fingerprints"].RequireShape(py.Topics.Topics.Length).ToUInt64Array();
            model._trainingRows = new TrainingRowIndex(fingerprints);
            if (fingerprintFile.TryGetTensor("text_fingerprints", out var texts))
                model._documentFingerprints = texts.RequireShape(py.Topics.Topics.Length).ToUInt64Array();
        }
        var reducer = LoadStage(JsonFields.Optional(m, "reducer"), "model.reducer", dir, mpath);
        var clusterer = LoadStage(JsonFields.Optional(m, "clusterer"), "model.clusterer", dir, mpath);
        if (reducer is IDimensionalityReducer r && clusterer is IClusterer c)
        {
            model._reducer = r;
            model._clusterer = c;
        }
        else model.UsePythonLoadedStages();
        return model;
    }

    private static string PlainFileName(string name, string what, string path) =>
        name.Length > 0 && name == Path.GetFileName(name) && name is not ("." or "..")
            ? name
            : throw new ModelFormatException(path, $"'{what}' names '{name}', which is not a plain file name of the folder.");

    private static BERTopicOptions OptionsFromPython(PythonModelFolder py, string dir, int? seed, JsonObject? vec, JsonObject? ct)
    {
        string configPath = Path.Combine(dir, PythonModelFolder.ConfigFileName);
        string mpath = Path.Combine(dir, ModelManifest.FileName);
        var c = py.Config;
        NrTopics? nr = c.NrTopics switch
        {
            null => null,
            "auto" => NrTopics.Auto,
            var s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k >= 1 ? NrTopics.Of(k)
                : throw new ModelFormatException(configPath, $"'nr_topics' = {s} is not a valid number of topics."),
        };
        if (c.TopNWords < 1) throw new ModelFormatException(configPath, $"'top_n_words' = {c.TopNWords} must be at least 1.");
        if (c.MinTopicSize < 2) throw new ModelFormatException(configPath, $"'min_topic_size' = {c.MinTopicSize} must be at least 2.");

        IVectorizer? vectorizer = null;
        ClassTfidfTransformer? ctfidf = null;
        if (py.CtfidfConfig is { } cc)
        {
            string ccPath = Path.Combine(dir, PythonModelFolder.CtfidfConfigFileName);
            CountVectorizerOptions cvOptions;
            try
            {
                cvOptions = vec is not null && JsonFields.Optional(vec, "kind") is { } k && JsonFields.String(k, "model.vectorizer.kind", mpath) == "count"
                    ? CountOptionsFromOurs(vec, cc, mpath)
                    : CountOptionsFromPython(cc, ccPath);
                var cv = new CountVectorizer(cvOptions);
                cv.RestoreFittedVocabulary(cc.VocabularyByColumn()); // fitted, as Python's loaded vectorizer_model.vocabulary_
                vectorizer = cv;
            }
            catch (ArgumentException e) { throw new ModelFormatException(ccPath, $"describes a vectorizer that cannot be created ({e.Message}).", e); }
            var ctOptions = new ClassTfidfOptions
            {
                Bm25Weighting = cc.Bm25Weighting,
                ReduceFrequentWords = cc.ReduceFrequentWords,
                SeedWords = ct is not null && JsonFields.Optional(ct, "seed_words") is JsonArray sw
                    ? [.. sw.Select((w, i) => JsonFields.String(w, $"model.ctfidf.seed_words[{i}]", mpath))]
                    : null,
                SeedMultiplier = ct is not null && JsonFields.Optional(ct, "seed_multiplier") is { } sm ? JsonFields.Number(sm, "model.ctfidf.seed_multiplier", mpath) : 2,
            };
            ctfidf = new ClassTfidfTransformer(ctOptions);
            ctfidf.SetIdf(py.Ctfidf!.IdfDiagonal);
        }
        var (seedTopics, zeroShotTopics) = SteeringFromConfig(c, configPath);
        return new BERTopicOptions
        {
            SeedTopicList = seedTopics,
            ZeroShotTopicList = zeroShotTopics,
            ZeroShotMinSimilarity = c.ZeroshotMinSimilarity,
            Language = c.Language ?? "english",
            TopNWords = c.TopNWords,
            NGramRange = new NGramRange(c.NGramRange.Min, c.NGramRange.Max),
            MinTopicSize = c.MinTopicSize,
            NrTopics = nr,
            CalculateProbabilities = c.CalculateProbabilities,
            Seed = seed ?? new BERTopicOptions().Seed,
            VectorizerModel = vectorizer,
            CtfidfModel = ctfidf,
        };
    }

    private static CountVectorizerOptions CountOptionsFromPython(PythonCtfidfConfig cc, string path)
    {
        var p = cc.VectorizerParams;
        var ng = JsonFields.Optional(p, "ngram_range") is JsonArray a && a.Count == 2
            ? new NGramRange(JsonFields.Int32(a[0], "vectorizer_model.params.ngram_range[0]", path), JsonFields.Int32(a[1], "vectorizer_model.params.ngram_range[1]", path))
            : NGramRange.Unigrams;
        return new CountVectorizerOptions
        {
            Lowercase = JsonFields.Optional(p, "lowercase") is { } lc ? JsonFields.Bool(lc, "vectorizer_model.params.lowercase", path) : true,
            NGramRange = ng,
            StopWords = StopWordsFromJson(JsonFields.Optional(p, "stop_words"), "vectorizer_model.params.stop_words", path),
            MinDf = LimitFromJson(JsonFields.Optional(p, "min_df"), 1, "vectorizer_model.params.min_df", path),
            MaxDf = LimitFromJson(JsonFields.Optional(p, "max_df"), 1.0, "vectorizer_model.params.max_df", path),
            MaxFeatures = JsonFields.Optional(p, "max_features") is { } mf ? JsonFields.Int32(mf, "vectorizer_model.params.max_features", path) : null,
            Vocabulary = JsonFields.Optional(p, "vocabulary") is JsonArray fixedVocabulary
                ? [.. fixedVocabulary.Select((w, i) => JsonFields.String(w, $"vectorizer_model.params.vocabulary[{i}]", path))]
                : null,
        };
    }

    private static CountVectorizerOptions CountOptionsFromOurs(JsonObject v, PythonCtfidfConfig cc, string path)
    {
        var a = JsonFields.Array(JsonFields.Required(v, "ngram_range", path), "model.vectorizer.ngram_range", path);
        if (a.Count != 2) throw new ModelFormatException(path, "'model.vectorizer.ngram_range' must hold 2 numbers.");
        return new CountVectorizerOptions
        {
            Lowercase = JsonFields.Bool(JsonFields.Required(v, "lowercase", path), "model.vectorizer.lowercase", path),
            NGramRange = new NGramRange(JsonFields.Int32(a[0], "model.vectorizer.ngram_range[0]", path), JsonFields.Int32(a[1], "model.vectorizer.ngram_range[1]", path)),
            StopWords = StopWordsFromJson(JsonFields.Optional(v, "stop_words"), "model.vectorizer.stop_words", path),
            MinDf = LimitFromJson(JsonFields.Optional(v, "min_df"), 1, "model.vectorizer.min_df", path),
            MaxDf = LimitFromJson(JsonFields.Optional(v, "max_df"), 1.0, "model.vectorizer.max_df", path),
            MaxFeatures = JsonFields.Optional(v, "max_features") is { } mf ? JsonFields.Int32(mf, "model.vectorizer.max_features", path) : null,
            Vocabulary = JsonFields.Optional(v, "fixed_vocabulary") is { } fv && JsonFields.Bool(fv, "model.vectorizer.fixed_vocabulary", path) ? cc.VocabularyByColumn() : null,
        };
    }

    private static IEnumerable<string>? StopWordsFromJson(JsonNode? n, string what, string path) => n switch
    {
        null => null,
        JsonArray a => [.. a.Select((w, i) => JsonFields.String(w, $"{what}[{i}]", path))],
        _ => JsonFields.String(n, what, path) == "english" ? StopWordLists.English
            : throw new ModelFormatException(path, $"'{what}' names an unknown stop word list; only \"english\" or a list of words are supported."),
    };

    private static DocumentFrequencyLimit LimitFromJson(JsonNode? n, DocumentFrequencyLimit fallback, string what, string path)
    {
        if (n is null) return fallback;
        string raw = n.ToJsonString();
        bool isFloat = raw.Contains('.') || raw.Contains('e') || raw.Contains('E');
        try
        {
            return isFloat ? DocumentFrequencyLimit.Fraction(JsonFields.Number(n, what, path)) : DocumentFrequencyLimit.Count(JsonFields.Int32(n, what, path));
        }
        catch (ArgumentOutOfRangeException e) { throw new ModelFormatException(path, $"'{what}' = {raw} is out of range.", e); }
    }

    private void RestoreFittedState(PythonModelFolder py, Dictionary<int, IReadOnlyList<string>>? representativeDocs, TopicProbabilities? probabilities)
    {
        var t = py.Topics;
        _loadedConfig = py.Config;
        _documentTopics = [.. t.Topics];
        _topicSizes = [.. t.TopicSizes.Select(kv => (kv.Key, kv.Value))];
        _mapper = TopicMapper.FromHistory(t.TopicMapper);
        _topicIds = t.SortedTopicIds();
        _representations = new SortedDictionary<int, IReadOnlyList<TopicWord>>(
            t.TopicRepresentations.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<TopicWord>)[.. kv.Value.Select(w => new TopicWord(w.Word, w.Score))]));
        _topicEmbeddings = py.TopicEmbeddings.GetLength(1) == 0 ? null : py.TopicEmbeddings;
        _customLabels = t.CustomLabels is null ? null : [.. t.CustomLabels];
        _representativeDocs = representativeDocs ?? [];
        _probabilities = probabilities;
        _cTfidf = py.Ctfidf is { } c ? new TermWeightMatrix(c.Columns, c.IndPtr, c.Indices, c.Data) : null;
    }

    /// <summary>Python's loaded models carry BaseDimensionalityReduction + BaseCluster: Transform then assigns topics by cosine similarity to the topic embeddings.</summary>
    private void UsePythonLoadedStages()
    {
        _reducer = new NoDimensionalityReduction();
        _clusterer = new ManualClusterer();
    }

    private static JsonObject SaveStage(object? stage, string dir, bool saveFitted)
    {
        switch (stage)
        {
            case null: return new JsonObject { ["kind"] = "none" };
            case NoDimensionalityReduction: return new JsonObject { ["kind"] = "identity" };
            case ManualClusterer: return new JsonObject { ["kind"] = "manual" };
        }
        if (saveFitted && TrySaveFittedStage(stage, dir) is { } saved) return saved;
        return new JsonObject { ["kind"] = saveFitted ? "unsupported" : "not_saved", ["type"] = stage.GetType().FullName };
    }

    /// <returns>The restored stage, or null when the folder holds none that can be restored (Transform then uses cosine similarity).</returns>
    private static object? LoadStage(JsonNode? node, string what, string dir, string mpath)
    {
        if (node is null) return null;
        var o = JsonFields.Object(node, what, mpath);
        string kind = JsonFields.String(JsonFields.Required(o, "kind", mpath), what + ".kind", mpath);
        switch (kind)
        {
            case "none" or "unsupported" or "not_saved": return null;
            case "identity": return new NoDimensionalityReduction();
            case "manual": return new ManualClusterer();
        }
        string? file = JsonFields.Optional(o, "file") is { } f ? PlainFileName(JsonFields.String(f, what + ".file", mpath), what + ".file", mpath) : null;
        return TryLoadFittedStage(kind, file is null ? null : Path.Combine(dir, file), mpath)
            ?? throw new ModelFormatException(mpath, $"'{what}.kind' is '{kind}', which this version cannot restore.");
    }
}
