using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using BERTopicNet.IO;

namespace BERTopicNet.Cli.Commands;

/// <summary>
/// <c>transform</c>: loads a saved model and assigns topics to documents (DESIGN §7). Writes
/// <c>{"doc_topics": [...], "probabilities": [...]}</c>. Stage keys: load, embed (when embeddings are not given), transform.
/// </summary>
internal sealed class TransformCommand : ICliCommand
{
    public Command Build()
    {
        var modelDir = CliOptions.Required<string>("--model", "A model folder written by fit (DIR/model) or by Python BERTopic (safetensors).");
        var docs = CliOptions.Required<string>("--docs", "Documents as docs.jsonl.");
        var output = CliOptions.Required<string>("--out", "Where to write the JSON result.");
        var embeddings = CliOptions.Optional<string?>("--embeddings", "Precomputed N × D float32 .npy embeddings of the documents.");
        var cmd = new Command("transform", "Assign topics to documents with a saved model.") { modelDir, docs, output, embeddings };
        cmd.SetAction(parse =>
        {
            var clock = new StageClock();
            string dir = parse.GetValue(modelDir)!;
            if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"--model: folder '{dir}' does not exist.");
            var texts = JsonlCorpus.ReadTexts(CliOptions.ExistingFile(parse.GetValue(docs)!, "--docs"));
            float[,]? x = parse.GetValue(embeddings) is { } e ? Npy.ReadMatrix(CliOptions.ExistingFile(e, "--embeddings")) : null;
            var model = clock.Time("load", () => BERTopic.Load(dir));
            if (x is null && model.EmbeddingModel is { } embedder)
                x = clock.Time("embed", () => embedder.Embed(texts));
            var result = clock.Time("transform", () => model.Transform(texts, x));
            var json = new JsonObject
            {
                ["doc_topics"] = new JsonArray([.. result.Topics.Select(t => (JsonNode)t)]),
                ["probabilities"] = TopicsJson.Probabilities(result.Probabilities) ?? [],
            };
            File.WriteAllText(parse.GetValue(output)!, json.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
            clock.PrintSummary(new JsonObject { ["documents"] = texts.Count, ["outliers"] = result.Topics.Count(t => t < 0) });
            return 0;
        });
        return cmd;
    }
}
