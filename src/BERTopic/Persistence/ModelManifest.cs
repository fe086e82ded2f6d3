using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace BERTopicNet.Persistence;

/// <summary>
/// <c>bertopic_net.json</c>: marks a folder written by this library, gives its format version, and lists every
/// other file with its size and SHA-256 so that a truncated, swapped or edited file is detected on load.
/// It is written after all the files it lists and before <c>config.json</c>, so a folder holding
/// <c>config.json</c> always holds a complete manifest.
/// </summary>
internal sealed class ModelManifest
{
    public const string FileName = "bertopic_net.json";
    public const string FormatName = "bertopic-net";

    /// <summary>The format version this library writes and the newest it reads.</summary>
    public const int CurrentVersion = 1;

    public int FormatVersion { get; set; } = CurrentVersion;

    public string LibraryVersion { get; set; } = typeof(ModelManifest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>File name → (bytes, lowercase hex SHA-256).</summary>
    public Dictionary<string, (long Bytes, string Sha256)> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Library-specific model data (options, training results), owned by the facade's persistence code.</summary>
    public JsonObject Model { get; set; } = [];

    public void AddFile(string directory, string fileName)
    {
        string path = Path.Combine(directory, fileName);
        Files[fileName] = (new FileInfo(path).Length, Hash(path));
    }

    public static string Hash(string path)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(fs));
    }

    public string ToJson()
    {
        var w = new PythonJsonWriter().BeginObject();
        w.Key("format").Value(FormatName);
        w.Key("format_version").Value(FormatVersion);
        w.Key("library_version").Value(LibraryVersion);
        w.Key("files").BeginObject();
        foreach (var kv in Files.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            w.Key(kv.Key).BeginObject().Key("bytes").Value(kv.Value.Bytes).Key("sha256").Value(kv.Value.Sha256).EndObject();
        w.EndObject();
        w.Key("model").Node(Model);
        return w.EndObject().ToString();
    }

    public static ModelManifest Read(string directory)
    {
        string path = Path.Combine(directory, FileName);
        var o = JsonFields.ReadObjectFile(path);
        string format = JsonFields.String(JsonFields.Required(o, "format", path), "format", path);
        if (format != FormatName) throw new ModelFormatException(path, $"'format' is '{format}', not '{FormatName}'.");
        int version = JsonFields.Int32(JsonFields.Required(o, "format_version", path), "format_version", path);
        string written = JsonFields.Optional(o, "library_version") is { } lv ? JsonFields.String(lv, "library_version", path) : "?";
        if (version > CurrentVersion)
            throw new ModelFormatException(path, $"the model was saved in format version {version} (by BERTopic for .NET {written}); this version reads formats up to {CurrentVersion}. Upgrade the BERTopic package to load it.");
        if (version < 1) throw new ModelFormatException(path, $"'format_version' {version} is not valid.");
        var m = new ModelManifest { FormatVersion = version, LibraryVersion = written };
        foreach (var kv in JsonFields.Object(JsonFields.Required(o, "files", path), "files", path))
        {
            if (kv.Key.Length == 0 || kv.Key != Path.GetFileName(kv.Key) || kv.Key is "." or ".." || kv.Key == FileName)
                throw new ModelFormatException(path, $"'files' lists '{kv.Key}', which is not a plain file name of the folder.");
            var f = JsonFields.Object(kv.Value, $"files.{kv.Key}", path);
            long bytes = JsonFields.Integer(JsonFields.Required(f, "bytes", path), $"files.{kv.Key}.bytes", path);
            string sha = JsonFields.String(JsonFields.Required(f, "sha256", path), $"files.{kv.Key}.sha256", path);
            m.Files[kv.Key] = (bytes, sha);
        }
        m.Model = (JsonObject)JsonFields.Object(JsonFields.Required(o, "model", path), "model", path).DeepClone();
        return m;
    }

    /// <summary>Checks that every listed file exists with its size and hash.</summary>
    public void Verify(string directory)
    {
        foreach (var (name, (bytes, sha)) in Files)
        {
            string path = Path.Combine(directory, name);
            if (!File.Exists(path)) throw new ModelFormatException(path, $"the file is missing ({FileName} lists it).");
            long actual = new FileInfo(path).Length;
            if (actual != bytes) throw new ModelFormatException(path, $"the file has {actual} bytes but {bytes} were saved; it is truncated or was replaced.");
            if (!string.Equals(Hash(path), sha, StringComparison.OrdinalIgnoreCase))
                throw new ModelFormatException(path, "the file's SHA-256 differs from the one saved; it is corrupted or was edited.");
        }
    }
}
