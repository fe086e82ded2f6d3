using System.Globalization;
using System.Text.Json;
using BERTopicNet.IO;

namespace BERTopicNet.Cli.Tests;

/// <summary>
/// DESIGN §7's topics-per-class, topics-over-time and hierarchy on a model fitted by the CLI: the JSON they write,
/// the closing timing line, and one-line errors with exit code 2 on bad input.
/// </summary>
public sealed class AnalysisCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bertopic-cli-analysis-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    /// <summary>Four themes of 40 documents, each with a party and a year; fitted once.</summary>
    private string FitModel()
    {
        string[][] words = [["goal", "match", "league", "striker", "coach"], ["orbit", "rocket", "nasa", "satellite", "moon"],
            ["oven", "flour", "recipe", "butter", "soup"], ["vote", "senate", "ballot", "law", "court"]];
        var rng = new Random(5);
        var lines = new List<string>();
        var x = new float[160, 16];
        for (int i = 0; i < 160; i++)
        {
            int t = i % 4;
            var text = string.Join(' ', Enumerable.Range(0, 8).Select(_ => words[t][rng.Next(5)]));
            lines.Add(JsonSerializer.Serialize(new { text, party = i % 3 == 0 ? "Whig" : "Federalist", year = (1800 + i % 20).ToString(CultureInfo.InvariantCulture), num = i }));
            for (int j = 0; j < 16; j++) x[i, j] = (j % 4 == t ? 3f : 0f) + (float)(rng.NextDouble() - 0.5);
        }
        File.WriteAllLines(P("docs.jsonl"), lines);
        Npy.Write(P("emb.npy"), x);
        var fit = CliProcess.Run("fit", "--docs", P("docs.jsonl"), "--embeddings", P("emb.npy"), "--out", P("fit"), "--seed", "3");
        Assert.True(fit.ExitCode == 0, fit.StdErr);
        return P("fit");
    }

    [Fact]
    public void AnalysisCommandsWriteRowsAndTimings()
    {
        var model = FitModel();
        var c = CliProcess.Run("topics-per-class", "--model", model, "--docs", P("docs.jsonl"), "--classes-field", "party", "--out", P("c.json"));
        Assert.True(c.ExitCode == 0, c.StdErr);
        Assert.True(c.Summary.GetProperty("seconds").TryGetProperty("total", out _));
        Assert.True(c.Summary.TryGetProperty("peak_mb", out _));
        using (var j = JsonDocument.Parse(File.ReadAllText(P("c.json"))))
        {
            var rows = j.RootElement.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(160, rows.Sum(r => r.GetProperty("frequency").GetInt32()));
            Assert.Equal(["Federalist", "Whig"], rows.Select(r => r.GetProperty("class").GetString()).Distinct().Order());
            Assert.All(rows, r => Assert.Equal(5, r.GetProperty("words").GetString()!.Split(", ").Length));
        }

        var t = CliProcess.Run("topics-over-time", "--model", model, "--docs", P("docs.jsonl"), "--timestamps-field", "year", "--nr-bins", "4", "--out", P("t.json"));
        Assert.True(t.ExitCode == 0, t.StdErr);
        using (var j = JsonDocument.Parse(File.ReadAllText(P("t.json"))))
        {
            var rows = j.RootElement.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(160, rows.Sum(r => r.GetProperty("frequency").GetInt32()));
            var stamps = rows.Select(r => r.GetProperty("timestamp").GetString()!).Distinct().ToList();
            Assert.Equal(4, stamps.Count);
            Assert.All(stamps, s => { Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$", s); DateTime.Parse(s, CultureInfo.InvariantCulture); });
        }

        var h = CliProcess.Run("hierarchy", "--model", model, "--docs", P("docs.jsonl"), "--out", P("h.json"));
        Assert.True(h.ExitCode == 0, h.StdErr);
        Assert.True(h.Summary.GetProperty("seconds").TryGetProperty("hierarchy", out _));
        using (var j = JsonDocument.Parse(File.ReadAllText(P("h.json"))))
        {
            var rows = j.RootElement.GetProperty("rows").EnumerateArray().ToList();
            int n = rows.Count + 1;
            Assert.Equal(2 * n - 2, rows[0].GetProperty("parent_id").GetInt32());
            Assert.Equal(Enumerable.Range(0, n), rows[0].GetProperty("topics").EnumerateArray().Select(e => e.GetInt32()));
            foreach (var key in new[] { "parent_name", "child_left_id", "child_left_name", "child_right_id", "child_right_name", "distance" })
                Assert.True(rows[0].TryGetProperty(key, out _), key);
            var tree = j.RootElement.GetProperty("tree").GetString()!;
            Assert.StartsWith(".\n", tree, StringComparison.Ordinal);
            Assert.Equal(n, tree.Split('\n').Count(l => l.Contains("■──", StringComparison.Ordinal)));
        }

        // Bad input: one line on stderr, exit code 2.
        string[][] bad =
        [
            ["topics-over-time", "--model", model, "--docs", P("docs.jsonl"), "--timestamps-field", "year", "--nr-bins", "0", "--out", P("x.json")],
            ["topics-over-time", "--model", model, "--docs", P("docs.jsonl"), "--timestamps-field", "party", "--out", P("x.json")],
            ["topics-per-class", "--model", model, "--docs", P("docs.jsonl"), "--classes-field", "missing", "--out", P("x.json")],
            ["hierarchy", "--model", P("nowhere"), "--docs", P("docs.jsonl"), "--out", P("x.json")],
        ];
        foreach (var args in bad)
        {
            var r = CliProcess.Run(args);
            Assert.Equal(2, r.ExitCode);
            var lines = r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.StartsWith("error:", lines[0], StringComparison.Ordinal);
        }
    }
}
