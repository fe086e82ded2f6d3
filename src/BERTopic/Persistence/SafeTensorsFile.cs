using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BERTopicNet.Persistence;

/// <summary>
/// Reads and writes the safetensors format (Hugging Face): an unsigned 64-bit little-endian header length, a
/// UTF-8 JSON header <c>{name: {"dtype", "shape", "data_offsets"}, "__metadata__": {str: str}}</c>, then the
/// tensors' bytes, contiguous and in offset order. Files are written as the Rust reference library writes
/// them (tensors sorted by decreasing dtype alignment then name, compact JSON, header padded with spaces to
/// a multiple of 8 bytes). Reading validates everything before allocating tensor memory and reports any
/// defect as a <see cref="ModelFormatException"/> naming the file and the problem.
/// </summary>
public sealed class SafeTensorsFile
{
    /// <summary>The reserved header key of the string-to-string metadata.</summary>
    public const string MetadataKey = "__metadata__";

    /// <summary>The largest header accepted when reading, in bytes (the Rust library's limit, 100 MB).</summary>
    public const long MaxHeaderBytes = 100_000_000;

    private const int MaxJsonDepth = 16;

    private readonly List<SafeTensor> _tensors = [];
    private readonly Dictionary<string, SafeTensor> _byName = new(StringComparer.Ordinal);

    /// <summary>Creates an empty file (add tensors, then <see cref="Save"/>).</summary>
    public SafeTensorsFile() { }

    /// <summary>The optional <c>__metadata__</c> entries (string to string). Written sorted by key.</summary>
    public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The tensors, in the order they were added (or, after reading, in data-offset order).</summary>
    public IReadOnlyList<SafeTensor> Tensors => _tensors;

    /// <summary>The file this was read from, if any.</summary>
    public string? SourcePath { get; private set; }

    /// <summary>The tensor named <paramref name="name"/>.</summary>
    /// <exception cref="ModelFormatException">There is no such tensor.</exception>
    public SafeTensor this[string name] =>
        _byName.TryGetValue(name, out var t) ? t
        : throw new ModelFormatException(SourcePath ?? "(in memory)", $"no tensor named '{name}' (the file holds: {string.Join(", ", _tensors.Select(x => x.Name))}).");

    /// <summary>Looks a tensor up by name.</summary>
    public bool TryGetTensor(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SafeTensor? tensor) =>
        _byName.TryGetValue(name, out tensor);

