using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BERTopicNet.Benchmarks.Pipeline;
using BERTopicNet.IO;
using BERTopicNet.Reduction;
using BERTopicNet.Vectorizers;

namespace BERTopicNet.Benchmarks;

/// <summary>
/// The side-by-side "Show" of the full pipeline: the default BERTopic fit (UMAP + HDBSCAN + c-TF-IDF) on a corpus's
/// precomputed embeddings for several seeds, then <c>ReduceTopics(20)</c>, <c>UpdateTopics(ngram (1,3), english stop
/// words)</c> and a fresh fit with <c>NrTopics = auto</c>, each scored like Python BERTopic 0.17.4's results in
/// <c>reference/&lt;corpus&gt;/bertopic.json</c>: number of topics, outlier share, topic sizes, ARI/NMI vs the gold
/// labels, topic diversity.
/// </summary>
internal sealed class PipelineBenchmark : IBenchmark
{
    private static readonly string[] Steps = ["fit", "reduce_topics_20", "update_topics_ngram13_english", "nr_topics_auto"];

    public string Name => "pipeline";

    public string Usage => "[--corpus 20newsgroups] [--seeds 42,43,44,45,46] [--layout parallel|sequential] [--python-seeds] [--data DIR]: fit/reduce(20)/update(1-3, english)/auto per seed vs Python's bertopic.json (topics, outliers, sizes, ARI/NMI, diversity)";

