using System.Buffers.Binary;
using System.Text;

namespace BERTopicNet.Onnx;

/// <summary>Just enough of the protobuf wire format to read and rewrite an ONNX model without a generated schema.</summary>
internal static class ProtoWire
{
    public const int Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5;

    /// <summary>One field of a message: its number, wire type, the whole encoded field and its value.</summary>
    public readonly record struct Field(int Number, int WireType, ReadOnlyMemory<byte> Encoded, ReadOnlyMemory<byte> Value, ulong Scalar);

    public static List<Field> Parse(ReadOnlyMemory<byte> message)
    {
        var fields = new List<Field>();
        var span = message.Span;
        int pos = 0;
        while (pos < span.Length)
        {
            int start = pos;
            ulong tag = ReadVarint(span, ref pos);
            if (tag >> 3 > int.MaxValue || tag >> 3 == 0) throw new InvalidDataException($"Invalid protobuf field number {tag >> 3}: the file is not a valid ONNX model.");
            int number = (int)(tag >> 3), wire = (int)(tag & 7);
            ReadOnlyMemory<byte> value = default;
            ulong scalar = 0;
            switch (wire)
            {
                case Varint: scalar = ReadVarint(span, ref pos); break;
                case Fixed64: Need(span, pos, 8); scalar = BinaryPrimitives.ReadUInt64LittleEndian(span[pos..]); pos += 8; break;
                case Fixed32: Need(span, pos, 4); scalar = BinaryPrimitives.ReadUInt32LittleEndian(span[pos..]); pos += 4; break;
                case LengthDelimited:
                    ulong rawLen = ReadVarint(span, ref pos);
                    if (rawLen > (ulong)(span.Length - pos)) throw new InvalidDataException("Truncated protobuf field: the file is not a valid ONNX model.");
                    int len = (int)rawLen;
                    value = message.Slice(pos, len);
                    pos += len;
                    break;
                default: throw new InvalidDataException($"Unsupported protobuf wire type {wire} (field {number}): the file is not a valid ONNX model.");
            }
            fields.Add(new Field(number, wire, message[start..pos], value, scalar));
        }
        return fields;
    }

    public static ulong ReadVarint(ReadOnlySpan<byte> span, ref int pos)
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (pos >= span.Length) throw new InvalidDataException("Truncated protobuf varint: the file is not a valid ONNX model.");
            byte b = span[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new InvalidDataException("Overlong protobuf varint: the file is not a valid ONNX model.");
    }

    /// <summary>The values of a repeated int64 field, packed or not.</summary>
    public static IEnumerable<long> Int64s(Field f)
    {
        if (f.WireType == Varint) return [(long)f.Scalar];
        var list = new List<long>();
        var span = f.Value.Span;
        int pos = 0;
        while (pos < span.Length) list.Add((long)ReadVarint(span, ref pos));
        return list;
    }

    public static string String(Field f) => Encoding.UTF8.GetString(f.Value.Span);

    private static void Need(ReadOnlySpan<byte> span, int pos, int count)
    {
        if (count < 0 || pos + count > span.Length) throw new InvalidDataException("Truncated protobuf field: the file is not a valid ONNX model.");
    }

    public static void WriteVarint(Stream s, ulong v)
    {
        while (v >= 0x80) { s.WriteByte((byte)(v | 0x80)); v >>= 7; }
        s.WriteByte((byte)v);
    }

    public static void WriteTag(Stream s, int number, int wire) => WriteVarint(s, (ulong)((uint)number << 3 | (uint)wire));

    public static void WriteBytes(Stream s, int number, ReadOnlySpan<byte> bytes)
    {
        WriteTag(s, number, LengthDelimited);
        WriteVarint(s, (ulong)bytes.Length);
        s.Write(bytes);
    }

    public static void WriteString(Stream s, int number, string value) => WriteBytes(s, number, Encoding.UTF8.GetBytes(value));

    public static void WriteInt(Stream s, int number, long value)
    {
        WriteTag(s, number, Varint);
        WriteVarint(s, (ulong)value);
    }
}
