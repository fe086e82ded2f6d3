using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BERTopicNet.Persistence;

/// <summary>
/// Writes JSON the way Python's <c>json.dump(obj, f, indent=2)</c> does (BERTopic's config files): two-space
/// indentation, <c>", "</c>-free separators with <c>": "</c> after keys, <c>ensure_ascii</c> escaping, and
/// floats in Python's <c>repr</c> form (<c>1.0</c>, <c>1e-05</c>), so files we write read like Python's.
/// </summary>
internal sealed class PythonJsonWriter
{
    private readonly StringBuilder _sb = new();
    private readonly Stack<bool> _hasItems = new();
    private bool _afterKey;

    public override string ToString() => _sb.ToString();

    public PythonJsonWriter BeginObject() { BeforeValue(); _sb.Append('{'); _hasItems.Push(false); return this; }

    public PythonJsonWriter EndObject() => End('}');

    public PythonJsonWriter BeginArray() { BeforeValue(); _sb.Append('['); _hasItems.Push(false); return this; }

    public PythonJsonWriter EndArray() => End(']');

    public PythonJsonWriter Key(string key)
    {
        NewItem();
        AppendString(_sb, key);
        _sb.Append(": ");
        _afterKey = true;
        return this;
    }

    public PythonJsonWriter Value(string? s) { BeforeValue(); if (s is null) _sb.Append("null"); else AppendString(_sb, s); return this; }

    public PythonJsonWriter Value(bool b) { BeforeValue(); _sb.Append(b ? "true" : "false"); return this; }

    public PythonJsonWriter Value(long v) { BeforeValue(); _sb.Append(v.ToString(CultureInfo.InvariantCulture)); return this; }

    public PythonJsonWriter Value(double v) { BeforeValue(); _sb.Append(FormatFloat(v)); return this; }

    public PythonJsonWriter Null() { BeforeValue(); _sb.Append("null"); return this; }

    /// <summary>Writes a node read from JSON, keeping numbers' text as read.</summary>
    public PythonJsonWriter Node(JsonNode? node)
    {
        switch (node)
        {
            case null: return Null();
            case JsonObject o:
                BeginObject();
                foreach (var kv in o) { Key(kv.Key); Node(kv.Value); }
                return EndObject();
            case JsonArray a:
                BeginArray();
                foreach (var x in a) Node(x);
                return EndArray();
            case JsonValue v:
                switch (v.GetValueKind())
                {
                    case JsonValueKind.String: return Value(v.GetValue<string>());
                    case JsonValueKind.True: return Value(true);
                    case JsonValueKind.False: return Value(false);
                    case JsonValueKind.Null: return Null();
                    case JsonValueKind.Number:
                        BeforeValue();
                        if (v.TryGetValue<JsonElement>(out _)) _sb.Append(v.ToJsonString()); // as read: Python's own text
                        else if (v.TryGetValue<long>(out var l)) _sb.Append(l.ToString(CultureInfo.InvariantCulture));
                        else if (v.TryGetValue<int>(out var i)) _sb.Append(i.ToString(CultureInfo.InvariantCulture));
                        else if (v.TryGetValue<double>(out var d)) _sb.Append(FormatFloat(d));
                        else if (v.TryGetValue<float>(out var f)) _sb.Append(FormatFloat(f));
                        else _sb.Append(v.ToJsonString());
                        return this;
                    default: throw new InvalidOperationException($"Unsupported JSON value kind {v.GetValueKind()}.");
                }
            default: throw new InvalidOperationException("Unsupported JSON node.");
        }
    }

    private PythonJsonWriter End(char close)
    {
        bool had = _hasItems.Pop();
        if (had) { _sb.Append('\n'); _sb.Append(' ', 2 * _hasItems.Count); }
        _sb.Append(close);
        return this;
    }

    private void BeforeValue()
    {
        if (_afterKey) { _afterKey = false; return; }
        if (_hasItems.Count > 0) NewItem();
    }

    private void NewItem()
    {
        if (_hasItems.Count == 0) return;
        if (_hasItems.Peek()) _sb.Append(',');
        else { _hasItems.Pop(); _hasItems.Push(true); }
        _sb.Append('\n');
        _sb.Append(' ', 2 * _hasItems.Count);
    }

    /// <summary>A JSON string with Python's <c>ensure_ascii</c> escaping.</summary>
    internal static void AppendString(StringBuilder sb, string s) => SafeTensorsFile.AppendJsonString(sb, s, escapeNonAscii: true);

    /// <summary>Python's <c>repr(float)</c>: the shortest round-trip digits, fixed notation for decimal exponents in (-4, 16], else <c>1e-05</c> style.</summary>
    internal static string FormatFloat(double v)
    {
        if (double.IsNaN(v)) return "NaN";
        if (double.IsPositiveInfinity(v)) return "Infinity";
        if (double.IsNegativeInfinity(v)) return "-Infinity";
        if (v == 0) return double.IsNegative(v) ? "-0.0" : "0.0";
        string r = Math.Abs(v).ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOfAny(['E', 'e']);
        string mant = e >= 0 ? r[..e] : r;
        int exp10 = e >= 0 ? int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        int dot = mant.IndexOf('.');
        string intPart = dot >= 0 ? mant[..dot] : mant;
        string fracPart = dot >= 0 ? mant[(dot + 1)..] : "";
        string digits = intPart + fracPart;
        int decpt = intPart.Length + exp10; // value = 0.digits × 10^decpt
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; decpt--; }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        var sb = new StringBuilder();
        if (v < 0) sb.Append('-');
        if (decpt <= -4 || decpt > 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            int x = decpt - 1;
            sb.Append('e').Append(x < 0 ? '-' : '+').Append(Math.Abs(x).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (decpt <= 0) sb.Append("0.").Append('0', -decpt).Append(digits);
        else if (decpt >= digits.Length) sb.Append(digits).Append('0', decpt - digits.Length).Append(".0");
        else sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
        return sb.ToString();
    }
}
