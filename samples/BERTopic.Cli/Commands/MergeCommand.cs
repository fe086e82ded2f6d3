using System.CommandLine;
using System.Text.Json.Nodes;

namespace BERTopicNet.Cli.Commands;

/// <summary>
/// <c>merge</c>: merges saved models into one (Python's <c>BERTopic.merge_models</c>, DESIGN §7) and saves it as a model
/// folder. Stage keys: load, merge, save.
/// </summary>
internal sealed class MergeCommand : ICliCommand
{
    public Command Build()
    {
        var models = new Option<string[]>("--models")
        {
            Required = true,
            AllowMultipleArgumentsPerToken = true,
            Description = "Two or more model folders (written by fit, merge or Python BERTopic), the first one the base.",
        };
        var output = CliOptions.Required<string>("--out", "Folder of the merged model.");
        var minSimilarity = CliOptions.Optional("--min-similarity", "Topic-embedding cosine at which a later model's topic counts as already present.", 0.7);
        var cmd = new Command("merge", "Merge saved topic models into one model folder.") { models, output, minSimilarity };
        cmd.SetAction(parse =>
        {
            var clock = new StageClock();
            var dirs = parse.GetValue(models) ?? [];
            if (dirs.Length < 2) throw new ArgumentException($"--models needs at least two model folders (got {dirs.Length}).");
            foreach (var d in dirs)
                if (!Directory.Exists(d)) throw new DirectoryNotFoundException($"--models: folder '{d}' does not exist.");
            var loaded = clock.Time("load", () => dirs.Select(d => BERTopic.Load(d)).ToList());
            var merged = clock.Time("merge", () => BERTopic.MergeModels(loaded, parse.GetValue(minSimilarity)));
            clock.Time("save", () => merged.Save(parse.GetValue(output)!));
            clock.PrintSummary(new JsonObject
            {
                ["models"] = dirs.Length,
                ["documents"] = merged.DocumentTopics.Count,
                ["topics"] = merged.TopicIds.Count(t => t >= 0),
            });
            return 0;
        });
        return cmd;
    }
}
