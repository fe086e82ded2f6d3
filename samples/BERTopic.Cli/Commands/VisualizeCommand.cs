using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using BERTopicNet.Clustering;
using BERTopicNet.IO;
using BERTopicNet.Reduction;
using BERTopicNet.Visualization;
using BERTopicNet.Visualization.Figures;

namespace BERTopicNet.Cli.Commands;

/// <summary>
/// <c>visualize --model DIR --out DIR2 [--docs D.jsonl --embeddings E.npy]</c>: the seven charts of DESIGN §7 as
/// self-contained HTML files. DIR is a saved model (ours or Python's safetensors folder), or the output folder of
/// <c>fit</c> (its <c>model/</c> is loaded). A fit folder without a saved model still works from its
/// <c>topics.json</c>: with <c>--docs</c> the c-TF-IDF matrix is recomputed from the documents and their topics, with
/// <c>--embeddings</c> the topic embeddings are the mean document embedding per topic. <c>--docs</c> also gives the
/// hover texts and <c>--embeddings</c> the document map. Charts whose inputs are missing are skipped and listed in
/// the closing JSON.
/// </summary>
internal sealed class VisualizeCommand : ICliCommand
{
    public Command Build()
    {
        var model = CliOptions.Required<string>("--model", "A saved model folder (DIR/model of 'fit', or Python's safetensors folder), or the folder written by 'fit'.");
        var output = CliOptions.Required<string>("--out", "Folder for the HTML files.");
        var docs = CliOptions.Optional<string>("--docs", "The training documents (docs.jsonl): c-TF-IDF for the topic charts and hover text.");
        var embeddings = CliOptions.Optional<string>("--embeddings", "The training documents' embeddings (N x D float32 .npy): topic embeddings and the document map.");
        var probabilities = CliOptions.Optional<string>("--probabilities", "Document x topic probabilities (.npy) for distribution.html; default: topics.json's 'probabilities' when present.");
        var document = CliOptions.Optional("--document", "The document whose topic distribution distribution.html shows.", 0);
        var pca = CliOptions.Optional("--pca", "Lay out topics and documents by PCA instead of UMAP (much faster on large corpora).", false);
        var cmd = new Command("visualize", "Write the interactive charts (topics, barchart, heatmap, hierarchy, documents, distribution, term_rank) as offline HTML.")
        {
            model, output, docs, embeddings, probabilities, document, pca,
        };
        cmd.SetAction(parse =>
        {
            Run(parse.GetValue(model)!, parse.GetValue(output)!, parse.GetValue(docs), parse.GetValue(embeddings),
                parse.GetValue(probabilities), parse.GetValue(document), parse.GetValue(pca));
            return 0;
        });
        return cmd;
    }

