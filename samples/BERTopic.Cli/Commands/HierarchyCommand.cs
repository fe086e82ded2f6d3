using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BERTopicNet.Cli.Commands;

/// <summary>
/// <c>hierarchy --model DIR --docs D.jsonl --out H.json</c> (DESIGN §7): Python's <c>hierarchical_topics</c> and
/// <c>get_topic_tree</c>. Writes <c>{"rows":[{"parent_id","parent_name","topics","child_left_id","child_left_name",
/// "child_right_id","child_right_name","distance"}],"tree":"..."}</c>. Stage keys: load, hierarchy.
/// </summary>
internal sealed class HierarchyCommand : ICliCommand
{
    public Command Build()
    {
        var model = CliOptions.Required<string>("--model", "The saved model (DIR/model of 'fit', or the folder itself).");
        var docs = CliOptions.Required<string>("--docs", "The documents the model was fitted on (docs.jsonl).");
        var output = CliOptions.Required<string>("--out", "Where to write the JSON rows and tree.");
        var cmd = new Command("hierarchy", "A hierarchy of the topics (hierarchical_topics) and its text tree (get_topic_tree).") { model, docs, output };
        cmd.SetAction(parse =>
        {
            var clock = new StageClock();
            var texts = IO.JsonlCorpus.ReadTexts(CliOptions.ExistingFile(parse.GetValue(docs)!, "--docs"));
            var m = AnalysisInput.LoadModel(parse.GetValue(model)!, clock);
            var rows = clock.Time("hierarchy", () => m.HierarchicalTopics(texts));
            string tree = BERTopic.GetTopicTree(rows);
            var json = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["parent_id"] = r.ParentId,
                ["parent_name"] = r.ParentName,
                ["topics"] = new JsonArray([.. r.Topics.Select(t => (JsonNode)t)]),
                ["child_left_id"] = r.ChildLeftId,
                ["child_left_name"] = r.ChildLeftName,
                ["child_right_id"] = r.ChildRightId,
                ["child_right_name"] = r.ChildRightName,
                ["distance"] = r.Distance,
            })]);
            File.WriteAllText(parse.GetValue(output)!, new JsonObject { ["rows"] = json, ["tree"] = tree }.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
            clock.PrintSummary(new JsonObject { ["merges"] = rows.Count });
            return 0;
        });
        return cmd;
    }
}
