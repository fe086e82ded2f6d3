using System.Text.Json;
using BERTopicNet.IO;

namespace BERTopicNet.Cli.Tests;

/// <summary>
/// DESIGN §7 on generated data: each command writes what the table says, ends with the JSON line
/// <c>{"seconds": {...}, "peak_mb": n}</c> with the right stage keys, and bad arguments give one stderr line and exit 2.
/// </summary>
public sealed class CliContractTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bertopic-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    /// <summary>Three themes of 60 documents each, with embeddings drawn around three separated centres.</summary>
    private (string Docs, string Embeddings) Corpus()
    {
        string[][] words = [["goal", "match", "league", "striker", "coach"], ["orbit", "rocket", "nasa", "satellite", "moon"], ["oven", "flour", "recipe", "butter", "soup"]];
        var rng = new Random(3);
        var lines = new List<string>();
        var x = new float[180, 16];
        for (int i = 0; i < 180; i++)
        {
            int t = i % 3;
            var text = string.Join(' ', Enumerable.Range(0, 8).Select(_ => words[t][rng.Next(5)]));
            lines.Add(JsonSerializer.Serialize(new { text, label = t.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            for (int j = 0; j < 16; j++) x[i, j] = (j % 3 == t ? 3f : 0f) + (float)(rng.NextDouble() - 0.5);
        }
        File.WriteAllLines(P("docs.jsonl"), lines);
        Npy.Write(P("emb.npy"), x);
        return (P("docs.jsonl"), P("emb.npy"));
    }

    [Fact]
    public void UmapThenHdbscanWriteArraysAndStageTimes()
    {
        var (_, emb) = Corpus();
        var umap = CliProcess.Run("umap", "--input", emb, "--out", P("u.npy"), "--seed", "7", "--neighbors", "10");
        Assert.True(umap.ExitCode == 0, umap.StdErr);
        Assert.True(umap.Summary.GetProperty("seconds").TryGetProperty("umap", out _));
        Assert.True(umap.Summary.GetProperty("peak_mb").GetDouble() > 0);
        var u = Npy.ReadMatrix(P("u.npy"));
        Assert.Equal(180, u.GetLength(0));
        Assert.Equal(5, u.GetLength(1));

        var h = CliProcess.Run("hdbscan", "--input", P("u.npy"), "--out-labels", P("l.npy"), "--out-probabilities", P("p.npy"),
            "--out-outlier-scores", P("o.npy"), "--out-soft", P("s.npy"));
        Assert.True(h.ExitCode == 0, h.StdErr);
        var seconds = h.Summary.GetProperty("seconds");
        Assert.True(seconds.TryGetProperty("hdbscan", out _) && seconds.TryGetProperty("soft", out _) && seconds.TryGetProperty("total", out _));
        var labels = Npy.ReadInt32Vector(P("l.npy"));
        Assert.Equal(180, labels.Length);
        Assert.Equal(3, labels.Where(l => l >= 0).Distinct().Count());
        Assert.Equal(180, Npy.ReadFloatVector(P("p.npy")).Length);
        Assert.Equal(180, Npy.ReadFloatVector(P("o.npy")).Length);
        Assert.Equal(3, Npy.ReadMatrix(P("s.npy")).GetLength(1));
    }

    [Fact]
    public void FitThenTransformRoundTripsThroughTheSavedModel()
    {
        var (docs, emb) = Corpus();
        var fit = CliProcess.Run("fit", "--docs", docs, "--embeddings", emb, "--out", P("out"), "--seed", "3");
        Assert.True(fit.ExitCode == 0, fit.StdErr);
        var seconds = fit.Summary.GetProperty("seconds");
        foreach (var key in new[] { "umap", "hdbscan", "ctfidf", "total" }) Assert.True(seconds.TryGetProperty(key, out _), key);
        using var topics = JsonDocument.Parse(File.ReadAllText(P("out/topics.json")));
        var docTopics = topics.RootElement.GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(180, docTopics.Length);
        Assert.True(topics.RootElement.GetProperty("topic_words").TryGetProperty("0", out var words0));
        Assert.Equal(2, words0[0].GetArrayLength()); // [word, score]
        Assert.True(topics.RootElement.GetProperty("topic_sizes").EnumerateObject().Sum(p => p.Value.GetInt32()) == 180);
        Assert.True(File.Exists(P("out/model/config.json")));

        var t = CliProcess.Run("transform", "--model", P("out/model"), "--docs", docs, "--embeddings", emb, "--out", P("t.json"));
        Assert.True(t.ExitCode == 0, t.StdErr);
        using var transformed = JsonDocument.Parse(File.ReadAllText(P("t.json")));
        var again = transformed.RootElement.GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(docTopics, again); // training documents keep their fitted topics after Save/Load
        Assert.Equal(180, transformed.RootElement.GetProperty("probabilities").GetArrayLength());
    }

    [Theory]
    [InlineData("umap", "--input", "/nonexistent/x.npy", "--out", "u.npy")]
    [InlineData("hdbscan", "--input")]
    [InlineData("hdbscan", "--input", "x.npy", "--out-labels", "l.npy", "--method", "nearest")]
    [InlineData("fit", "--docs", "d.jsonl", "--out", "o", "--nr-topics", "many")]
    [InlineData("no-such-command")]
    public void BadArgumentsGiveOneLineOnStderrAndExitCode2(params string[] args)
    {
        var (_, emb) = Corpus();
        var resolved = args.Select(a => a == "x.npy" ? emb : a == "d.jsonl" ? P("docs.jsonl") : a).ToArray();
        var r = CliProcess.Run(resolved);
        Assert.Equal(2, r.ExitCode);
        var errorLines = r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(errorLines);
        Assert.StartsWith("error:", errorLines[0]);
    }
}
