using System.Globalization;
using System.Text.Json;
using BERTopicNet.IO;

namespace BERTopicNet.Cli.Tests;

/// <summary>
/// DESIGN §7's steering flags and commands: fit --y-field / --zero-shot-topics / --seed-topics, merge, partial-fit.
/// </summary>
public sealed class SteeringCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bertopic-cli-steer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    private static readonly string[][] Words =
    [
        ["goal", "match", "league", "striker", "coach"],
        ["orbit", "rocket", "nasa", "satellite", "moon"],
        ["oven", "flour", "recipe", "butter", "soup"],
    ];

    /// <summary>Three themes, <paramref name="perTheme"/> documents each; the label field is missing on every fourth line.</summary>
    private (string Docs, string Embeddings) Corpus(int perTheme = 60, string name = "docs")
    {
        var rng = new Random(5);
        var lines = new List<string>();
        int n = 3 * perTheme;
        var x = new float[n, 16];
        for (int i = 0; i < n; i++)
        {
            int t = i % 3;
            var text = string.Join(' ', Enumerable.Range(0, 8).Select(_ => Words[t][rng.Next(5)]));
            lines.Add(i % 4 == 3 ? JsonSerializer.Serialize(new { text }) : JsonSerializer.Serialize(new { text, topic = t.ToString(CultureInfo.InvariantCulture) }));
            for (int j = 0; j < 16; j++) x[i, j] = (j % 3 == t ? 3f : 0f) + (float)(rng.NextDouble() - 0.5);
        }
        File.WriteAllLines(P(name + ".jsonl"), lines);
        Npy.Write(P(name + ".npy"), x);
        return (P(name + ".jsonl"), P(name + ".npy"));
    }

    private static JsonElement ReadJson(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();

    [Fact]
    public void FitWithYFieldWritesTopicLabels()
    {
        var (docs, emb) = Corpus();
        var fit = CliProcess.Run("fit", "--docs", docs, "--embeddings", emb, "--out", P("out"), "--y-field", "topic");
        Assert.True(fit.ExitCode == 0, fit.StdErr);
        var topics = ReadJson(P("out/topics.json"));
        var labels = topics.GetProperty("topic_labels");
        foreach (var size in topics.GetProperty("topic_sizes").EnumerateObject())
            Assert.StartsWith(size.Name + "_", labels.GetProperty(size.Name).GetString());
        Assert.Equal(3, topics.GetProperty("topic_sizes").EnumerateObject().Count(p => p.Name != "-1"));
    }

    [Fact]
    public void FitWithZeroShotAndSeedTopicsEmbedsLabelsWithTheDefaultModel()
    {
        var (docs, _) = Corpus(perTheme: 20);
        File.WriteAllText(P("z.json"), "[\"space rocket launch\", \"baking recipe\"]");
        File.WriteAllText(P("s.json"), "[[\"goal\", \"league\"]]");
        var fit = CliProcess.Run("fit", "--docs", docs, "--out", P("zs"), "--zero-shot-topics", P("z.json"),
            "--zero-shot-min-similarity", "0.3", "--seed-topics", P("s.json"));
        Assert.True(fit.ExitCode == 0, fit.StdErr);
        Assert.True(fit.Summary.GetProperty("seconds").TryGetProperty("embed", out _));
        var labels = ReadJson(P("zs/topics.json")).GetProperty("topic_labels").EnumerateObject().Select(p => p.Value.GetString()).ToList();
        Assert.Contains("space rocket launch", labels);
        var config = ReadJson(P("zs/model/config.json"));
        Assert.Equal("goal", config.GetProperty("seed_topic_list")[0][0].GetString());
        Assert.Equal(0.3, config.GetProperty("zeroshot_min_similarity").GetDouble());
    }

    [Fact]
    public void MergeWritesALoadableModelFolder()
    {
        var (docsA, embA) = Corpus(name: "a");
        var (docsB, embB) = Corpus(perTheme: 30, name: "b");
        Assert.Equal(0, CliProcess.Run("fit", "--docs", docsA, "--embeddings", embA, "--out", P("fa")).ExitCode);
        Assert.Equal(0, CliProcess.Run("fit", "--docs", docsB, "--embeddings", embB, "--out", P("fb")).ExitCode);
        var merge = CliProcess.Run("merge", "--models", P("fa/model"), P("fb/model"), "--out", P("merged"), "--min-similarity", "0.7");
        Assert.True(merge.ExitCode == 0, merge.StdErr);
        var seconds = merge.Summary.GetProperty("seconds");
        foreach (var key in new[] { "load", "merge", "save", "total" }) Assert.True(seconds.TryGetProperty(key, out _), key);
        Assert.Equal(270, merge.Summary.GetProperty("documents").GetInt32());
        var t = CliProcess.Run("transform", "--model", P("merged"), "--docs", docsB, "--embeddings", embB, "--out", P("t.json"));
        Assert.True(t.ExitCode == 0, t.StdErr);
        Assert.Equal(90, ReadJson(P("t.json")).GetProperty("doc_topics").GetArrayLength());
    }

    [Fact]
    public void PartialFitFeedsChunksAndWritesTopicsForAllDocuments()
    {
        var (docs, emb) = Corpus();
        var r = CliProcess.Run("partial-fit", "--docs", docs, "--embeddings", emb, "--out", P("online"), "--chunks", "3",
            "--clusters", "3", "--decay", "0.01", "--delete-min-df", "1");
        Assert.True(r.ExitCode == 0, r.StdErr);
        var seconds = r.Summary.GetProperty("seconds");
        foreach (var key in new[] { "partial_fit", "save", "total" }) Assert.True(seconds.TryGetProperty(key, out _), key);
        var topics = ReadJson(P("online/topics.json"));
        var docTopics = topics.GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(180, docTopics.Length);
        Assert.Equal(3, docTopics.Distinct().Count());
        Assert.Equal(3, topics.GetProperty("topic_labels").EnumerateObject().Count());
        var t = CliProcess.Run("transform", "--model", P("online/model"), "--docs", docs, "--embeddings", emb, "--out", P("t.json"));
        Assert.True(t.ExitCode == 0, t.StdErr);
        Assert.Equal(docTopics, ReadJson(P("t.json")).GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Theory]
    [InlineData("partial-fit", "--docs", "D", "--embeddings", "E", "--out", "o", "--chunks", "0")]
    [InlineData("partial-fit", "--docs", "D", "--embeddings", "E", "--out", "o", "--clusters", "500")]
    [InlineData("fit", "--docs", "D", "--out", "o", "--zero-shot-topics", "EMPTY")]
    [InlineData("fit", "--docs", "D", "--out", "o", "--seed-topics", "EMPTY")]
    [InlineData("fit", "--docs", "D", "--out", "o", "--zero-shot-topics", "/nonexistent/z.json")]
    [InlineData("merge", "--models", "M", "--out", "o")]
    [InlineData("merge", "--models", "M", "/nonexistent/model", "--out", "o")]
    public void BadArgumentsGiveOneLineOnStderrAndExitCode2(params string[] args)
    {
        var (docs, emb) = Corpus(perTheme: 10);
        File.WriteAllText(P("empty.json"), "[]");
        Directory.CreateDirectory(P("m"));
        var resolved = args.Select(a => a switch { "D" => docs, "E" => emb, "EMPTY" => P("empty.json"), "M" => P("m"), "o" => P("o"), _ => a }).ToArray();
        var r = CliProcess.Run(resolved);
        Assert.Equal(2, r.ExitCode);
        var errorLines = r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(errorLines);
        Assert.StartsWith("error:", errorLines[0]);
    }
}
