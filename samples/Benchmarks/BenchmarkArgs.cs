using System.Globalization;

namespace BERTopicNet.Benchmarks;

/// <summary>Parses <c>--key value</c> pairs for the benchmarks.</summary>
internal sealed class BenchmarkArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public BenchmarkArgs(IEnumerable<string> args)
    {
        string? key = null;
        foreach (var a in args)
        {
            if (a.StartsWith("--", StringComparison.Ordinal)) { if (key is not null) _values[key] = "true"; key = a[2..]; }
            else if (key is not null) { _values[key] = a; key = null; }
            else throw new ArgumentException($"Unexpected argument '{a}'.");
        }
        if (key is not null) _values[key] = "true";
    }

    public string? Get(string key) => _values.GetValueOrDefault(key);

    public string Get(string key, string fallback) => _values.GetValueOrDefault(key) ?? fallback;

    public int GetInt(string key, int fallback) => _values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary><c>--layout parallel|sequential</c>: UMAP's layout optimiser (<c>UmapOptions.SequentialLayout</c>); null when not given.</summary>
    public bool? SequentialLayout => Get("layout") switch
    {
        null => null,
        "parallel" => false,
        "sequential" => true,
        var other => throw new ArgumentException($"--layout must be parallel or sequential, not '{other}'."),
    };

    /// <summary>The shared data folder (../shared/data next to the repository) or --data.</summary>
    public string DataDirectory => Get("data") ?? Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "data"));

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BERTopic.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