    private static void Run(string modelDir, string outDir, string? docsPath, string? embeddingsPath, string? probabilitiesPath, int document, bool pca)
    {
        var clock = new StageClock();
        if (!Directory.Exists(modelDir)) throw new DirectoryNotFoundException($"--model: folder '{modelDir}' does not exist.");
        if (docsPath is not null) CliOptions.ExistingFile(docsPath, "--docs");
        if (embeddingsPath is not null) CliOptions.ExistingFile(embeddingsPath, "--embeddings");
        if (probabilitiesPath is not null) CliOptions.ExistingFile(probabilitiesPath, "--probabilities");

        // A saved model (the folder itself or fit's DIR/model); else fit's topics.json.
        string? savedDir = IsSavedModel(modelDir) ? modelDir : IsSavedModel(Path.Combine(modelDir, "model")) ? Path.Combine(modelDir, "model") : null;
        string fitTopics = Path.Combine(modelDir, "topics.json");
        FitOutput? fit = File.Exists(fitTopics) && savedDir != modelDir ? FitOutput.Read(fitTopics) : null;
        BERTopic? loaded = savedDir is null ? null : clock.Time("load", () => BERTopic.Load(savedDir));
        if (loaded is null && fit is null)
            throw new FileNotFoundException($"--model: '{modelDir}' holds neither a saved model (config.json) nor fit's topics.json.");

        int[] docTopics = loaded is not null ? [.. loaded.DocumentTopics] : fit!.DocTopics;
        int n = docTopics.Length;
        List<string>? texts = docsPath is null ? null : JsonlCorpus.ReadTexts(docsPath);
        if (texts is not null && texts.Count != n)
            throw new ArgumentException($"--docs has {texts.Count} documents but the model assigns topics to {n}; pass the documents the model was fitted on.");
        float[,]? emb = embeddingsPath is null ? null : Npy.ReadMatrix(embeddingsPath);
        if (emb is not null && emb.GetLength(0) != n)
            throw new ArgumentException($"--embeddings has {emb.GetLength(0)} rows but the model assigns topics to {n} documents.");

        TopicChartData data;
        if (loaded is not null) data = loaded.ToChartData();
        else
        {
            var ids = fit!.TopicIds;
            Umap.CsrMatrix? ctfidf = texts is null ? null : clock.Time("ctfidf", () => CTfIdfFor(texts, emb, fit));
            data = new TopicChartData(ids, ids.Select(t => fit.Sizes[t]).ToArray(), ids.Select(t => fit.Words[t]).ToArray())
            {
                CTfIdf = ctfidf,
                TopicEmbeddings = emb is null ? null : MeanPerTopic(emb, fit.DocTopics, ids),
                DocumentTopics = fit.DocTopics,
            };
        }
        float[]? distribution = ProbabilityRow(probabilitiesPath, loaded, fit, document, n);

        Directory.CreateDirectory(outDir);
        var method = pca ? PlanarMethod.Pca : PlanarMethod.Umap;
        var written = new JsonArray();
        var skipped = new JsonObject();
        bool vectors = data.CTfIdf is not null || data.TopicEmbeddings is not null;
        const string NeedVectors = "needs --docs (c-TF-IDF) or --embeddings (topic embeddings)";
        void Write(string file, string stage, string? missing, Func<PlotlyFigure> draw)
        {
            if (missing is not null) { skipped[file] = missing; return; }
            var fig = clock.Time(stage, draw);
            clock.Time("write", () => fig.SaveHtml(Path.Combine(outDir, file)));
            written.Add(file);
        }
        Write("topics.html", "umap", vectors ? null : NeedVectors, () => data.VisualizeTopics(new TopicsChartOptions { Projection = method }));
        Write("barchart.html", "charts", null, () => data.VisualizeBarchart());
        Write("heatmap.html", "charts", vectors ? null : NeedVectors, () => data.VisualizeHeatmap());
        Write("hierarchy.html", "charts", vectors ? null : NeedVectors, () => data.VisualizeHierarchy());
        Write("documents.html", "umap", emb is null ? "needs --embeddings" : n == 0 ? "the model holds no training documents' topics" : null, () => data.VisualizeDocuments(emb!, texts, new DocumentsChartOptions { Projection = method }));
        string? noDistribution = distribution is null
            ? "needs probabilities: fit with --probabilities, or pass --probabilities P.npy"
            : distribution.Length == 0 || distribution.Max() < new DistributionOptions().MinProbability
                ? $"document {document} has no topic probability of at least {new DistributionOptions().MinProbability} (an outlier?); pick another --document"
                : null;
        Write("distribution.html", "charts", noDistribution,
            () => data.VisualizeDistribution(distribution!));
        Write("term_rank.html", "charts", null, () => data.VisualizeTermRank());
        clock.PrintSummary(new JsonObject
        {
            ["out"] = Path.GetFullPath(outDir),
            ["written"] = written,
            ["skipped"] = skipped,
            ["source"] = savedDir is not null ? "saved model" : "topics.json",
            ["topics"] = data.TopicIds.Count(t => t >= 0),
            ["documents"] = n,
        });
    }

