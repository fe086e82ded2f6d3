using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace BERTopicNet.Datasets;

/// <summary>Downloads a file into the cache: to a <c>.part</c> file first, checked against its SHA-256, then renamed.</summary>
internal static class ArchiveDownloader
{
    public static async Task DownloadAsync(Uri uri, string destination, string? expectedSha256, HttpClient? client, IProgress<double>? progress, CancellationToken cancellationToken,
        string sourceVariable = TwentyNewsgroups.SourceEnvironmentVariable)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        var part = destination + ".part";
        var ownClient = client is null;
        client ??= new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("BERTopic.Datasets", "0.1"));
            HttpResponseMessage sent;
            try
            {
                sent = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new HttpRequestException($"Could not download {uri} ({e.Message}). Get the file some other way and either put it at {destination} or set {sourceVariable} to its path.", e, e.StatusCode);
            }
            using var response = sent;
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"Downloading {uri} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}. Download it by hand and set {sourceVariable} to the file.", null, response.StatusCode);
            long? length = response.Content.Headers.ContentLength;
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var input = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
            await using (var output = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                long done = 0;
                for (int n; (n = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0;)
                {
                    await output.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                    sha.AppendData(buffer, 0, n);
                    done += n;
                    if (length is > 0) progress?.Report(Math.Min(1.0, (double)done / length.Value));
                }
            }
            var actual = Convert.ToHexStringLower(sha.GetHashAndReset());
            if (expectedSha256 is not null && !string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"The file downloaded from {uri} has SHA-256 {actual}, not the expected {expectedSha256}; it may be corrupt or changed. Nothing was cached.");
            File.Move(part, destination, overwrite: true);
            progress?.Report(1.0);
        }
        finally
        {
            if (File.Exists(part)) File.Delete(part);
            if (ownClient) client.Dispose();
        }
    }
}
