namespace BERTopicNet.Datasets;

/// <summary>
/// The 20 Newsgroups corpus ("bydate" version, 18,846 posts in 20 groups), loaded like scikit-learn's
/// <c>fetch_20newsgroups</c>: same posts, same removals, same order for the same options.
/// </summary>
/// <remarks>
/// The archive (<c>20news-bydate.tar.gz</c>, 14 MB) is looked for in this order: <see cref="TwentyNewsgroupsOptions.SourcePath"/>,
/// the environment variable <c>BERTOPIC_20NEWS</c>, the cache folder; it is downloaded into the cache folder
/// (checked against its SHA-256) when none is found. Nothing is extracted to disk: the archive is read in place.
/// <code>
/// var news = await TwentyNewsgroups.FetchAsync(new() { Subset = NewsgroupsSubset.All, Remove = NewsgroupsRemove.All });
/// IReadOnlyList&lt;string&gt; docs = news.Data;
/// </code>
/// </remarks>
public static class TwentyNewsgroups
{
    /// <summary>The archive scikit-learn downloads (a figshare copy of Jason Rennie's <c>20news-bydate.tar.gz</c>).</summary>
    public const string DefaultDownloadUrl = "https://ndownloader.figshare.com/files/5975967";

    /// <summary>The SHA-256 of that archive, as scikit-learn checks it.</summary>
    public const string ArchiveSha256 = "8f1b2514ca22a5ade8fbb9cfa5727df95fa587f4c87b786e15c759fa66d95610";

    /// <summary>The file name of the archive in the cache folder.</summary>
    public const string ArchiveFileName = "20news-bydate.tar.gz";

    /// <summary>The environment variable naming a local copy (archive or extracted folder).</summary>
    public const string SourceEnvironmentVariable = "BERTOPIC_20NEWS";

    /// <summary>The environment variable naming the cache folder for downloaded data sets.</summary>
    public const string DataHomeEnvironmentVariable = "BERTOPIC_DATA_HOME";

