namespace BERTopicNet.IO;

/// <summary>
/// JSON may escape a lone surrogate (<c>"\ud83d"</c>): Python's <c>json.dump</c> writes one for such a string, and
/// System.Text.Json refuses to read it as a string. This rewrites each such escape, in place, to <c>\ufffd</c> (six
/// bytes for six bytes), the same replacement <see cref="Utf16Text"/> makes for text passed in memory.
/// </summary>
internal static class JsonSurrogateEscapes
{
    /// <summary>Rewrites the lone-surrogate escapes of the UTF-8 JSON <paramref name="json"/>; returns how many.</summary>
    public static int ReplaceLone(Span<byte> json)
    {
        int replaced = 0;
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            byte b = json[i];
            if (!inString) { if (b == '"') inString = true; continue; }
            if (b == '"') { inString = false; continue; }
            if (b != '\\' || i + 1 >= json.Length) continue;
            if (json[i + 1] != 'u') { i++; continue; } // \" \\ \n ...: skip the escaped character
            if (Unit(json, i) is not int unit) { i++; continue; }
            if (unit is >= 0xD800 and <= 0xDBFF && Unit(json, i + 6) is int next && next is >= 0xDC00 and <= 0xDFFF)
            {
                i += 11; // a valid pair
                continue;
            }
            if (unit is >= 0xD800 and <= 0xDFFF)
            {
                "\\ufffd"u8.CopyTo(json[i..]);
                replaced++;
            }
            i += 5;
        }
        return replaced;
    }

    /// <summary>The code unit of the <c>\uXXXX</c> escape at <paramref name="at"/>, or null when there is none.</summary>
    private static int? Unit(ReadOnlySpan<byte> json, int at)
    {
        if (at + 6 > json.Length || json[at] != '\\' || json[at + 1] != 'u') return null;
        int v = 0;
        for (int k = 2; k < 6; k++)
        {
            int d = Hex(json[at + k]);
            if (d < 0) return null;
            v = v * 16 + d;
        }
        return v;
    }

    private static int Hex(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
