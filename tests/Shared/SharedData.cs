using System.Runtime.CompilerServices;

namespace BERTopicNet.Testing;

/// <summary>
/// Locates the repository's sibling folder <c>../shared/data</c> (real corpora and Python BERTopic's golden
/// outputs). It exists on the developers' machines and in CI, not on a fresh clone elsewhere: tests that need
/// it use <see cref="SharedDataFactAttribute"/> and are reported as skipped when it is missing.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The data folder, or null when it is not present.</summary>
    public static string? DataDirectory => Root.Value;

    /// <summary>True when the shared data folder exists.</summary>
    public static bool Available => Root.Value is not null;

    /// <summary>The full path of a file under the data folder.</summary>
    public static string PathOf(params string[] parts) =>
        Path.Combine([Root.Value ?? throw new InvalidOperationException("../shared/data is not present."), .. parts]);

    /// <summary>The repository root (the folder holding BERTopic.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot([CallerFilePath] string thisFile = "")
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BERTopic.sln"))) return dir.FullName;
        return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("BERTOPIC_SHARED_DATA");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? env : null; // set but missing: behave as a fresh clone
        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}

/// <summary>A fact that runs only where <c>../shared/data</c> exists, and is reported as skipped elsewhere.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <summary>Marks the test skipped when the shared data is missing.</summary>
    public SharedDataFactAttribute()
    {
        if (!SharedData.Available)
            Skip = "Skipped: ../shared/data (real corpora and Python BERTopic reference outputs) is not present on this machine.";
    }
}
