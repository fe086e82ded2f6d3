using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using BERTopicNet.Benchmarks.Quality;
using BERTopicNet.Evaluation;

namespace BERTopicNet.Benchmarks;

/// <summary>
/// The whole fit from embeddings on N synthetic documents: a mixture of clusters on the 384-d unit sphere, each
/// cluster with its own vocabulary of short texts. Prints one JSON line
/// <c>{"rows","seconds":{"umap","hdbscan","ctfidf","total"},"peak_mb","topics",...}</c>, and with <c>--transform M</c>
/// (default 100,000) also the Transform throughput for M new documents given their embeddings.
/// </summary>
/// <remarks>
/// Cluster k has a random unit centre c_k; a document of cluster k is the unit vector along c_k + σ·g with g standard
/// normal per dimension (σ = 0.035 by default, so that a document's cosine to its centre is about 0.8, close to how
/// far sentence embeddings of one topic spread). Cluster sizes follow a Zipf-like law (weight 1/(k+10)).
/// Its words: 70% from the cluster's own 40 words, 30% from 3,000 words shared by all clusters, 6–20 words a document.
/// Everything comes from <c>--seed</c> (default 1), so a run is repeatable. <c>ctfidf</c> is the rest of the fit
/// (vectorizer, c-TF-IDF, topic words, representative documents, topic embeddings).
/// </remarks>
internal sealed class ScaleBenchmark : IBenchmark
{
    private const int Dim = 384;

    public string Name => "scale";

    public string Usage => "--rows N [--clusters K] [--transform M] [--sigma 0.035] [--seed 1]: synthetic fit from embeddings at scale; one JSON line (seconds per stage, peak_mb, topics, transform docs/s, ARI vs the generating clusters)";

    public bool SingleLine => true;

    public JsonObject Run(BenchmarkArgs args)
    {
        int rows = args.GetInt("rows", 100_000);
        int clusters = args.GetInt("clusters", Math.Clamp(rows / 2_000, 20, 400));
        int transformRows = args.GetInt("transform", 100_000);
        float sigma = float.Parse(args.Get("sigma", "0.035"), System.Globalization.CultureInfo.InvariantCulture);
        int seed = args.GetInt("seed", 1);

        var corpus = new SyntheticCorpus(clusters, sigma, seed);
        var (docs, embeddings, truth) = corpus.Sample(rows, new Random(seed + 1));
        Console.Error.WriteLine($"scale: {rows:N0} documents, {clusters} clusters generated; peak so far {ProcessMemory.PeakMegabytes():F0} MB");

        var times = new StageTimes();
        var defaults = new BERTopicOptions();
        var options = new BERTopicOptions
        {
            UmapModel = new TimedReducer(DefaultStages.CreateReducer(defaults), times),
            HdbscanModel = new TimedClusterer(DefaultStages.CreateClusterer(defaults), times),
        };
        var model = new BERTopic(options);
        var sw = Stopwatch.StartNew();
        var (topics, _) = model.FitTransform(docs, embeddings);
        double total = sw.Elapsed.TotalSeconds;
        double peak = ProcessMemory.PeakMegabytes();
        int topicCount = model.TopicSizes.Keys.Count(t => t >= 0);
        double ari = ClusteringMetrics.AdjustedRandIndex(truth, topics);
        Console.Error.WriteLine($"scale: fit {total:F1} s (UMAP {times.Umap:F1} s, HDBSCAN {times.Hdbscan:F1} s), {topicCount} topics, peak {peak:F0} MB");

        var result = new JsonObject
        {
            ["rows"] = rows,
            ["clusters"] = clusters,
            ["seconds"] = new JsonObject
            {
                ["umap"] = Math.Round(times.Umap, 2), ["hdbscan"] = Math.Round(times.Hdbscan, 2),
                ["ctfidf"] = Math.Round(total - times.Umap - times.Hdbscan, 2), ["total"] = Math.Round(total, 2),
            },
            ["peak_mb"] = Math.Round(peak, 0),
            ["topics"] = topicCount,
            ["outliers"] = topics.Count(t => t < 0),
            ["ari_vs_generating_clusters"] = Math.Round(ari, 4),
        };
        if (transformRows > 0)
        {
            embeddings = null!; // the training vectors are no longer needed
            var (newDocs, newEmbeddings, newTruth) = corpus.Sample(transformRows, new Random(seed + 2));
            sw.Restart();
            var (predicted, _) = model.Transform(newDocs, newEmbeddings);
            double s = sw.Elapsed.TotalSeconds;
            result["transform"] = new JsonObject
            {
                ["rows"] = transformRows, ["seconds"] = Math.Round(s, 2), ["docs_per_s"] = Math.Round(transformRows / s, 0),
                ["ari_vs_generating_clusters"] = Math.Round(ClusteringMetrics.AdjustedRandIndex(newTruth, predicted), 4),
            };
            result["peak_mb"] = Math.Round(ProcessMemory.PeakMegabytes(), 0);
            result["fit_peak_mb"] = Math.Round(peak, 0);
        }
        return result;
    }

