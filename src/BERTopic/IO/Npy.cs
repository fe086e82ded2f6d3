using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace BERTopicNet.IO;

/// <summary>
/// Reads and writes NumPy <c>.npy</c> files (format versions 1–3, little-endian, C order) holding
/// float32 or int32 arrays of one or two dimensions, the format Python BERTopic users keep embeddings in.
/// </summary>
public static partial class Npy
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a 2-d float32 array (a 1-d array becomes one column). float64 input is converted.</summary>
    /// <exception cref="InvalidDataException">The file is not a supported .npy array.</exception>
    public static float[,] ReadMatrix(string path)
    {
        var (shape, dtype, data) = ReadRaw(path);
        int rows = shape.Length > 0 ? checked((int)shape[0]) : 1;
        int cols = shape.Length > 1 ? checked((int)shape[1]) : 1;
        if (shape.Length > 2) throw new InvalidDataException($"{path}: expected a 1-d or 2-d array but the shape has {shape.Length} dimensions.");
        var result = new float[rows, cols];
        var dest = AsSpan(result);
        switch (dtype)
        {
            case "<f4": MemoryMarshal.Cast<byte, float>(data).CopyTo(dest); break;
            case "<f8":
                var d = MemoryMarshal.Cast<byte, double>(data);
                for (int i = 0; i < d.Length; i++) dest[i] = (float)d[i];
                break;
            case "<i4":
                var n = MemoryMarshal.Cast<byte, int>(data);
                for (int i = 0; i < n.Length; i++) dest[i] = n[i];
                break;
            default: throw new InvalidDataException($"{path}: dtype '{dtype}' is not supported for a float matrix (use float32).");
        }
        return result;
    }

    /// <summary>Reads a 1-d int array (int32 or int64; int64 values must fit in int32).</summary>
    /// <exception cref="InvalidDataException">The file is not a supported .npy array.</exception>
    public static int[] ReadInt32Vector(string path)
    {
        var (shape, dtype, data) = ReadRaw(path);
        if (shape.Length != 1) throw new InvalidDataException($"{path}: expected a 1-d array but the shape has {shape.Length} dimensions.");
        return dtype switch
        {
            "<i4" => MemoryMarshal.Cast<byte, int>(data).ToArray(),
            "<i8" => Array.ConvertAll(MemoryMarshal.Cast<byte, long>(data).ToArray(), v => checked((int)v)),
            _ => throw new InvalidDataException($"{path}: dtype '{dtype}' is not supported for an int vector (use int32 or int64)."),
        };
    }

    /// <summary>Reads a 1-d float array (float32 or float64).</summary>
    public static float[] ReadFloatVector(string path)
    {
        var m = ReadMatrix(path);
        if (m.GetLength(1) != 1 && m.GetLength(0) != 1) throw new InvalidDataException($"{path}: expected a 1-d array.");
        return AsSpan(m).ToArray();
    }

    /// <summary>Writes a 2-d float32 array.</summary>
    public static void Write(string path, float[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ReadOnlySpan<float> span = AsSpan(matrix);
        WriteRaw(path, "<f4", $"({matrix.GetLength(0)}, {matrix.GetLength(1)})", MemoryMarshal.AsBytes(span));
    }

    /// <summary>Writes a 1-d float32 array.</summary>
    public static void Write(string path, ReadOnlySpan<float> vector) =>
        WriteRaw(path, "<f4", $"({vector.Length},)", MemoryMarshal.AsBytes(vector));

    /// <summary>Writes a 1-d int32 array.</summary>
    public static void Write(string path, ReadOnlySpan<int> vector) =>
        WriteRaw(path, "<i4", $"({vector.Length},)", MemoryMarshal.AsBytes(vector));

    private static Span<float> AsSpan(float[,] m) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, float>(ref MemoryMarshal.GetArrayDataReference(m)), m.Length);

    private static void WriteRaw(string path, string dtype, string shape, ReadOnlySpan<byte> data)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Writing .npy files requires a little-endian machine.");
        string header = $"{{'descr': '{dtype}', 'fortran_order': False, 'shape': {shape}, }}";
        int total = Magic.Length + 2 + 2 + header.Length + 1;
        int pad = (64 - total % 64) % 64;
        header = header + new string(' ', pad) + "\n";
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        fs.Write(Magic);
        fs.WriteByte(1);
        fs.WriteByte(0);
        Span<byte> len = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(len, (ushort)header.Length);
        fs.Write(len);
        fs.Write(Encoding.ASCII.GetBytes(header));
        fs.Write(data);
    }

    private static (long[] Shape, string Dtype, byte[] Data) ReadRaw(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"The .npy file '{path}' does not exist.", path);
        using var fs = File.OpenRead(path);
        Span<byte> pre = stackalloc byte[8];
        if (fs.ReadAtLeast(pre, 8, throwOnEndOfStream: false) < 8 || !pre[..6].SequenceEqual(Magic))
            throw new InvalidDataException($"{path}: not a NumPy .npy file (bad magic bytes).");
        int major = pre[6];
        int headerLen;
        if (major == 1)
        {
            Span<byte> l = stackalloc byte[2];
            fs.ReadExactly(l);
            headerLen = BinaryPrimitives.ReadUInt16LittleEndian(l);
        }
        else if (major is 2 or 3)
        {
            Span<byte> l = stackalloc byte[4];
            fs.ReadExactly(l);
            headerLen = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(l));
        }
        else throw new InvalidDataException($"{path}: .npy format version {major} is not supported.");
        if (headerLen > 1 << 20 || headerLen > fs.Length - fs.Position)
            throw new InvalidDataException($"{path}: header length {headerLen} runs past the end of the file.");
        var headerBytes = new byte[headerLen];
        fs.ReadExactly(headerBytes);
        string header = Encoding.Latin1.GetString(headerBytes);
        var descr = DescrRegex().Match(header);
        var fortran = FortranRegex().Match(header);
        var shapeMatch = ShapeRegex().Match(header);
        if (!descr.Success || !shapeMatch.Success)
            throw new InvalidDataException($"{path}: unreadable .npy header '{header.Trim()}'.");
        if (fortran.Success && fortran.Groups[1].Value == "True")
            throw new InvalidDataException($"{path}: Fortran-ordered arrays are not supported; save with np.ascontiguousarray.");
        string dtype = descr.Groups[1].Value.Replace("|", "<");
        var shape = shapeMatch.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        int itemSize = dtype switch { "<f4" or "<i4" => 4, "<f8" or "<i8" => 8, _ => throw new InvalidDataException($"{path}: dtype '{dtype}' is not supported (float32, float64, int32, int64 are).") };
        long count = 1;
        foreach (var s in shape) count = checked(count * s);
        long bytes = checked(count * itemSize);
        if (bytes != fs.Length - fs.Position)
            throw new InvalidDataException($"{path}: shape ({string.Join(", ", shape)}) needs {bytes} bytes of data but the file holds {fs.Length - fs.Position}.");
        if (bytes > Array.MaxLength) throw new InvalidDataException($"{path}: array of {bytes} bytes is too large.");
        var data = GC.AllocateUninitializedArray<byte>((int)bytes);
        fs.ReadExactly(data);
        return (shape, dtype, data);
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([<|>][fiu][48])'")]
    private static partial Regex DescrRegex();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranRegex();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapeRegex();
}
