using System.Diagnostics;
using System.Text.Json.Nodes;
using BERTopicNet.Benchmarks.Quality;
using BERTopicNet.IO;

namespace BERTopicNet.Benchmarks;

/// <summary>
/// Fits the default BERTopic pipeline on any <c>docs.jsonl</c> (with an optional <c>embeddings.npy</c>) and reports
/// per-stage times, peak memory and quality against the gold labels; with <c>--reference bertopic.json</c> also the
/// same quality measures for Python BERTopic's fit of that corpus.
/// </summary>
/// <remarks>
/// Stage times: <c>embed</c>, <c>umap</c>, <c>hdbscan</c> are measured around the stage objects the model calls;
/// <c>ctfidf</c> is the rest of the fit (vectorizer, c-TF-IDF, topic words, topic embeddings, representative
/// documents); <c>total</c> is the whole fit (embedding included when no embeddings are given). Reading the corpus
/// and the quality measures are outside <c>total</c>.
/// </remarks>
internal sealed class QualityBenchmark : IBenchmark
{
    public string Name => "quality";

    public string Usage => "--docs D.jsonl [--embeddings E.npy] [--reference bertopic.json [--skip-fit]] [--seed 42] [--min-topic-size 10] [--language english] [--repeat N] [--python bertopic_ref.py]: fit + stage times + ARI/NMI/outliers/diversity/NPMI; --repeat fits N times in this process (run 1 cold); --python then runs Python BERTopic on the same files, same repeats, and gives warm ratios and peak RSS";

