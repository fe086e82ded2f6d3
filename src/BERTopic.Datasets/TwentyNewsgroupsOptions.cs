namespace BERTopicNet.Datasets;

/// <summary>
/// What <see cref="TwentyNewsgroups.FetchAsync"/> loads and where it finds the data. The defaults are
/// scikit-learn's <c>fetch_20newsgroups</c> defaults.
/// </summary>
public sealed class TwentyNewsgroupsOptions
{
    /// <summary>Which split to load. Default <see cref="NewsgroupsSubset.Train"/> (as scikit-learn).</summary>
    public NewsgroupsSubset Subset { get; set; } = NewsgroupsSubset.Train;

    /// <summary>Which parts of the posts to strip. Default <see cref="NewsgroupsRemove.None"/> (as scikit-learn).</summary>
    public NewsgroupsRemove Remove { get; set; } = NewsgroupsRemove.None;

    /// <summary>Only these newsgroups (exact names), or null for all 20. Default null.</summary>
    public IReadOnlyList<string>? Categories { get; set; }

    /// <summary>Shuffle the posts with NumPy's <c>RandomState(<see cref="RandomState"/>)</c>, as scikit-learn does. Default true.</summary>
    public bool Shuffle { get; set; } = true;

    /// <summary>The seed of the shuffle. Default 42 (scikit-learn's default).</summary>
    public uint RandomState { get; set; } = 42;

    /// <summary>
    /// A local copy to read instead of downloading: the <c>20news-bydate.tar.gz</c> archive (or the <c>.tar</c>),
    /// or a folder holding <c>20news-bydate-train/</c> and <c>20news-bydate-test/</c> (or the archive).
    /// Default null: the environment variable <c>BERTOPIC_20NEWS</c>, then the cached archive, then a download.
    /// </summary>
    public string? SourcePath { get; set; }

    /// <summary>
    /// The cache folder for the downloaded archive. Default null: the environment variable
    /// <c>BERTOPIC_DATA_HOME</c>, else <see cref="TwentyNewsgroups.DefaultDataHome"/>.
    /// </summary>
    public string? DataHome { get; set; }

    /// <summary>Download the archive when no local copy is found. Default true; when false a missing copy is an error.</summary>
    public bool DownloadIfMissing { get; set; } = true;

    /// <summary>Where the archive is downloaded from. Default <see cref="TwentyNewsgroups.DefaultDownloadUrl"/> (the URL scikit-learn uses).</summary>
    public Uri DownloadUri { get; set; } = new(TwentyNewsgroups.DefaultDownloadUrl);

    /// <summary>
    /// The SHA-256 (hex) the downloaded archive must have. Default <see cref="TwentyNewsgroups.ArchiveSha256"/>;
    /// null skips the check.
    /// </summary>
    public string? ExpectedSha256 { get; set; } = TwentyNewsgroups.ArchiveSha256;

    /// <summary>The HTTP client for the download (for proxies or tests). Default null: a client created for the call.</summary>
    public HttpClient? HttpClient { get; set; }
}
