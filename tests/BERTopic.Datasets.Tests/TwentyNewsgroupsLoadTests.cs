namespace BERTopicNet.Datasets.Tests;

/// <summary>Loading the test archive gives scikit-learn's posts, labels and order, from every kind of local copy.</summary>
public sealed class TwentyNewsgroupsLoadTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _archive;

    public TwentyNewsgroupsLoadTests()
    {
        _archive = _temp.File("20news-bydate.tar.gz");
        TestArchive.Write(_archive);
    }

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Cases() => [.. SklearnExpected.CaseNames()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScikitLearn(string caseName)
    {
        var expected = SklearnExpected.Case(caseName);
        var news = TwentyNewsgroups.Load(_archive, SklearnExpected.OptionsOf(expected));
        AssertSame(expected, news);
    }

    [Fact]
    public void PlainTarAndExtractedFolderGiveTheSameAsTheArchive()
    {
        var expected = SklearnExpected.Case("all_removed_default_shuffle");
        var options = SklearnExpected.OptionsOf(expected);

        var tar = _temp.File("20news-bydate.tar");
        TestArchive.Write(tar, gzip: false);
        AssertSame(expected, TwentyNewsgroups.Load(tar, options));

        var folder = Path.Combine(_temp.Path, "extracted");
        TestArchive.Extract(folder);
        AssertSame(expected, TwentyNewsgroups.Load(folder, options));

        var folderWithArchive = Path.Combine(_temp.Path, "holder");
        Directory.CreateDirectory(folderWithArchive);
        File.Copy(_archive, Path.Combine(folderWithArchive, TwentyNewsgroups.ArchiveFileName));
        AssertSame(expected, TwentyNewsgroups.Load(folderWithArchive, options));
    }

    [Fact]
    public void ProgressEndsAtOneAndLabelsAreNames()
    {
        var seen = new List<double>();
        var news = TwentyNewsgroups.Load(_archive, new() { Subset = NewsgroupsSubset.All }, new SyncProgress(seen.Add));
        Assert.Equal(21, news.Count);
        Assert.Equal(1.0, seen[^1]);
        Assert.All(seen, v => Assert.InRange(v, 0, 1));
        Assert.Contains(news.LabelOf(0), TestArchive.Groups);
    }

    [Fact]
    public void UnknownOrRepeatedCategoryIsRejectedWithTheKnownNames()
    {
        var e = Assert.Throws<ArgumentException>(() => TwentyNewsgroups.Load(_archive, new() { Categories = ["sci.spac"] }));
        Assert.Contains("sci.space", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TwentyNewsgroups.Load(_archive, new() { Categories = ["sci.space", "sci.space"] }));
    }

    [Fact]
    public void CorruptOrForeignArchivesGiveClearErrors()
    {
        var garbage = _temp.File("garbage.tar.gz");
        File.WriteAllBytes(garbage, [0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        Assert.Throws<InvalidDataException>(() => TwentyNewsgroups.Load(garbage));

        var empty = Path.Combine(_temp.Path, "empty");
        Directory.CreateDirectory(Path.Combine(empty, "20news-bydate-train"));
        Assert.Throws<InvalidDataException>(() => TwentyNewsgroups.Load(empty));

        Assert.Throws<FileNotFoundException>(() => TwentyNewsgroups.Load(_temp.File("missing.tar.gz")));
        Assert.Throws<DirectoryNotFoundException>(() => TwentyNewsgroups.Load(Path.Combine(empty, "20news-bydate-train")));
    }

    [Fact]
    public void CancelledReadStops()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => TwentyNewsgroups.Load(_archive, cancellationToken: cts.Token));
    }

    private static void AssertSame(System.Text.Json.JsonElement expected, NewsgroupsDataset news)
    {
        Assert.Equal(SklearnExpected.Strings(expected, "target_names"), news.TargetNames);
        Assert.Equal(SklearnExpected.Strings(expected, "filenames"), news.FileNames);
        Assert.Equal(SklearnExpected.Ints(expected, "target"), news.Target);
        Assert.Equal(SklearnExpected.Strings(expected, "data"), news.Data);
    }
}

/// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (Progress&lt;T&gt; posts asynchronously).</summary>
internal sealed class SyncProgress(Action<double> report) : IProgress<double>
{
    public void Report(double value) => report(value);
}

/// <summary>The JSON Lines export reads back with the same texts and labels.</summary>
public sealed class NewsgroupsJsonlTests
{
    [Fact]
    public void WriteJsonlRoundTrips()
    {
        using var temp = new TempDirectory();
        TestArchive.Write(temp.File("a.tar.gz"));
        var news = TwentyNewsgroups.Load(temp.File("a.tar.gz"), new() { Subset = NewsgroupsSubset.All, Remove = NewsgroupsRemove.All });
        news.WriteJsonl(temp.File("docs.jsonl"));
        var lines = File.ReadAllLines(temp.File("docs.jsonl"));
        Assert.Equal(news.Count, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(lines[i]);
            Assert.Equal(news.Data[i], doc.RootElement.GetProperty("text").GetString());
            Assert.Equal(news.LabelOf(i), doc.RootElement.GetProperty("label").GetString());
            Assert.Equal(news.FileNames[i], $"20news-bydate-{doc.RootElement.GetProperty("split").GetString()}/{news.LabelOf(i)}/{doc.RootElement.GetProperty("id").GetString()}");
        }
    }
}
