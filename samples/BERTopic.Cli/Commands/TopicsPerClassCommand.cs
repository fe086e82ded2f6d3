using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BERTopicNet.Cli.Commands;

/// <summary>
/// <c>topics-per-class --model DIR --docs D.jsonl --classes-field F --out C.json</c> (DESIGN §7): Python's
/// <c>topics_per_class</c> on the fitted documents. Writes <c>{"rows":[{"topic","words","frequency","class"}]}</c>.
/// Stage keys: load, ctfidf.
/// </summary>
internal sealed class TopicsPerClassCommand : ICliCommand
{
    public Command Build()
    {
        var model = CliOptions.Required<string>("--model", "The saved model (DIR/model of 'fit', or the folder itself).");
        var docs = CliOptions.Required<string>("--docs", "The documents the model was fitted on (docs.jsonl).");
        var field = CliOptions.Required<string>("--classes-field", "The field of each JSON line that holds the document's class.");
        var output = CliOptions.Required<string>("--out", "Where to write the JSON rows.");
        var noGlobal = CliOptions.Optional("--no-global-tuning", "Do not average with the global c-TF-IDF (global_tuning=False).", false);
        var cmd = new Command("topics-per-class", "The topics' words within each class (topics_per_class).") { model, docs, field, output, noGlobal };
        cmd.SetAction(parse =>
        {
            var clock = new StageClock();
            var (texts, classes) = AnalysisInput.ReadField(parse.GetValue(docs)!, parse.GetValue(field)!, "--classes-field");
            var m = AnalysisInput.LoadModel(parse.GetValue(model)!, clock);
            var rows = clock.Time("ctfidf", () => m.TopicsPerClass(texts, classes, !parse.GetValue(noGlobal)));
            var json = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["topic"] = r.Topic, ["words"] = r.Words, ["frequency"] = r.Frequency, ["class"] = r.Class,
            })]);
            File.WriteAllText(parse.GetValue(output)!, new JsonObject { ["rows"] = json }.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
            clock.PrintSummary(new JsonObject { ["rows"] = rows.Count, ["classes"] = rows.Select(r => r.Class).Distinct().Count() });
            return 0;
        });
        return cmd;
    }
}
