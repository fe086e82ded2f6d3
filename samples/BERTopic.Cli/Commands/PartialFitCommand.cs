using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using BERTopicNet.IO;
using BERTopicNet.Online;
using BERTopicNet.Vectorizers;

namespace BERTopicNet.Cli.Commands;

/// <summary>
/// <c>partial-fit</c>: online topic modeling (DESIGN §7). Splits the corpus into K chunks of near-equal size, feeds them
/// in order to <see cref="BERTopic.PartialFit"/> with BERTopic's online stages (IncrementalPCA, MiniBatchKMeans,
/// OnlineCountVectorizer), and writes <c>DIR/topics.json</c> for all documents plus the model in <c>DIR/model/</c>.
/// Stage keys: partial_fit (all chunks), save.
/// </summary>
internal sealed class PartialFitCommand : ICliCommand
{
    public Command Build()
    {
        var docs = CliOptions.Required<string>("--docs", "Corpus as docs.jsonl.");
        var embeddings = CliOptions.Required<string>("--embeddings", "N × D float32 .npy embeddings (row i = line i).");
        var output = CliOptions.Required<string>("--out", "Output folder (topics.json and model/).");
        var chunks = CliOptions.Optional("--chunks", "Number of chunks fed in order.", 10);
        var clusters = CliOptions.Optional("--clusters", "MiniBatchKMeans clusters (topics).", 50);
        var components = CliOptions.Optional("--components", "IncrementalPCA components.", 5);
        var decay = CliOptions.Optional<double?>("--decay", "OnlineCountVectorizer decay per chunk (e.g. 0.01); default none.");
        var deleteMinDf = CliOptions.Optional<double?>("--delete-min-df", "Drop terms whose total count falls below this; default none.");
        var stopWords = CliOptions.Optional<string?>("--stop-words", "Stop words for topic words: 'english'.");
        var seed = CliOptions.Optional("--seed", "Seed of MiniBatchKMeans' initialisation.", 0);
        var cmd = new Command("partial-fit", "Fit BERTopic online, chunk by chunk, and write topics.json and the saved model.")
        {
            docs, embeddings, output, chunks, clusters, components, decay, deleteMinDf, stopWords, seed,
        };
        cmd.SetAction(parse =>
        {
            var clock = new StageClock();
            var texts = JsonlCorpus.ReadTexts(CliOptions.ExistingFile(parse.GetValue(docs)!, "--docs"));
            var x = Npy.ReadMatrix(CliOptions.ExistingFile(parse.GetValue(embeddings)!, "--embeddings"));
            if (x.GetLength(0) != texts.Count)
                throw new ArgumentException($"--embeddings has {x.GetLength(0)} rows but --docs has {texts.Count} documents.");
            int k = parse.GetValue(chunks);
            if (k < 1 || k > texts.Count) throw new ArgumentException($"--chunks must be between 1 and the number of documents ({texts.Count}), not {k}.");
            var model = new BERTopic(new BERTopicOptions
            {
                UmapModel = new IncrementalPcaReducer(parse.GetValue(components)),
                HdbscanModel = new MiniBatchKMeansClusterer(parse.GetValue(clusters), parse.GetValue(seed)),
                VectorizerModel = new OnlineCountVectorizer(new OnlineCountVectorizerOptions
                {
                    Count = new CountVectorizerOptions { StopWords = FitCommand.ParseStopWords(parse.GetValue(stopWords)) },
                    Decay = parse.GetValue(decay),
                    DeleteMinDf = parse.GetValue(deleteMinDf),
                }),
            });
            int n = texts.Count, d = x.GetLength(1);
            clock.Time("partial_fit", () =>
            {
                for (int c = 0, start = 0; c < k; c++)
                {
                    int size = (n / k) + (c < n % k ? 1 : 0);
                    var part = new float[size, d];
                    Buffer.BlockCopy(x, start * d * sizeof(float), part, 0, size * d * sizeof(float));
                    model.PartialFit(texts.GetRange(start, size), part);
                    start += size;
                }
            });
            string outDir = parse.GetValue(output)!;
            Directory.CreateDirectory(outDir);
            clock.Time("save", () => model.Save(Path.Combine(outDir, "model")));
            var json = TopicsJson.Describe(model, new TopicModelResult([.. model.DocumentTopics], null));
            File.WriteAllText(Path.Combine(outDir, "topics.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
            clock.PrintSummary(new JsonObject { ["documents"] = n, ["chunks"] = k, ["topics"] = model.TopicIds.Count(t => t >= 0) });
            return 0;
        });
        return cmd;
    }
}