    public JsonObject Run(BenchmarkArgs args)
    {
        string corpusName = args.Get("corpus", "20newsgroups");
        bool? sequential = args.SequentialLayout;
        var seeds = args.Get("seeds", "42,43,44,45,46").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        string data = args.DataDirectory;
        var corpus = JsonlCorpus.Read(Path.Combine(data, corpusName, "docs.jsonl"));
        var docs = corpus.ConvertAll(d => d.Text);
        var names = corpus.Where(d => d.Label is not null).Select(d => d.Label!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        int[]? gold = names.Count == 0 ? null : [.. corpus.Select(d => d.Label is null ? -1 : names.BinarySearch(d.Label, StringComparer.Ordinal))];
        var embeddings = Npy.ReadMatrix(Path.Combine(data, corpusName, "embeddings.npy"));

        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "reference", corpusName, "bertopic.json")));
        var python = new Dictionary<string, PipelineScores>();
        var fitTopics = PipelineScores.ReadPythonBlock(reference.RootElement, "fit").DocTopics!;
        foreach (var step in Steps)
        {
            var (topics, words) = PipelineScores.ReadPythonBlock(reference.RootElement, step);
            python[step] = PipelineScores.Compute(topics ?? fitTopics, words, gold); // update_topics keeps the fit's topics
        }

        var ours = Steps.ToDictionary(s => s, _ => new List<PipelineScores>());
        var perSeed = new JsonArray();
        foreach (int seed in seeds)
            perSeed.Add(RunSeed(seed, () => OurUmap(seed, sequential), docs, embeddings, gold, ours));

        // Python's own spread over seeds: umap-learn's layout for each seed, then our HDBSCAN, c-TF-IDF and operations
        // (our HDBSCAN and c-TF-IDF reproduce hdbscan's and BERTopic's exactly, so this is Python BERTopic per seed: on seed 42 it gives bertopic.json's fit)
        Dictionary<string, List<PipelineScores>>? umapLearn = null;
        if (args.Has("python-seeds"))
        {
            umapLearn = Steps.ToDictionary(s => s, _ => new List<PipelineScores>());
            var input = Path.Combine(data, corpusName, "embeddings.npy");
            foreach (int seed in seeds)
            {
                var coordinates = Npy.ReadMatrix(UmapLearn.Run(input, seed).OutPath);
                perSeed.Add(RunSeed(seed, () => new FixedReduction(coordinates), docs, embeddings, gold, umapLearn, "umap-learn + ours"));
            }
        }

        var comparison = new JsonObject();
        foreach (var step in Steps)
        {
            comparison[step] = new JsonObject { ["python"] = python[step].ToJson(), ["ours"] = PipelineScores.Summary(ours[step]) };
            if (umapLearn is not null) comparison[step]!["umap_learn_then_ours"] = PipelineScores.Summary(umapLearn[step]);
        }
        return new JsonObject
        {
            ["corpus"] = corpusName,
            ["docs"] = docs.Count,
            ["seeds"] = new JsonArray([.. seeds.Select(s => (JsonNode)s)]),
            ["comparison"] = comparison,
            ["checks"] = Checks(python["fit"], ours["fit"]),
            ["table"] = Table(python, ours, umapLearn),
            ["per_seed"] = perSeed,
            ["definitions"] = "ARI/NMI: scikit-learn semantics vs the gold labels, topic -1 counted as one cluster; diversity: distinct words in the top 10 of every topic except -1 / their number; sizes exclude -1; ours = mean (sd) over seeds; Python: UMAP seed 42, same embeddings; umap-learn + ours (--python-seeds): umap-learn's output for each seed, then our HDBSCAN, c-TF-IDF and topic operations",
        };
    }

    /// <summary>Fit, update_topics (1-3, english), reduce_topics(20) and a fit with nr_topics auto for one seed.</summary>
    private static JsonObject RunSeed(int seed, Func<IDimensionalityReducer> reducer, List<string> docs, float[,] embeddings, int[]? gold,
        Dictionary<string, List<PipelineScores>> scores, string who = "ours")
    {
        var seconds = new JsonObject();
        var clock = Stopwatch.StartNew();
        var model = new BERTopic(new BERTopicOptions { Seed = seed, UmapModel = reducer() });
        var (topics, _) = model.FitTransform(docs, embeddings);
        seconds["fit"] = Math.Round(clock.Elapsed.TotalSeconds, 2);
        scores["fit"].Add(PipelineScores.Compute(topics, Words(model), gold));

        clock.Restart();
        model.UpdateTopics(docs, vectorizer: new CountVectorizer(new CountVectorizerOptions { NGramRange = (1, 3), StopWords = StopWordLists.English }));
        seconds["update_topics"] = Math.Round(clock.Elapsed.TotalSeconds, 2);
        scores["update_topics_ngram13_english"].Add(PipelineScores.Compute(model.DocumentTopics, Words(model), gold));

        // Back to the default vectorizer so that the reduced topics' words are comparable with Python's reduce_topics(20).
        model.UpdateTopics(docs, vectorizer: new CountVectorizer());
        clock.Restart();
        var (reduced, _) = model.ReduceTopics(docs, 20);
        seconds["reduce_topics"] = Math.Round(clock.Elapsed.TotalSeconds, 2);
        scores["reduce_topics_20"].Add(PipelineScores.Compute(reduced, Words(model), gold));

        clock.Restart();
        var auto = new BERTopic(new BERTopicOptions { Seed = seed, UmapModel = reducer(), NrTopics = NrTopics.Auto });
        var (autoTopics, _) = auto.FitTransform(docs, embeddings);
        seconds["fit_nr_topics_auto"] = Math.Round(clock.Elapsed.TotalSeconds, 2);
        scores["nr_topics_auto"].Add(PipelineScores.Compute(autoTopics, Words(auto), gold));

        var entry = new JsonObject { ["who"] = who, ["seed"] = seed, ["seconds"] = seconds };
        foreach (var step in Steps) entry[step] = scores[step][^1].ToJson();
        Console.Error.WriteLine($"{who}, seed {seed}: {entry.ToJsonString()}");
        return entry;
    }

    private static UmapReducer OurUmap(int seed, bool? sequentialLayout)
    {
        var umap = UmapReducer.BERTopicDefaults(seed);
        if (sequentialLayout is { } sequential) umap.SequentialLayout = sequential;
        return new UmapReducer(umap);
    }

    private static Dictionary<int, IReadOnlyList<string>> Words(BERTopic model) =>
        model.GetTopics().ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)[.. kv.Value.Select(w => w.Word)]);

    /// <summary>The issue's bar: ARI/NMI at least Python's (mean over seeds); topic count and outlier share within 10%.</summary>
    private static JsonObject Checks(PipelineScores python, List<PipelineScores> ours)
    {
        double ari = ours.Average(r => r.Ari ?? 0), nmi = ours.Average(r => r.Nmi ?? 0);
        double topics = ours.Average(r => r.Topics), outliers = ours.Average(r => r.OutlierShare);
        return new JsonObject
        {
            ["ari_at_least_python"] = ari >= (python.Ari ?? 0),
            ["nmi_at_least_python"] = nmi >= (python.Nmi ?? 0),
            ["topics_within_10_percent"] = Math.Abs(topics - python.Topics) <= 0.1 * python.Topics,
            ["outlier_share_within_10_percent"] = Math.Abs(outliers - python.OutlierShare) <= 0.1 * python.OutlierShare,
        };
    }

    private static JsonArray Table(Dictionary<string, PipelineScores> python, Dictionary<string, List<PipelineScores>> ours,
        Dictionary<string, List<PipelineScores>>? umapLearn)
    {
        static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
        static string MeanSd(IEnumerable<double> values, string format)
        {
            var v = values.ToArray();
            double mean = v.Average();
            double sd = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
            return $"{F(mean, format)} ({F(sd, format)})";
        }
        var lines = new JsonArray
        {
            "| step | who | topics | outliers | largest / median / smallest | ARI | NMI | diversity |",
            "|---|---|---|---|---|---|---|---|",
        };
        string Row(string step, string who, List<PipelineScores> o) =>
            new StringBuilder()
                .Append($"| {step} | {who} | {MeanSd(o.Select(r => (double)r.Topics), "0.0")} | {MeanSd(o.Select(r => r.OutlierShare), "0.000")} | ")
                .Append($"{MeanSd(o.Select(r => (double)r.Largest), "0")} / {MeanSd(o.Select(r => r.MedianSize), "0.#")} / {MeanSd(o.Select(r => (double)r.Smallest), "0")} | ")
                .Append($"{MeanSd(o.Select(r => r.Ari ?? double.NaN), "0.000")} | {MeanSd(o.Select(r => r.Nmi ?? double.NaN), "0.000")} | {MeanSd(o.Select(r => r.Diversity), "0.000")} |")
                .ToString();
        foreach (var (step, p) in python)
        {
            lines.Add($"| {step} | Python | {p.Topics} | {F(p.OutlierShare, "0.000")} | {p.Largest} / {F(p.MedianSize, "0.#")} / {p.Smallest} | {F(p.Ari ?? double.NaN, "0.000")} | {F(p.Nmi ?? double.NaN, "0.000")} | {F(p.Diversity, "0.000")} |");
            lines.Add(Row(step, "ours", ours[step]));
            if (umapLearn is not null) lines.Add(Row(step, "umap-learn + ours", umapLearn[step]));
        }
        return lines;
    }
}
