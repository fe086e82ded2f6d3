using System.Net;
using System.Security.Cryptography;

namespace BERTopicNet.Datasets.Tests;

/// <summary>
/// Where <see cref="TwentyNewsgroups.FetchAsync"/> finds the data: source path, environment variable, cache,
/// download (served by an in-process handler; no network). One class so that the environment variable is never
/// set while another fetch runs.
/// </summary>
public sealed class TwentyNewsgroupsFetchTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly byte[] _archiveBytes;
    private readonly string _sha;

    public TwentyNewsgroupsFetchTests()
    {
        var path = _temp.File("source.tar.gz");
        TestArchive.Write(path);
        _archiveBytes = File.ReadAllBytes(path);
        _sha = Convert.ToHexStringLower(SHA256.HashData(_archiveBytes));
    }

    public void Dispose() => _temp.Dispose();

    private TwentyNewsgroupsOptions Options(ServingHandler handler, string? sha = null) => new()
    {
        Subset = NewsgroupsSubset.All,
        DataHome = Path.Combine(_temp.Path, "cache"),
        HttpClient = new HttpClient(handler),
        DownloadUri = new Uri("https://example.invalid/20news-bydate.tar.gz"),
        ExpectedSha256 = sha ?? _sha,
    };

    [Fact]
    public async Task DownloadsOnceThenReadsTheCache()
    {
        var handler = new ServingHandler(_archiveBytes);
        var options = Options(handler);
        var seen = new List<double>();
        var first = await TwentyNewsgroups.FetchAsync(options, new SyncProgress(seen.Add));
        Assert.Equal(1, handler.Calls);
        Assert.True(File.Exists(TwentyNewsgroups.CachedArchivePath(options)));
        Assert.False(File.Exists(TwentyNewsgroups.CachedArchivePath(options) + ".part"));
        Assert.Equal(1.0, seen[^1]);
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.Second >= p.First), "progress must not go backwards");

        var second = await TwentyNewsgroups.FetchAsync(options);
        Assert.Equal(1, handler.Calls);
        Assert.Equal(first.Data, second.Data);
        Assert.Equal(TwentyNewsgroups.Load(_temp.File("source.tar.gz"), new() { Subset = NewsgroupsSubset.All }).Data, first.Data);
    }

    [Fact]
    public async Task ChecksumMismatchCachesNothing()
    {
        var options = Options(new ServingHandler(_archiveBytes), sha: new string('0', 64));
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => TwentyNewsgroups.FetchAsync(options));
        Assert.Contains(_sha, e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(options.DataHome!));
    }

    [Fact]
    public async Task HttpErrorsAndDisabledDownloadsAreReported()
    {
        var failing = Options(new ServingHandler(_archiveBytes, HttpStatusCode.NotFound));
        await Assert.ThrowsAsync<HttpRequestException>(() => TwentyNewsgroups.FetchAsync(failing));

        var offline = Options(new ServingHandler(_archiveBytes));
        offline.DownloadIfMissing = false;
        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => TwentyNewsgroups.FetchAsync(offline));
        Assert.Contains(TwentyNewsgroups.SourceEnvironmentVariable, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellationStopsTheDownload()
    {
        using var cts = new CancellationTokenSource();
        var handler = new ServingHandler(_archiveBytes) { OnSend = cts.Cancel };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TwentyNewsgroups.FetchAsync(Options(handler), cancellationToken: cts.Token));
        Assert.False(File.Exists(TwentyNewsgroups.CachedArchivePath(Options(handler))));
    }

    [Fact]
    public async Task SourcePathThenEnvironmentVariableWinOverTheDownload()
    {
        var handler = new ServingHandler(_archiveBytes);
        var options = Options(handler);
        options.SourcePath = _temp.File("source.tar.gz");
        Assert.Equal(21, (await TwentyNewsgroups.FetchAsync(options)).Count);

        options.SourcePath = _temp.File("nope.tar.gz");
        await Assert.ThrowsAsync<FileNotFoundException>(() => TwentyNewsgroups.FetchAsync(options));

        options.SourcePath = null;
        var folder = Path.Combine(_temp.Path, "extracted");
        TestArchive.Extract(folder);
        Environment.SetEnvironmentVariable(TwentyNewsgroups.SourceEnvironmentVariable, folder);
        try
        {
            options.Subset = NewsgroupsSubset.Test;
            Assert.Equal(9, (await TwentyNewsgroups.FetchAsync(options)).Count);
        }
        finally
        {
            Environment.SetEnvironmentVariable(TwentyNewsgroups.SourceEnvironmentVariable, null);
        }
        Assert.Equal(0, handler.Calls);
    }

    /// <summary>Serves fixed bytes (or an error status) and counts the requests.</summary>
    private sealed class ServingHandler(byte[] body, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        public Action? OnSend { get; init; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            OnSend?.Invoke();
            cancellationToken.ThrowIfCancellationRequested();
            var response = new HttpResponseMessage(status);
            if (status == HttpStatusCode.OK)
            {
                response.Content = new ByteArrayContent(body);
                response.Content.Headers.ContentLength = body.Length;
            }
            return Task.FromResult(response);
        }
    }
}