    /// <summary>The generating mixture: centres, sizes and vocabularies.</summary>
    private sealed class SyntheticCorpus
    {
        private readonly float[][] _centres;
        private readonly double[] _cumulative;
        private readonly string[][] _own;
        private readonly string[] _shared;
        private readonly float _sigma;

        public SyntheticCorpus(int clusters, float sigma, int seed)
        {
            var rng = new Random(seed);
            _sigma = sigma;
            _centres = new float[clusters][];
            for (int k = 0; k < clusters; k++)
            {
                var c = new float[Dim];
                for (int j = 0; j < Dim; j++) c[j] = (float)Gaussian(rng);
                Normalize(c);
                _centres[k] = c;
            }
            var weights = Enumerable.Range(0, clusters).Select(k => 1.0 / (k + 10)).ToArray();
            double sum = weights.Sum(), acc = 0;
            _cumulative = weights.Select(w => acc += w / sum).ToArray();
            var words = new HashSet<string>(StringComparer.Ordinal);
            string NewWord()
            {
                string w;
                do w = Word(rng); while (!words.Add(w));
                return w;
            }
            _own = Enumerable.Range(0, clusters).Select(_ => Enumerable.Range(0, 40).Select(_ => NewWord()).ToArray()).ToArray();
            _shared = Enumerable.Range(0, 3_000).Select(_ => NewWord()).ToArray();
        }

        public (string[] Docs, float[,] Embeddings, int[] Truth) Sample(int n, Random rng)
        {
            var docs = new string[n];
            var embeddings = new float[n, Dim];
            var truth = new int[n];
            var v = new float[Dim];
            var sb = new StringBuilder();
            for (int i = 0; i < n; i++)
            {
                int k = Array.BinarySearch(_cumulative, rng.NextDouble());
                k = Math.Min(k < 0 ? ~k : k, _centres.Length - 1);
                truth[i] = k;
                for (int j = 0; j < Dim; j++) v[j] = _centres[k][j] + _sigma * (float)Gaussian(rng);
                Normalize(v);
                for (int j = 0; j < Dim; j++) embeddings[i, j] = v[j];
                sb.Clear();
                int words = rng.Next(6, 21);
                for (int w = 0; w < words; w++)
                {
                    if (w > 0) sb.Append(' ');
                    sb.Append(rng.NextDouble() < 0.7 ? _own[k][rng.Next(_own[k].Length)] : _shared[rng.Next(_shared.Length)]);
                }
                docs[i] = sb.ToString();
            }
            return (docs, embeddings, truth);
        }

        private static string Word(Random rng)
        {
            const string consonants = "bcdfghklmnprstvz", vowels = "aeiou";
            var sb = new StringBuilder();
            int syllables = rng.Next(2, 4);
            for (int s = 0; s < syllables; s++) sb.Append(consonants[rng.Next(consonants.Length)]).Append(vowels[rng.Next(vowels.Length)]);
            return sb.ToString();
        }

        private static double Gaussian(Random rng) =>
            Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

        private static void Normalize(Span<float> v)
        {
            float norm = System.Numerics.Tensors.TensorPrimitives.Norm(v);
            System.Numerics.Tensors.TensorPrimitives.Divide(v, norm, v);
        }
    }
}
