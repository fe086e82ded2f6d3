using System.Text;
using BERTopicNet.Clustering;
using BERTopicNet.IO;
using BERTopicNet.Reduction;

namespace BERTopicNet.Tests.Input;

/// <summary>Issue 18: text with lone UTF-16 surrogates (from broken sources) goes through every entry point and Save/Load.</summary>
public sealed class LoneSurrogateTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("bertopic-surrogate-");

    public void Dispose() => _root.Delete(recursive: true);

    private static string[] Broken(string[] docs) =>
        [.. docs.Select((d, i) => (i % 4) switch
        {
            0 => d + " \uD83D broken",       // high surrogate alone
            1 => "\uDC00" + d + " 😀 中文 \u0001", // low surrogate alone, a valid pair, CJK, a control character
            2 => d + " tail\uD800",          // high surrogate at the end
            _ => d,
        })];

    [Fact]
    public void SanitizeReplacesOnlyLoneSurrogates()
    {
        Assert.Equal("a\uFFFDb😀\uFFFD", Utf16Text.Sanitize("a\uD83Db😀\uDC00"));
        Assert.Equal("\uFFFD\uFFFD", Utf16Text.Sanitize("\uDC00\uD800"));
        const string clean = "plain 😀 text";
        Assert.Same(clean, Utf16Text.Sanitize(clean));
        Assert.Equal(-1, Utf16Text.FirstLoneSurrogate(clean));
        Assert.Equal(5, Utf16Text.FirstLoneSurrogate("ab😀c\uD800"));
    }

    [Theory]
    [InlineData("english")]
    [InlineData("multilingual")]
    public void FitSaveLoadAndEveryEntryPointAcceptThem(string language)
    {
        var (clean, labels, emb) = TestCorpus.Create([30, 25, 20], noise: 2);
        var docs = Broken(clean);
        var model = new BERTopic(new BERTopicOptions { Language = language, UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });
        var (topics, _) = model.FitTransform(docs, emb, labels);
        AssertValid(model);

        model.SetTopicLabels(new Dictionary<int, string> { [0] = "label \uD800 x" });
        Assert.Equal("label \uFFFD x", model.CustomLabels![model.TopicIds.ToList().IndexOf(0)]);
        Assert.Equal(topics, model.Transform(docs, emb).Topics);
        _ = model.ApproximateDistribution(docs, calculateTokens: true);
        _ = model.GetDocumentInfo(docs);
        _ = model.ReduceOutliers(docs, topics);
        model.UpdateTopics(docs);
        AssertValid(model);

        string dir = Path.Combine(_root.FullName, language);
        model.Save(dir);
        var loaded = BERTopic.Load(dir);
        Assert.Equal(model.CustomLabels, loaded.CustomLabels);
        foreach (int t in model.TopicIds)
        {
            Assert.Equal(model.GetTopic(t), loaded.GetTopic(t));
            Assert.Equal(model.GetRepresentativeDocs(t), loaded.GetRepresentativeDocs(t));
        }
        loaded.ReduceTopics(docs, 2); // the sanitised texts match the training fingerprints
        AssertValid(loaded);
    }

    [Fact]
    public void LoadReadsTheEscapesPythonWritesForThem()
    {
        var (docs, labels, emb) = TestCorpus.Create([10, 10, 10], noise: 0);
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });
        model.FitTransform(docs, emb, labels);
        model.SetTopicLabels(["first", "second", "third"]);
        string dir = Path.Combine(_root.FullName, "python-escapes");
        model.Save(dir);
        // Python's json.dump (ensure_ascii) writes a lone surrogate as a \uXXXX escape; put some in a label.
        string topicsJson = Path.Combine(dir, "topics.json");
        string text = File.ReadAllText(topicsJson);
        int at = text.IndexOf("\"first\"", StringComparison.Ordinal) + 1;
        Assert.True(at > 0);
        text = text[..at] + "\\ud83d\\\\ud800 \\udc00" + text[at..]; // lone, an escaped backslash then plain text, lone
        File.WriteAllText(topicsJson, text);
        var loaded = BERTopic.Load(dir, options: new BERTopicNet.Persistence.LoadOptions { VerifyChecksums = false });
        Assert.Equal("\uFFFD\\ud800 \uFFFDfirst", loaded.CustomLabels![0]);
        Assert.Equal(["second", "third"], loaded.CustomLabels.Skip(1));
    }

    [Fact]
    public void JsonlCorpusReadsThem()
    {
        string path = Path.Combine(_root.FullName, "docs.jsonl");
        File.WriteAllText(path, "{\"text\": \"a \\ud83d b\", \"label\": 1}\n{\"text\": \"pair \\ud83d\\ude00 and \\udc00\"}\n", new UTF8Encoding(false));
        var read = JsonlCorpus.Read(path);
        Assert.Equal("a \uFFFD b", read[0].Text);
        Assert.Equal("pair 😀 and \uFFFD", read[1].Text);
    }

    private static void AssertValid(BERTopic model)
    {
        foreach (int t in model.TopicIds)
        {
            Assert.All(model.GetTopic(t)!, w => Assert.False(Utf16Text.HasLoneSurrogate(w.Word)));
            Assert.All(model.GetRepresentativeDocs(t) ?? [], d => Assert.False(Utf16Text.HasLoneSurrogate(d)));
        }
        Assert.All(model.TopicLabels.Values, l => Assert.False(Utf16Text.HasLoneSurrogate(l)));
    }
}