    /// <summary>Adds a tensor.</summary>
    /// <exception cref="ArgumentException">A tensor of that name is already present.</exception>
    public SafeTensorsFile Add(SafeTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!_byName.TryAdd(tensor.Name, tensor))
            throw new ArgumentException($"A tensor named '{tensor.Name}' is already in the file; tensor names must be unique.", nameof(tensor));
        _tensors.Add(tensor);
        return this;
    }

    // ----------------------------------------------------------------------------------------------- writing

    /// <summary>The tensors in the order the Rust reference writer stores them: decreasing dtype, then name (ordinal).</summary>
    public IReadOnlyList<SafeTensor> WriteOrder()
    {
        var order = _tensors.ToList();
        order.Sort((a, b) =>
        {
            int c = b.DType.CompareTo(a.DType);
            return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        });
        return order;
    }

    /// <summary>The header bytes exactly as written (JSON padded with spaces to a multiple of 8), without the length prefix.</summary>
    public byte[] BuildHeader()
    {
        var sb = new StringBuilder(64 + 96 * _tensors.Count);
        sb.Append('{');
        bool first = true;
        if (Metadata.Count > 0)
        {
            sb.Append('"').Append(MetadataKey).Append("\":{");
            bool firstMeta = true;
            foreach (var kv in Metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (!firstMeta) sb.Append(',');
                firstMeta = false;
                AppendJsonString(sb, kv.Key);
                sb.Append(':');
                AppendJsonString(sb, kv.Value);
            }
            sb.Append('}');
            first = false;
        }
        long offset = 0;
        foreach (var t in WriteOrder())
        {
            if (!first) sb.Append(',');
            first = false;
            AppendJsonString(sb, t.Name);
            sb.Append(":{\"dtype\":\"").Append(t.DType.ToHeaderName()).Append("\",\"shape\":[");
            for (int i = 0; i < t.Shape.Count; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(t.Shape[i].ToString(CultureInfo.InvariantCulture));
            }
            long end = offset + t.Bytes.Length;
            sb.Append("],\"data_offsets\":[").Append(offset.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(end.ToString(CultureInfo.InvariantCulture)).Append("]}");
            offset = end;
        }
        sb.Append('}');
        int byteCount = Encoding.UTF8.GetByteCount(sb.ToString());
        sb.Append(' ', (8 - byteCount % 8) % 8);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Writes the file to a stream.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = BuildHeader();
        Span<byte> len = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)header.Length);
        stream.Write(len);
        stream.Write(header);
        foreach (var t in WriteOrder()) stream.Write(t.Bytes);
    }

    /// <summary>The whole file as bytes.</summary>
    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        WriteTo(ms);
        return ms.ToArray();
    }

    /// <summary>Writes the file to <paramref name="path"/> (replacing it) and flushes it to disk.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        WriteTo(fs);
        fs.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Appends a JSON string escaped as serde_json does (only quote, backslash and control characters), or, with
    /// <paramref name="escapeNonAscii"/>, as Python's <c>json.dumps(ensure_ascii=True)</c> does (also every non-ASCII char).
    /// </summary>
    internal static void AppendJsonString(StringBuilder sb, string s, bool escapeNonAscii = false)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || (escapeNonAscii && c > 0x7e)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    // ----------------------------------------------------------------------------------------------- reading

    /// <summary>Reads and validates a safetensors file.</summary>
    /// <exception cref="ModelFormatException">The file is missing, truncated, malformed or inconsistent.</exception>
    public static SafeTensorsFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new ModelFormatException(path, "the file does not exist.");
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return Read(fs, path);
        }
        catch (IOException e) when (e is not ModelFormatException)
        {
            throw new ModelFormatException(path, $"could not be read ({e.Message}).", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ModelFormatException(path, $"could not be read ({e.Message}).", e);
        }
    }

    /// <summary>Reads and validates safetensors bytes held in memory.</summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="sourceName">A name for error messages.</param>
    /// <exception cref="ModelFormatException">The bytes are not a valid safetensors file.</exception>
    public static SafeTensorsFile Read(byte[] bytes, string sourceName = "(in memory)")
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var ms = new MemoryStream(bytes, writable: false);
        return Read(ms, sourceName);
    }

    /// <summary>Reads and validates a safetensors file from a seekable stream holding exactly that file.</summary>
    /// <param name="stream">A readable, seekable stream positioned at the file's start; it is read to its end.</param>
    /// <param name="sourceName">A name for error messages (usually the path).</param>
    /// <exception cref="ModelFormatException">The stream is not a valid safetensors file.</exception>
    public static SafeTensorsFile Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (!stream.CanSeek) throw new ArgumentException("The stream must be seekable (its length bounds every allocation).", nameof(stream));
        long total = stream.Length - stream.Position;
        ModelFormatException Fail(string problem, Exception? inner = null) => new(sourceName, problem, inner);

        if (total < 8) throw Fail($"truncated: {total} bytes, fewer than the 8-byte header length.");
        Span<byte> lenBytes = stackalloc byte[8];
        stream.ReadExactly(lenBytes);
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(lenBytes);
        if (n > (ulong)MaxHeaderBytes) throw Fail($"header length {n} exceeds the {MaxHeaderBytes}-byte limit.");
        if ((long)n > total - 8) throw Fail($"header length {n} runs past the end of the file ({total - 8} bytes follow the length).");
        if (n < 2) throw Fail($"header length {n} is too small for a JSON object.");
        var headerBytes = new byte[n];
        stream.ReadExactly(headerBytes);
        long dataLength = total - 8 - (long)n;

        var file = new SafeTensorsFile { SourcePath = sourceName };
        var entries = ParseHeader(headerBytes, file, Fail);

        // Validate offsets: sorted by start they must tile [0, dataLength) exactly (as the Rust library requires).
        entries.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        long cursor = 0;
        foreach (var e in entries)
        {
            if (e.End < e.Start) throw Fail($"tensor '{e.Name}': data_offsets [{e.Start}, {e.End}] end before they start.");
            if (e.Start != cursor)
                throw Fail(e.Start < cursor
                    ? $"tensor '{e.Name}': data_offsets [{e.Start}, {e.End}] overlap the previous tensor (which ends at {cursor})."
                    : $"tensor '{e.Name}': data_offsets [{e.Start}, {e.End}] leave a gap after byte {cursor}.");
            if (e.End > dataLength) throw Fail($"tensor '{e.Name}': data_offsets [{e.Start}, {e.End}] run past the end of the data ({dataLength} bytes); the file is truncated.");
            long count = 1;
            foreach (var d in e.Shape)
            {
                if (d != 0 && count > long.MaxValue / d) throw Fail($"tensor '{e.Name}': shape [{string.Join(", ", e.Shape)}] overflows.");
                count *= d;
            }
            int size = e.DType.SizeOf();
            if (count > long.MaxValue / size) throw Fail($"tensor '{e.Name}': shape [{string.Join(", ", e.Shape)}] overflows.");
            if (count * size != e.End - e.Start)
                throw Fail($"tensor '{e.Name}': shape [{string.Join(", ", e.Shape)}] of {e.DType} needs {count * size} bytes but data_offsets [{e.Start}, {e.End}] span {e.End - e.Start}.");
            if (e.End - e.Start > Array.MaxLength) throw Fail($"tensor '{e.Name}': {e.End - e.Start} bytes is larger than one array can hold.");
            cursor = e.End;
        }
        if (cursor != dataLength)
            throw Fail($"the tensors cover {cursor} bytes of data but {dataLength} bytes follow the header (trailing bytes or a wrong header length).");

        // Everything is consistent and bounded by the file's length: read the data.
        foreach (var e in entries)
        {
            var data = GC.AllocateUninitializedArray<byte>((int)(e.End - e.Start));
            try { stream.ReadExactly(data); }
            catch (EndOfStreamException ex) { throw Fail($"tensor '{e.Name}': the file ended while reading its data.", ex); }
            var tensor = new SafeTensor(e.Name, e.DType, e.Shape, data) { Source = sourceName };
            file._byName.Add(e.Name, tensor);
            file._tensors.Add(tensor);
        }
        return file;
    }

    private sealed record Entry(string Name, SafeTensorDType DType, long[] Shape, long Start, long End);

    private static List<Entry> ParseHeader(byte[] headerBytes, SafeTensorsFile file, Func<string, Exception?, ModelFormatException> fail)
    {
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(headerBytes); }
        catch (DecoderFallbackException e) { throw fail("the header is not valid UTF-8.", e); }
        if (text.Length == 0 || text[0] != '{') throw fail("the header does not start with '{' (not a safetensors file, or a wrong header length).", null);

        JsonDocument doc;
        try { doc = JsonDocument.Parse(headerBytes, new JsonDocumentOptions { MaxDepth = MaxJsonDepth, AllowDuplicateProperties = false }); }
        catch (JsonException e) { throw fail($"the header is not valid JSON ({e.Message}).", e); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw fail($"the header is JSON {root.ValueKind}, not an object.", null);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var entries = new List<Entry>();
            foreach (var prop in root.EnumerateObject())
            {
                if (!seen.Add(prop.Name)) throw fail($"the header names '{prop.Name}' twice.", null);
                if (prop.Name == MetadataKey)
                {
                    if (prop.Value.ValueKind != JsonValueKind.Object) throw fail($"'{MetadataKey}' is {prop.Value.ValueKind}, not an object of strings.", null);
                    foreach (var m in prop.Value.EnumerateObject())
                    {
                        if (m.Value.ValueKind != JsonValueKind.String) throw fail($"'{MetadataKey}' entry '{m.Name}' is {m.Value.ValueKind}, not a string.", null);
                        if (!file.Metadata.TryAdd(m.Name, m.Value.GetString()!)) throw fail($"'{MetadataKey}' names '{m.Name}' twice.", null);
                    }
                    continue;
                }
                entries.Add(ParseEntry(prop, fail));
            }
            return entries;
        }
    }

    private static Entry ParseEntry(JsonProperty prop, Func<string, Exception?, ModelFormatException> fail)
    {
        string name = prop.Name;
        var v = prop.Value;
        if (v.ValueKind != JsonValueKind.Object) throw fail($"tensor '{name}': its header entry is {v.ValueKind}, not an object.", null);
        JsonElement? dtypeEl = null, shapeEl = null, offsetsEl = null;
        foreach (var f in v.EnumerateObject())
        {
            switch (f.Name)
            {
                case "dtype": if (dtypeEl is not null) throw fail($"tensor '{name}': 'dtype' given twice.", null); dtypeEl = f.Value; break;
                case "shape": if (shapeEl is not null) throw fail($"tensor '{name}': 'shape' given twice.", null); shapeEl = f.Value; break;
                case "data_offsets": if (offsetsEl is not null) throw fail($"tensor '{name}': 'data_offsets' given twice.", null); offsetsEl = f.Value; break;
                default: break; // unknown fields are ignored, as the reference reader does
            }
        }
        if (dtypeEl is null || shapeEl is null || offsetsEl is null)
            throw fail($"tensor '{name}': the header entry lacks {(dtypeEl is null ? "'dtype'" : shapeEl is null ? "'shape'" : "'data_offsets'")}.", null);
        if (dtypeEl.Value.ValueKind != JsonValueKind.String) throw fail($"tensor '{name}': 'dtype' is not a string.", null);
        string dtypeName = dtypeEl.Value.GetString()!;
        if (!SafeTensorDTypes.TryParse(dtypeName, out var dtype)) throw fail($"tensor '{name}': unknown dtype '{Truncate(dtypeName)}'.", null);
        var shape = ReadIntegers(shapeEl.Value, name, "shape", fail);
        var offsets = ReadIntegers(offsetsEl.Value, name, "data_offsets", fail);
        if (offsets.Length != 2) throw fail($"tensor '{name}': 'data_offsets' has {offsets.Length} numbers, not 2.", null);
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static long[] ReadIntegers(JsonElement el, string name, string field, Func<string, Exception?, ModelFormatException> fail)
    {
        if (el.ValueKind != JsonValueKind.Array) throw fail($"tensor '{name}': '{field}' is {el.ValueKind}, not an array.", null);
        int len = el.GetArrayLength();
        if (len > 64) throw fail($"tensor '{name}': '{field}' has {len} entries (at most 64 are accepted).", null);
        var result = new long[len];
        int i = 0;
        foreach (var x in el.EnumerateArray())
        {
            if (x.ValueKind != JsonValueKind.Number || !x.TryGetInt64(out long value) || value < 0)
                throw fail($"tensor '{name}': '{field}' entry {Truncate(x.GetRawText())} is not a non-negative integer.", null);
            result[i++] = value;
        }
        return result;
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
