using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BERTopicNet.IO;
using BERTopicNet.Vectorizers;

namespace BERTopicNet.Cli.Commands;

/// <summary>
/// <c>fit</c>: the whole BERTopic pipeline on a corpus (DESIGN §7). Writes <c>DIR/topics.json</c> (<c>doc_topics</c>,
/// <c>topic_words</c>, <c>topic_sizes</c>, <c>topic_labels</c>, probabilities when asked) and the saved model in
/// <c>DIR/model/</c>. Stage keys: embed (when embeddings are not given), umap, hdbscan, soft (with --probabilities), ctfidf.
/// </summary>
internal sealed class FitCommand : ICliCommand
{
    public Command Build()
    {
        var docs = CliOptions.Required<string>("--docs", "Corpus as docs.jsonl (one {\"text\": ...} per line).");
        var output = CliOptions.Required<string>("--out", "Output folder (topics.json and model/).");
        var embeddings = CliOptions.Optional<string?>("--embeddings", "Precomputed N × D float32 .npy embeddings (row i = line i); otherwise the documents are embedded.");
        var seed = CliOptions.Optional("--seed", "Random seed (UMAP, sampling of representative documents).", 42);
        var nrTopics = CliOptions.Optional<string?>("--nr-topics", "Reduce to this many topics, or 'auto'.");
        var stopWords = CliOptions.Optional<string?>("--stop-words", "Stop words for topic words: 'english'.");
        var ngram = CliOptions.Optional("--ngram", "n-gram range of topic words, as MIN,MAX.", "1,1");
        var minTopicSize = CliOptions.Optional("--min-topic-size", "Smallest topic (HDBSCAN min_cluster_size).", 10);
        var probabilities = CliOptions.Optional("--probabilities", "Compute the document × topic probability matrix (calculate_probabilities).", false);
        var model = CliOptions.Optional<string?>("--model", "Embedding model name or folder when embedding (default: all-MiniLM-L6-v2).");
        var yField = CliOptions.Optional<string?>("--y-field", "Field of each docs.jsonl line holding its class for semi-supervised fitting (missing or null = -1).");
        var zeroShot = CliOptions.Optional<string?>("--zero-shot-topics", "JSON list of zero-shot topic labels (embedded with the embedding model).");
        var zeroShotMin = CliOptions.Optional("--zero-shot-min-similarity", "Cosine a document needs to a zero-shot label.", 0.7);
        var seedTopics = CliOptions.Optional<string?>("--seed-topics", "JSON list of seed word lists for guided topic modeling.");
        var cmd = new Command("fit", "Fit BERTopic on a corpus and write topics.json and the saved model.")
        {
            docs, output, embeddings, seed, nrTopics, stopWords, ngram, minTopicSize, probabilities, model, yField, zeroShot, zeroShotMin, seedTopics,
        };
        cmd.SetAction(parse =>
        {
            var clock = new StageClock();
            string docsPath = CliOptions.ExistingFile(parse.GetValue(docs)!, "--docs");
            var texts = JsonlCorpus.ReadTexts(docsPath);
            int[]? y = parse.GetValue(yField) is { } f ? SteeringInputs.ReadY(docsPath, f) : null;
            float[,]? x = parse.GetValue(embeddings) is { } e ? Npy.ReadMatrix(CliOptions.ExistingFile(e, "--embeddings")) : null;
            var range = ParseRange(parse.GetValue(ngram)!);
            var options = new BERTopicOptions
            {
                Seed = parse.GetValue(seed),
                NrTopics = ParseNrTopics(parse.GetValue(nrTopics)),
                NGramRange = range,
                MinTopicSize = parse.GetValue(minTopicSize),
                CalculateProbabilities = parse.GetValue(probabilities),
                EmbeddingModel = parse.GetValue(model) is { } m ? Embedding.EmbeddingModels.FromName(m) : null,
                ZeroShotTopicList = parse.GetValue(zeroShot) is { } z ? SteeringInputs.ReadZeroShotTopics(z) : null,
                ZeroShotMinSimilarity = parse.GetValue(zeroShotMin),
                SeedTopicList = parse.GetValue(seedTopics) is { } st ? SteeringInputs.ReadSeedTopics(st) : null,
                VectorizerModel = new CountVectorizer(new CountVectorizerOptions
                {
                    NGramRange = range,
                    StopWords = ParseStopWords(parse.GetValue(stopWords)),
                }),
            };
            string outDir = parse.GetValue(output)!;
            Directory.CreateDirectory(outDir);

            var topicModel = new BERTopic(options);
            var result = clock.Time("fit", () => topicModel.FitTransform(texts, x, y));
            ReportStages(clock, topicModel);
            clock.Time("save", () => SaveModel(topicModel, Path.Combine(outDir, "model")));

            var json = TopicsJson.Describe(topicModel, result);
            File.WriteAllText(Path.Combine(outDir, "topics.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
            clock.PrintSummary(new JsonObject
            {
                ["documents"] = texts.Count,
                ["topics"] = topicModel.TopicCount,
                ["outliers"] = result.Topics.Count(t => t < 0),
            });
            return 0;
        });
        return cmd;
    }

    /// <summary>Moves the facade's own stage timings into the DESIGN §7 stage keys.</summary>
    private static void ReportStages(StageClock clock, BERTopic model)
    {
        var d = model.StageDurations;
        void Put(string from, string to) { if (d.TryGetValue(from, out var t)) clock.Add(to, t); }
        Put(BERTopicStages.Embedding, "embed");
        Put(BERTopicStages.Reduction, "umap");
        Put(BERTopicStages.Clustering, "hdbscan");
        Put(BERTopicStages.Probabilities, "soft");
        Put(BERTopicStages.Representation, "ctfidf");
        clock.Remove("fit");
    }

    private static void SaveModel(BERTopic model, string path) => model.Save(path);

    internal static NGramRange ParseRange(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int lo)
            || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int hi) || lo < 1 || hi < lo)
            throw new ArgumentException($"--ngram must be MIN,MAX with 1 <= MIN <= MAX (got '{text}').");
        return new NGramRange(lo, hi);
    }

    internal static NrTopics? ParseNrTopics(string? text) => text switch
    {
        null => null,
        "auto" => NrTopics.Auto,
        _ when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 1 => NrTopics.Of(n),
        _ => throw new ArgumentException($"--nr-topics must be a positive integer or 'auto' (got '{text}')."),
    };

    internal static IEnumerable<string>? ParseStopWords(string? text) => text?.ToLowerInvariant() switch
    {
        null => null,
        "english" => StopWordLists.English,
        _ => throw new ArgumentException($"--stop-words supports 'english' (got '{text}')."),
    };
}