    /// <summary>
    /// Recomputes the c-TF-IDF rows with the library's own pipeline (vectorizer + c-TF-IDF over the documents grouped
    /// by their fitted topic), then maps the facade's topic ids back to the ids of topics.json through the documents.
    /// </summary>
    private static Umap.CsrMatrix CTfIdfFor(List<string> texts, float[,]? emb, FitOutput fit)
    {
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });
        model.Fit(texts, emb ?? new float[texts.Count, 1], fit.DocTopics);
        var toModel = new Dictionary<int, int>();
        for (int i = 0; i < fit.DocTopics.Length; i++) toModel.TryAdd(fit.DocTopics[i], model.DocumentTopics[i]);
        var rowOf = model.TopicIds.Select((t, r) => (t, r)).ToDictionary(p => p.t, p => p.r);
        var m = model.CTfidf;
        var indPtr = new List<int> { 0 };
        var indices = new List<int>();
        var values = new List<float>();
        foreach (var t in fit.TopicIds)
        {
            if (toModel.TryGetValue(t, out var mt) && rowOf.TryGetValue(mt, out var r))
            {
                indices.AddRange(m.RowIndices(r).ToArray());
                foreach (var v in m.RowValues(r)) values.Add((float)v);
            }
            indPtr.Add(indices.Count);
        }
        return new Umap.CsrMatrix(fit.TopicIds.Length, m.Columns, indPtr.ToArray(), indices.ToArray(), values.ToArray());
    }

    private static float[,] MeanPerTopic(float[,] emb, int[] docTopics, int[] ids)
    {
        int d = emb.GetLength(1);
        var rowOf = ids.Select((t, r) => (t, r)).ToDictionary(p => p.t, p => p.r);
        var sum = new double[ids.Length, d];
        var count = new int[ids.Length];
        for (int i = 0; i < docTopics.Length; i++)
        {
            int r = rowOf[docTopics[i]];
            count[r]++;
            for (int c = 0; c < d; c++) sum[r, c] += emb[i, c];
        }
        var mean = new float[ids.Length, d];
        for (int r = 0; r < ids.Length; r++)
            for (int c = 0; c < d; c++) mean[r, c] = count[r] > 0 ? (float)(sum[r, c] / count[r]) : 0f;
        return mean;
    }

    private static bool IsSavedModel(string dir) =>
        File.Exists(Path.Combine(dir, "config.json")) || File.Exists(Path.Combine(dir, "bertopic_net.json"));

    /// <summary>One document's probability per topic: --probabilities, else the model's matrix, else topics.json's.</summary>
    private static float[]? ProbabilityRow(string? path, BERTopic? model, FitOutput? fit, int document, int n)
    {
        if (n > 0 && (uint)document >= (uint)n)
            throw new ArgumentException($"--document must be in [0, {n}) (it was {document}).");
        if (path is not null)
        {
            var p = Npy.ReadMatrix(path);
            if (p.GetLength(0) != n)
                throw new ArgumentException($"--probabilities has {p.GetLength(0)} rows but there are {n} documents.");
            var row = new float[p.GetLength(1)];
            for (int t = 0; t < row.Length; t++) row[t] = p[document, t];
            return row;
        }
        if (model?.Probabilities?.Matrix is { } m && m.GetLength(0) == n)
        {
            var row = new float[m.GetLength(1)];
            for (int t = 0; t < row.Length; t++) row[t] = m[document, t];
            return row;
        }
        return fit?.ProbabilityRow(document);
    }

    /// <summary>The parts of <c>topics.json</c> (DESIGN §7 fit output) that the charts need.</summary>
    private sealed record FitOutput(int[] DocTopics, int[] TopicIds, Dictionary<int, int> Sizes, Dictionary<int, IReadOnlyList<TopicWord>> Words, JsonElement? Probabilities)
    {
        public static FitOutput Read(string path)
        {
            JsonDocument doc;
            try { doc = JsonDocument.Parse(File.ReadAllBytes(path)); }
            catch (JsonException e) { throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e); }
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("doc_topics", out var dt) || !root.TryGetProperty("topic_words", out var tw) || !root.TryGetProperty("topic_sizes", out var ts))
                throw new InvalidDataException($"{path} must be the topics.json written by 'fit', with doc_topics, topic_words and topic_sizes.");
            var docTopics = dt.EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var sizes = ts.EnumerateObject().ToDictionary(p => ParseId(p.Name, path), p => p.Value.GetInt32());
            var words = tw.EnumerateObject().ToDictionary(
                p => ParseId(p.Name, path),
                p => (IReadOnlyList<TopicWord>)p.Value.EnumerateArray().Select(w => new TopicWord(w[0].GetString() ?? "", w[1].GetDouble())).ToArray());
            var ids = sizes.Keys.Union(words.Keys).Union(docTopics).Order().ToArray();
            foreach (var t in ids) { sizes.TryAdd(t, docTopics.Count(x => x == t)); words.TryAdd(t, []); }
            JsonElement? probs = root.TryGetProperty("probabilities", out var pr) && pr.ValueKind == JsonValueKind.Array && pr.GetArrayLength() == docTopics.Length
                && pr[0].ValueKind == JsonValueKind.Array ? pr.Clone() : null;
            return new FitOutput(docTopics, ids, sizes, words, probs);
        }

        public float[]? ProbabilityRow(int document) =>
            Probabilities is { } p ? p[document].EnumerateArray().Select(v => (float)v.GetDouble()).ToArray() : null;

        private static int ParseId(string s, string path) =>
            int.TryParse(s, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var t)
                ? t : throw new InvalidDataException($"{path}: topic id '{s}' is not an integer.");
    }
}
