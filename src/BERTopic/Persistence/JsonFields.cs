using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BERTopicNet.Persistence;

/// <summary>Typed, validated access to JSON read from a model file; every failure names the file and the key.</summary>
internal static class JsonFields
{
    private const long MaxJsonBytes = 2L << 30;
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static JsonObject ReadObjectFile(string path)
    {
        if (!File.Exists(path)) throw new ModelFormatException(path, "the file is missing.");
        long length = new FileInfo(path).Length;
        if (length > MaxJsonBytes) throw new ModelFormatException(path, $"{length} bytes is too large for a model JSON file.");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new ModelFormatException(path, $"could not be read ({e.Message}).", e); }
        return ParseObject(bytes, path);
    }

    public static JsonObject ParseObject(byte[] bytes, string path)
    {
        try { _ = StrictUtf8.GetCharCount(bytes); }
        catch (System.Text.DecoderFallbackException e) { throw new ModelFormatException(path, "is not valid UTF-8 text.", e); }
        IO.JsonSurrogateEscapes.ReplaceLone(bytes); // Python writes "\ud83d" for a lone surrogate; it loads as U+FFFD
        JsonNode? node;
        try { node = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false }); }
        catch (JsonException e) { throw new ModelFormatException(path, $"is not valid JSON ({e.Message}).", e); }
        catch (ArgumentException e) { throw new ModelFormatException(path, $"is not valid JSON ({e.Message}).", e); }
        catch (InvalidOperationException e) { throw new ModelFormatException(path, $"is not valid JSON ({e.Message}).", e); }
        if (node is not JsonObject obj) throw new ModelFormatException(path, $"holds JSON {Kind(node)} where an object was expected.");
        try { _ = obj.Count; } // JsonObject materialises lazily; duplicate keys surface here
        catch (ArgumentException e) { throw new ModelFormatException(path, $"repeats a key ({e.Message}).", e); }
        return obj;
    }

    public static string Kind(JsonNode? n) => n switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "?",
    };

    public static JsonNode? Optional(JsonObject o, string key) => o.TryGetPropertyValue(key, out var v) ? v : null;

    public static JsonNode Required(JsonObject o, string key, string path)
    {
        if (!o.TryGetPropertyValue(key, out var v)) throw new ModelFormatException(path, $"the key '{key}' is missing.");
        return v ?? throw new ModelFormatException(path, $"'{key}' is null.");
    }

    public static JsonObject Object(JsonNode? n, string what, string path) =>
        n as JsonObject ?? throw new ModelFormatException(path, $"'{what}' is {Kind(n)}, not an object.");

    public static JsonArray Array(JsonNode? n, string what, string path) =>
        n as JsonArray ?? throw new ModelFormatException(path, $"'{what}' is {Kind(n)}, not an array.");

    public static long Integer(JsonNode? n, string what, string path)
    {
        if (n is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            if (v.TryGetValue<long>(out var l)) return l;
            if (v.TryGetValue<int>(out var i)) return i;
            if (v.TryGetValue<JsonElement>(out var el) && el.TryGetInt64(out l)) return l;
        }
        throw new ModelFormatException(path, $"'{what}' is {Describe(n)}, not an integer.");
    }

    public static int Int32(JsonNode? n, string what, string path)
    {
        long l = Integer(n, what, path);
        if (l is < int.MinValue or > int.MaxValue) throw new ModelFormatException(path, $"'{what}' = {l} is out of range.");
        return (int)l;
    }

    public static double Number(JsonNode? n, string what, string path)
    {
        if (n is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            if (v.TryGetValue<double>(out var d)) return d;
            if (v.TryGetValue<JsonElement>(out var el) && el.TryGetDouble(out d)) return d;
            if (v.TryGetValue<long>(out var l)) return l;
            if (v.TryGetValue<int>(out var i)) return i;
        }
        throw new ModelFormatException(path, $"'{what}' is {Describe(n)}, not a number.");
    }

    public static bool Bool(JsonNode? n, string what, string path) =>
        n is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? v.GetValueKind() == JsonValueKind.True
            : throw new ModelFormatException(path, $"'{what}' is {Describe(n)}, not true/false.");

    public static string String(JsonNode? n, string what, string path) =>
        n is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw new ModelFormatException(path, $"'{what}' is {Describe(n)}, not a string.");

    public static string? NullableString(JsonNode? n, string what, string path) => n is null ? null : String(n, what, path);

    /// <summary>A topic id written as a JSON object key (Python writes int keys as strings).</summary>
    public static int TopicKey(string key, string what, string path) =>
        int.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int id)
            ? id
            : throw new ModelFormatException(path, $"'{what}' has the key '{Short(key)}', which is not a topic id.");

    private static string Describe(JsonNode? n) => n is JsonValue ? $"{Kind(n)} {Short(n.ToJsonString())}" : Kind(n);

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
