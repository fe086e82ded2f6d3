using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using BERTopicNet.Persistence;

namespace BERTopicNet.Cli.Commands;

/// <summary>
/// <c>model-info --model DIR</c>: loads a saved model (ours or Python BERTopic's safetensors folder), prints its
/// topic table, and optionally writes it as JSON or re-saves the model (e.g. to convert a Python folder).
/// </summary>
internal sealed class ModelInfoCommand : ICliCommand
{
    public Command Build()
    {
        var model = CliOptions.Required<string>("--model", "A model folder written by BERTopic.Save or by Python BERTopic's save(serialization=\"safetensors\").");
        var output = CliOptions.Optional<string>("--out", "Write the topic table as JSON to this file.");
        var saveTo = CliOptions.Optional<string>("--save", "Save the loaded model again into this folder (our format, Python-compatible).");
        var noVerify = CliOptions.Optional("--no-verify", "Skip the SHA-256 check of our folders' files.", false);
        var cmd = new Command("model-info", "Load a saved model and print its topics.") { model, output, saveTo, noVerify };
        cmd.SetAction(parse =>
        {
            var clock = new StageClock();
            string dir = parse.GetValue(model)!;
            var loaded = clock.Time("load", () => BERTopic.Load(dir, options: new LoadOptions
            {
                VerifyChecksums = !parse.GetValue(noVerify),
                EmbeddingModelResolver = name => throw new IOException($"'{name}' is not loaded by model-info"),
            }));
            var topics = new JsonArray();
            foreach (var t in loaded.GetTopicInfo())
            {
                topics.Add(new JsonObject
                {
                    ["topic"] = t.Topic,
                    ["count"] = t.Count,
                    ["name"] = t.Name,
                    ["custom_name"] = t.CustomName,
                    ["representation"] = new JsonArray([.. t.Representation.Select(w => (JsonNode?)w)]),
                });
                Console.Error.WriteLine($"{t.Topic,5} {t.Count,7}  {t.CustomName ?? t.Name}");
            }
            bool ours = File.Exists(Path.Combine(dir, "bertopic_net.json"));
            if (parse.GetValue(output) is { } outPath)
                File.WriteAllText(outPath, new JsonObject
                {
                    ["format"] = ours ? "bertopic-net" : "python-bertopic-safetensors",
                    ["embedding_model"] = loaded.EmbeddingModel?.Name,
                    ["documents"] = loaded.DocumentTopics.Count,
                    ["topics"] = topics,
                }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            if (parse.GetValue(saveTo) is { } target) clock.Time("save", () => loaded.Save(target));
            clock.PrintSummary(new JsonObject
            {
                ["format"] = ours ? "bertopic-net" : "python-bertopic-safetensors",
                ["topics"] = loaded.TopicCount,
                ["documents"] = loaded.DocumentTopics.Count,
            });
            return 0;
        });
        return cmd;
    }
}