    /// <summary>
    /// The default cache folder: <c>$XDG_CACHE_HOME/bertopic-dotnet/datasets</c>, else
    /// <c>~/.cache/bertopic-dotnet/datasets</c> (on Windows <c>%LOCALAPPDATA%\bertopic-dotnet\datasets</c>).
    /// </summary>
    public static string DefaultDataHome
    {
        get
        {
            if (OperatingSystem.IsWindows())
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "bertopic-dotnet", "datasets");
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var cache = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cache, "bertopic-dotnet", "datasets");
        }
    }

    /// <summary>Loads the posts; downloads the archive first when no local copy is found.</summary>
    /// <param name="options">What to load; null for scikit-learn's defaults (training split, nothing removed, shuffled with seed 42).</param>
    /// <param name="progress">Receives the fraction done (download, then reading), from 0 to 1.</param>
    /// <param name="cancellationToken">Cancels the download or the reading.</param>
    /// <exception cref="ArgumentException">An unknown category, or an invalid option.</exception>
    /// <exception cref="FileNotFoundException">No local copy and <see cref="TwentyNewsgroupsOptions.DownloadIfMissing"/> is false, or <see cref="TwentyNewsgroupsOptions.SourcePath"/> does not exist.</exception>
    /// <exception cref="InvalidDataException">The archive is corrupt or fails its checksum.</exception>
    public static async Task<NewsgroupsDataset> FetchAsync(TwentyNewsgroupsOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new TwentyNewsgroupsOptions();
        Validate(options);
        var source = FindLocalCopy(options);
        IProgress<double>? readProgress = progress;
        if (source is null)
        {
            if (!options.DownloadIfMissing)
                throw new FileNotFoundException(
                    $"20 Newsgroups was not found: set TwentyNewsgroupsOptions.SourcePath or {SourceEnvironmentVariable} to a copy of {ArchiveFileName}, " +
                    $"put it into {DataHomeOf(options)}, or allow the download (DownloadIfMissing = true).");
            source = CachedArchivePath(options);
            var downloadProgress = progress is null ? null : new ScaledProgress(progress, 0, 0.8);
            await ArchiveDownloader.DownloadAsync(options.DownloadUri, source, options.ExpectedSha256, options.HttpClient, downloadProgress, cancellationToken).ConfigureAwait(false);
            readProgress = progress is null ? null : new ScaledProgress(progress, 0.8, 0.2);
        }
        return await Task.Run(() => Load(source, options, readProgress, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The synchronous form of <see cref="FetchAsync"/>.</summary>
    /// <param name="options">What to load; null for scikit-learn's defaults.</param>
    /// <param name="progress">Receives the fraction done, from 0 to 1.</param>
    /// <param name="cancellationToken">Cancels the download or the reading.</param>
    public static NewsgroupsDataset Fetch(TwentyNewsgroupsOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => FetchAsync(options, progress, cancellationToken).GetAwaiter().GetResult();

    /// <summary>The path of the cached archive for these options (it may not exist yet).</summary>
    public static string CachedArchivePath(TwentyNewsgroupsOptions? options = null) => Path.Combine(DataHomeOf(options ?? new()), ArchiveFileName);

    /// <summary>Reads a local copy (archive or folder) without looking anywhere else and without any download.</summary>
    /// <param name="path">The <c>20news-bydate.tar.gz</c> (or <c>.tar</c>) file, or a folder with the two split folders.</param>
    /// <param name="options">What to load; <see cref="TwentyNewsgroupsOptions.SourcePath"/> and the download settings are ignored.</param>
    /// <param name="progress">Receives the fraction read, from 0 to 1.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public static NewsgroupsDataset Load(string path, TwentyNewsgroupsOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new TwentyNewsgroupsOptions();
        Validate(options);
        bool train = options.Subset is NewsgroupsSubset.Train or NewsgroupsSubset.All;
        bool test = options.Subset is NewsgroupsSubset.Test or NewsgroupsSubset.All;
        var (trainSplit, testSplit) = NewsgroupsSource.Read(path, train, test, progress, cancellationToken);

        string[] names;
        string[] texts;
        int[] target;
        string[] files;
        if (trainSplit is not null && testSplit is not null)
        {
            if (!trainSplit.TargetNames.SequenceEqual(testSplit.TargetNames, StringComparer.Ordinal))
                throw new InvalidDataException($"'{path}': the train and test folders hold different newsgroups.");
            names = testSplit.TargetNames;
            texts = [.. trainSplit.Texts, .. testSplit.Texts];
            target = [.. trainSplit.Target, .. testSplit.Target];
            files = [.. trainSplit.FileNames, .. testSplit.FileNames];
        }
        else
        {
            var s = trainSplit ?? testSplit!;
            (names, texts, target, files) = (s.TargetNames, s.Texts, s.Target, s.FileNames);
        }

        if (options.Remove != NewsgroupsRemove.None)
            for (int i = 0; i < texts.Length; i++) texts[i] = NewsgroupsText.Clean(texts[i], options.Remove);

        if (options.Categories is { } categories)
            (names, texts, target, files) = SelectCategories(names, texts, target, files, categories);

        if (options.Shuffle)
        {
            var perm = NumpyLegacyShuffle.Permutation(texts.Length, options.RandomState);
            texts = NumpyLegacyShuffle.Apply(texts, perm);
            target = NumpyLegacyShuffle.Apply(target, perm);
            files = NumpyLegacyShuffle.Apply(files, perm);
        }
        return new NewsgroupsDataset(texts, target, names, files);
    }

    /// <summary>Keeps the chosen groups; their indices follow the sorted group order, as scikit-learn renumbers them.</summary>
    private static (string[], string[], int[], string[]) SelectCategories(string[] names, string[] texts, int[] target, string[] files, IReadOnlyList<string> categories)
    {
        var chosen = new SortedSet<int>();
        foreach (var c in categories)
        {
            int idx = Array.IndexOf(names, c);
            if (idx < 0)
                throw new ArgumentException($"Unknown newsgroup '{c}'. Known: {string.Join(", ", names)}.", nameof(categories));
            if (!chosen.Add(idx))
                throw new ArgumentException($"The newsgroup '{c}' is listed twice in Categories.", nameof(categories));
        }
        var newIndex = new int[names.Length];
        Array.Fill(newIndex, -1);
        int k = 0;
        foreach (var idx in chosen) newIndex[idx] = k++;
        var keep = Enumerable.Range(0, texts.Length).Where(i => newIndex[target[i]] >= 0).ToArray();
        return (chosen.Select(i => names[i]).ToArray(),
                keep.Select(i => texts[i]).ToArray(),
                keep.Select(i => newIndex[target[i]]).ToArray(),
                keep.Select(i => files[i]).ToArray());
    }

    private static void Validate(TwentyNewsgroupsOptions options)
    {
        if (!Enum.IsDefined(options.Subset))
            throw new ArgumentException($"Subset must be Train, Test or All, not {options.Subset}.", nameof(options));
        if ((options.Remove & ~NewsgroupsRemove.All) != 0)
            throw new ArgumentException($"Remove holds unknown flags ({options.Remove}); combine Headers, Footers and Quotes.", nameof(options));
        if (options.DownloadUri is null)
            throw new ArgumentException("DownloadUri must not be null; leave the default to use scikit-learn's URL.", nameof(options));
    }

    private static string DataHomeOf(TwentyNewsgroupsOptions options)
    {
        if (!string.IsNullOrEmpty(options.DataHome)) return options.DataHome;
        var env = Environment.GetEnvironmentVariable(DataHomeEnvironmentVariable);
        return !string.IsNullOrEmpty(env) ? env : DefaultDataHome;
    }

    /// <summary>
    /// The local copy <see cref="FetchAsync"/> would read (<see cref="TwentyNewsgroupsOptions.SourcePath"/>, then
    /// <c>BERTOPIC_20NEWS</c>, then the cached archive), or null when it would download.
    /// </summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <exception cref="FileNotFoundException">SourcePath or BERTOPIC_20NEWS names a path that does not exist.</exception>
    public static string? FindLocalCopy(TwentyNewsgroupsOptions? options = null)
    {
        options ??= new TwentyNewsgroupsOptions();
        if (!string.IsNullOrEmpty(options.SourcePath))
        {
            if (!File.Exists(options.SourcePath) && !Directory.Exists(options.SourcePath))
                throw new FileNotFoundException($"TwentyNewsgroupsOptions.SourcePath '{options.SourcePath}' does not exist; give the {ArchiveFileName} archive or its extracted folder, or leave SourcePath null to download it.", options.SourcePath);
            return options.SourcePath;
        }
        var env = Environment.GetEnvironmentVariable(SourceEnvironmentVariable);
        if (!string.IsNullOrEmpty(env))
        {
            if (!File.Exists(env) && !Directory.Exists(env))
                throw new FileNotFoundException($"{SourceEnvironmentVariable}='{env}' does not exist; point it at the {ArchiveFileName} archive or its extracted folder, or unset it to download the archive.", env);
            return env;
        }
        var cached = CachedArchivePath(options);
        return File.Exists(cached) ? cached : null;
    }

    /// <summary>Maps 0..1 of a sub-task onto [offset, offset + scale] of the caller's progress.</summary>
    private sealed class ScaledProgress(IProgress<double> inner, double offset, double scale) : IProgress<double>
    {
        public void Report(double value) => inner.Report(offset + scale * Math.Clamp(value, 0, 1));
    }
}
