namespace BERTopicNet.Onnx;

/// <summary>
/// Finds a model folder (the layout of models/README.md: <c>model.onnx</c> or <c>onnx/model.onnx</c>, plus
/// <c>sentencepiece.bpe.model</c>, <c>vocab.txt</c> or <c>tokenizer.json</c>) from a path or a name. Nothing is ever downloaded. A name such as
/// <c>all-MiniLM-L6-v2</c> or <c>sentence-transformers/all-MiniLM-L6-v2</c> is looked up, in order, in
/// <list type="number">
/// <item>each folder listed in the environment variable <c>BERTOPIC_MODELS</c> (separated by the platform's path separator),</item>
/// <item>the per-user folder <see cref="UserModelDirectory"/>,</item>
/// <item>the Hugging Face hub cache (<c>HF_HUB_CACHE</c>, <c>HF_HOME/hub</c> or <c>~/.cache/huggingface/hub</c>), for a snapshot that holds an ONNX export,</item>
/// </list>
/// as <c>DIR/NAME</c>, <c>DIR/LAST-PART-OF-NAME</c> and <c>DIR/ORG_NAME</c> (sentence-transformers' own cache naming).
/// </summary>
public static class ModelResolver
{
    /// <summary>The environment variable listing model folders: <c>BERTOPIC_MODELS</c>.</summary>
    public const string EnvironmentVariable = "BERTOPIC_MODELS";

    /// <summary>How to export a model, quoted in every "not found" error.</summary>
    internal static string HowToProvide =>
        "To provide a model, export it to ONNX with its tokenizer files (Python: `optimum-cli export onnx --model sentence-transformers/NAME --task feature-extraction DIR`, " +
        "or `SentenceTransformer(\"NAME\", backend=\"onnx\").save(DIR)`), then pass DIR as the model, or put DIR under a folder listed in " +
        EnvironmentVariable + " or under the per-user model folder (" + UserModelDirectory + "). The folder layout and the export steps: " + ModelsReadmeUrl;

    /// <summary>The repository page that documents model folders and their export (the NuGet packages do not hold it).</summary>
    public const string ModelsReadmeUrl = "https://github.com/bertopic-dotnet/bertopic-dotnet/blob/HEAD/models/README.md";

    /// <summary>The per-user model folder: <c>~/.local/share/bertopic-net/models</c> on Linux, <c>%LOCALAPPDATA%\bertopic-net\models</c> on Windows.</summary>
    public static string UserModelDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "bertopic-net", "models");

    /// <summary>The folders a model name is looked up in, in order (they need not exist).</summary>
    public static IReadOnlyList<string> SearchDirectories()
    {
        var dirs = new List<string>();
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
            dirs.AddRange(env.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        dirs.Add(UserModelDirectory);
        return dirs;
    }

    /// <summary>Resolves <paramref name="nameOrPath"/> to a model folder, or returns false.</summary>
    public static bool TryResolve(string nameOrPath, out string directory) =>
        (directory = Search(nameOrPath, null)!) is not null;

    /// <summary>Resolves <paramref name="nameOrPath"/> (a model folder, or a model name) to a model folder.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder was found; the message lists every place looked at and how to export a model.</exception>
    public static string Resolve(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        var looked = new List<string>();
        return Search(nameOrPath, looked) ?? throw new DirectoryNotFoundException(
            $"The embedding model '{nameOrPath}' was not found. Looked for a folder with model.onnx (or onnx/model.onnx) and a tokenizer (sentencepiece.bpe.model, vocab.txt or tokenizer.json) at: {string.Join("; ", looked)}. {HowToProvide}");
    }

    private static string? Search(string nameOrPath, List<string>? looked)
    {
        if (string.IsNullOrWhiteSpace(nameOrPath)) return null;
        if (Directory.Exists(nameOrPath))
        {
            looked?.Add(Path.GetFullPath(nameOrPath));
            if (ModelFolder.IsModelFolder(nameOrPath)) return Path.GetFullPath(nameOrPath);
            if (looked is null) return null;
            ModelFolder.Read(nameOrPath); // throws the precise reason (no model.onnx, no vocabulary)
        }
        if (Path.IsPathRooted(nameOrPath) || nameOrPath.StartsWith('.') || nameOrPath.Contains('\\'))
        {
            looked?.Add(Path.GetFullPath(nameOrPath) + " (does not exist)");
            return null;
        }
        string name = nameOrPath.Trim().Replace('\\', '/').Trim('/');
        string last = name[(name.LastIndexOf('/') + 1)..];
        string[] candidates = [.. new[] { name, last, name.Replace('/', '_'), "sentence-transformers_" + last }.Distinct(StringComparer.Ordinal)];
        foreach (var dir in SearchDirectories())
            foreach (var c in candidates)
            {
                string path = Path.Combine(dir, c.Replace('/', Path.DirectorySeparatorChar));
                looked?.Add(path);
                if (ModelFolder.IsModelFolder(path)) return Path.GetFullPath(path);
            }
        // The Hugging Face hub cache: models--ORG--NAME/snapshots/REVISION/ (only where an ONNX export was downloaded).
        string org = name.Contains('/') ? name[..name.LastIndexOf('/')] : "sentence-transformers";
        foreach (var hub in HubCaches())
        {
            string snapshots = Path.Combine(hub, $"models--{org.Replace('/', '-')}--{last}", "snapshots");
            looked?.Add(snapshots + Path.DirectorySeparatorChar + "*");
            if (!Directory.Exists(snapshots)) continue;
            foreach (var snap in Directory.GetDirectories(snapshots).OrderByDescending(Directory.GetLastWriteTimeUtc))
                if (ModelFolder.IsModelFolder(snap)) return Path.GetFullPath(snap);
        }
        return null;
    }

    private static IEnumerable<string> HubCaches()
    {
        var hubCache = Environment.GetEnvironmentVariable("HF_HUB_CACHE");
        if (!string.IsNullOrWhiteSpace(hubCache)) { yield return hubCache; yield break; }
        var hfHome = Environment.GetEnvironmentVariable("HF_HOME");
        if (!string.IsNullOrWhiteSpace(hfHome)) { yield return Path.Combine(hfHome, "hub"); yield break; }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);
        if (!string.IsNullOrEmpty(home)) yield return Path.Combine(home, ".cache", "huggingface", "hub");
    }
}
