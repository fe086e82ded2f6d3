using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using BERTopicNet.Analysis;

namespace BERTopicNet.Cli.Commands;

/// <summary>
/// <c>topics-over-time --model DIR --docs D.jsonl --timestamps-field F [--nr-bins N] --out T.json</c> (DESIGN §7):
/// Python's <c>topics_over_time</c> on the fitted documents. Writes
/// <c>{"rows":[{"topic","words","frequency","timestamp"}]}</c>, timestamps in ISO 8601. Stage keys: load, ctfidf.
/// </summary>
internal sealed class TopicsOverTimeCommand : ICliCommand
{
    public Command Build()
    {
        var model = CliOptions.Required<string>("--model", "The saved model (DIR/model of 'fit', or the folder itself).");
        var docs = CliOptions.Required<string>("--docs", "The documents the model was fitted on (docs.jsonl).");
        var field = CliOptions.Required<string>("--timestamps-field", "The field of each JSON line that holds the document's time (ISO 8601, e.g. 1790 or 1790-01-08).");
        var output = CliOptions.Required<string>("--out", "Where to write the JSON rows.");
        var nrBins = CliOptions.Optional<int?>("--nr-bins", "Put the timestamps into this many equal-width bins (pandas.cut).");
        var noGlobal = CliOptions.Optional("--no-global-tuning", "Do not average with the global c-TF-IDF (global_tuning=False).", false);
        var noEvolution = CliOptions.Optional("--no-evolution-tuning", "evolution_tuning=False.", false);
        var cmd = new Command("topics-over-time", "The topics' words at each time (topics_over_time).") { model, docs, field, output, nrBins, noGlobal, noEvolution };
        cmd.SetAction(parse =>
        {
            var clock = new StageClock();
            int? bins = parse.GetValue(nrBins);
            if (bins is < 1) throw new ArgumentException($"--nr-bins must be at least 1 (it was {bins}).");
            var (texts, stamps) = AnalysisInput.ReadField(parse.GetValue(docs)!, parse.GetValue(field)!, "--timestamps-field");
            var m = AnalysisInput.LoadModel(parse.GetValue(model)!, clock);
            var options = new TopicsOverTimeOptions { NrBins = bins, GlobalTuning = !parse.GetValue(noGlobal), EvolutionTuning = !parse.GetValue(noEvolution) };
            var rows = clock.Time("ctfidf", () => m.TopicsOverTime(texts, stamps, options));
            var json = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["topic"] = r.Topic, ["words"] = r.Words, ["frequency"] = r.Frequency, ["timestamp"] = TopicTables.Iso(r.Timestamp),
            })]);
            File.WriteAllText(parse.GetValue(output)!, new JsonObject { ["rows"] = json }.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
            clock.PrintSummary(new JsonObject { ["rows"] = rows.Count, ["timestamps"] = rows.Select(r => r.Timestamp).Distinct().Count() });
            return 0;
        });
        return cmd;
    }
}
