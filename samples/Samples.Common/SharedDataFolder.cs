namespace BERTopicNet.Samples;

/// <summary>
/// Finds the optional data folder next to the repository (<c>../shared/data</c>, or <c>BERTOPIC_SHARED_DATA</c>), which
/// holds ready-made corpora (<c>&lt;corpus&gt;/docs.jsonl</c>) and their precomputed embeddings. Setting the variable to a
/// folder that does not exist makes the samples ignore <c>../shared/data</c> (to try what a fresh clone does).
/// </summary>
public static class SharedDataFolder
{
    /// <summary>The data folder, or null when there is none.</summary>
    public static string? Path { get; } = Find();

    /// <summary>The file <c>&lt;data&gt;/&lt;parts&gt;</c> when it exists, else null.</summary>
    public static string? FileOrNull(params string[] parts)
    {
        if (Path is null) return null;
        var file = System.IO.Path.Combine([Path, .. parts]);
        return File.Exists(file) ? file : null;
    }

    /// <summary>The folder holding <c>BERTopic.sln</c> above the current folder or the program, or null.</summary>
    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "BERTopic.sln"))) return dir.FullName;
        return null;
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("BERTOPIC_SHARED_DATA");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? env : null; // set to a missing folder to ignore ../shared
        var root = RepositoryRoot();
        if (root is null) return null;
        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "..", "shared", "data"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
