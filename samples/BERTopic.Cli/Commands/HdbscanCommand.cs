using System.CommandLine;
using System.Text.Json.Nodes;
using BERTopicNet.Hdbscan;
using BERTopicNet.IO;

namespace BERTopicNet.Cli.Commands;

/// <summary>
/// <c>hdbscan</c>: clusters reduced embeddings (DESIGN §7). Stage keys: <c>hdbscan</c> (the fit) and <c>soft</c>
/// (all-points membership, when <c>--out-soft</c> is given).
/// </summary>
internal sealed class HdbscanCommand : ICliCommand
{
    public Command Build()
    {
        var input = CliOptions.Required<string>("--input", "N × d float32 .npy (e.g. UMAP output).");
        var outLabels = CliOptions.Required<string>("--out-labels", "Where to write the int32 labels (-1 = noise).");
        var minClusterSize = CliOptions.Optional("--min-cluster-size", "Smallest cluster (BERTopic's min_topic_size).", 10);
        var minSamples = CliOptions.Optional<int?>("--min-samples", "Neighbourhood size for core distances (default: min cluster size).");
        var method = CliOptions.Optional("--method", "Cluster selection: eom or leaf.", "eom");
        var epsilon = CliOptions.Optional("--epsilon", "cluster_selection_epsilon.", 0.0);
        var outProb = CliOptions.Optional<string?>("--out-probabilities", "Where to write float32 membership strengths.");
        var outOutlier = CliOptions.Optional<string?>("--out-outlier-scores", "Where to write float32 GLOSH outlier scores.");
        var outSoft = CliOptions.Optional<string?>("--out-soft", "Where to write the N × clusters float32 soft memberships.");
        var cmd = new Command("hdbscan", "Cluster points with HDBSCAN (hdbscan library semantics) and write labels, strengths, outlier scores and soft memberships.")
        {
            input, outLabels, minClusterSize, minSamples, method, epsilon, outProb, outOutlier, outSoft,
        };
        cmd.SetAction(parse =>
        {
            var clock = new StageClock();
            var path = CliOptions.ExistingFile(parse.GetValue(input)!, "--input");
            var selection = parse.GetValue(method)?.ToLowerInvariant() switch
            {
                "eom" => ClusterSelectionMethod.Eom,
                "leaf" => ClusterSelectionMethod.Leaf,
                var m => throw new ArgumentException($"--method must be eom or leaf (got '{m}')."),
            };
            var x = Npy.ReadMatrix(path);
            string? softPath = parse.GetValue(outSoft);
            var model = new Hdbscan.Hdbscan(new HdbscanOptions
            {
                MinClusterSize = parse.GetValue(minClusterSize),
                MinSamples = parse.GetValue(minSamples),
                ClusterSelectionMethod = selection,
                ClusterSelectionEpsilon = parse.GetValue(epsilon),
                PredictionData = softPath is not null,
            });
            var result = clock.Time("hdbscan", () => model.Fit(x));
            Npy.Write(parse.GetValue(outLabels)!, result.Labels);
            if (parse.GetValue(outProb) is { } p) Npy.Write(p, result.Probabilities);
            if (parse.GetValue(outOutlier) is { } o) Npy.Write(o, result.OutlierScores);
            if (softPath is not null)
            {
                var soft = clock.Time("soft", () => model.AllPointsMembershipVectors());
                Npy.Write(softPath, soft);
            }
            clock.PrintSummary(new JsonObject
            {
                ["points"] = x.GetLength(0),
                ["clusters"] = result.ClusterCount,
                ["noise"] = result.Labels.Count(l => l < 0),
            });
            return 0;
        });
        return cmd;
    }
}