    public JsonObject Run(BenchmarkArgs args)
    {
        var docsPath = args.Get("docs") ?? throw new ArgumentException("quality needs --docs PATH/docs.jsonl (one {\"text\", \"label\"} object a line).");
        var corpus = JsonlCorpus.Read(docsPath);
        var docs = corpus.ConvertAll(d => d.Text);
        var labels = corpus.ConvertAll(d => d.Label);
        float[,]? embeddings = null;
        if (args.Get("embeddings") is { } npy)
        {
            embeddings = Npy.ReadMatrix(npy);
            if (embeddings.GetLength(0) != docs.Count)
                throw new ArgumentException($"--embeddings {npy} has {embeddings.GetLength(0)} rows but --docs has {docs.Count} documents.");
        }
        string language = args.Get("language", "english");
        bool english = string.Equals(language, "english", StringComparison.OrdinalIgnoreCase);
        var output = new JsonObject
        {
            ["corpus"] = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(docsPath))),
            ["docs"] = docs.Count,
        };
        int[]? ours = null;
        if (!args.Has("skip-fit"))
        {
            int repeat = args.GetInt("repeat", 1);
            if (repeat < 1) throw new ArgumentException("--repeat must be at least 1.");
            var runs = new JsonArray();
            Func<JsonObject>? scoreLast = null;
            for (int run = 1; run <= repeat; run++)
            {
                var seconds = new JsonObject();
                (ours, scoreLast) = Fit(args, docs, labels, embeddings, language, english, seconds, output);
                runs.Add(seconds);
            }
            output["seconds"] = runs[^1]!.DeepClone();
            if (repeat > 1) output["runs"] = runs;
            // the fits' peak: read before the quality scores, whose NPMI counts over the whole corpus are the benchmark's, not the fit's
            output["peak_mb"] = Math.Round(ProcessMemory.PeakMegabytes(), 1);
            output["quality"] = scoreLast!();
            if (args.Get("python") is { } script)
                output["python_same_run"] = SameRunPython.Compare(script, docsPath, args.Get("embeddings") ?? throw new ArgumentException("--python needs --embeddings: Python BERTopic is timed on precomputed embeddings."),
                    args.GetInt("seed", 42), args.GetInt("min-topic-size", 10), repeat, output);
        }
        else if (args.Get("reference") is null) throw new ArgumentException("--skip-fit only makes sense with --reference bertopic.json.");

        if (args.Get("reference") is { } referencePath)
        {
            var reference = PythonReference.Read(referencePath);
            if (reference.DocumentTopics.Length != docs.Count)
                throw new ArgumentException($"--reference {referencePath} has {reference.DocumentTopics.Length} document topics but --docs has {docs.Count} documents.");
            var python = QualityScores.Compute(docs, labels, reference.DocumentTopics, reference.TopicWords, english);
            if (ours is not null) python["ari_vs_ours"] = Math.Round(Evaluation.ClusteringMetrics.AdjustedRandIndex(reference.DocumentTopics, ours), 6);
            output["python_reference"] = python;
        }
        output["quality_definitions"] = Definitions();
        return output;
    }

    /// <summary>One timed fit; returns the topics and the scoring of this fit's quality (run when asked).</summary>
    private static (int[] Topics, Func<JsonObject> Score) Fit(BenchmarkArgs args, List<string> docs, List<string?> labels, float[,]? embeddings, string language, bool english, JsonObject seconds, JsonObject output)
    {
        var times = new StageTimes();
        var template = new BERTopicOptions { Seed = args.GetInt("seed", 42), MinTopicSize = args.GetInt("min-topic-size", 10), Language = language };
        var options = new BERTopicOptions
        {
            Seed = template.Seed,
            MinTopicSize = template.MinTopicSize,
            Language = language,
            EmbeddingModel = embeddings is null ? new TimedEmbeddingModel(DefaultStages.CreateEmbeddingModel(template), times) : null,
            UmapModel = new TimedReducer(DefaultStages.CreateReducer(template), times),
            HdbscanModel = new TimedClusterer(DefaultStages.CreateClusterer(template), times),
        };
        var model = new BERTopic(options);
        var pause0 = GC.GetTotalPauseDuration();
        int[] gc0 = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = model.FitTransform(docs, embeddings);
        double total = clock.Elapsed.TotalSeconds;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        seconds["cpu"] = new JsonObject
        {
            ["umap"] = Math.Round(times.UmapCpu, 3), ["hdbscan"] = Math.Round(times.HdbscanCpu, 3),
            ["rest"] = Math.Round(cpu - times.UmapCpu - times.HdbscanCpu, 3), ["total"] = Math.Round(cpu, 3),
        };
        seconds["gc_pause"] = Math.Round((GC.GetTotalPauseDuration() - pause0).TotalSeconds, 3);
        seconds["gc_collections_0_1_2"] = new JsonArray(GC.CollectionCount(0) - gc0[0], GC.CollectionCount(1) - gc0[1], GC.CollectionCount(2) - gc0[2]);
        seconds["embed"] = Math.Round(times.Embed, 3);
        seconds["umap"] = Math.Round(times.Umap, 3);
        seconds["hdbscan"] = Math.Round(times.Hdbscan, 3);
        seconds["ctfidf"] = Math.Round(total - times.Embed - times.Umap - times.Hdbscan, 3);
        seconds["total"] = Math.Round(total, 3);
        output["embeddings"] = embeddings is null ? $"computed ({options.EmbeddingModel!.Name})" : args.Get("embeddings");
        var topicWords = model.GetTopics().ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.Select(w => w.Word).ToArray());
        return (result.Topics, () => QualityScores.Compute(docs, labels, result.Topics, topicWords, english));
    }

    internal static JsonObject Definitions() => new()
    {
        ["ari_nmi"] = "scikit-learn adjusted_rand_score / normalized_mutual_info_score (arithmetic) vs gold labels; topic -1 is one cluster",
        ["diversity"] = "unique words in the top 10 words of all topics / (10 x topics), topic -1 excluded (OCTIS TopicDiversity)",
        ["npmi"] = "gensim CoherenceModel c_npmi as OCTIS: top 10 words, boolean sliding window of 10 tokens, eps 1e-12, mean over pairs then topics; tokens = BERTopic preprocessing then the CountVectorizer token pattern, over the whole corpus; topic -1 excluded",
        ["npmi_document"] = "same, with whole documents as windows (p_boolean_document)",
    };
}
