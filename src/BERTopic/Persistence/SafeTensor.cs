using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BERTopicNet.Persistence;

/// <summary>
/// One named tensor of a safetensors file: dtype, shape (row-major, C order) and the little-endian bytes.
/// Immutable; the conversion methods copy.
/// </summary>
public sealed class SafeTensor
{
    private readonly byte[] _data;
    private readonly long[] _shape;

    /// <summary>Creates a tensor from raw little-endian bytes.</summary>
    /// <param name="name">The tensor's name (any non-null string except <c>__metadata__</c>).</param>
    /// <param name="dtype">The element type.</param>
    /// <param name="shape">The dimensions; an empty shape is a scalar (one element).</param>
    /// <param name="data">The bytes, exactly <c>product(shape) × size(dtype)</c> of them; the array is not copied.</param>
    /// <exception cref="ArgumentException">The byte count does not match the shape, or a dimension is negative.</exception>
    public SafeTensor(string name, SafeTensorDType dtype, long[] shape, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        if (name == SafeTensorsFile.MetadataKey) throw new ArgumentException($"'{SafeTensorsFile.MetadataKey}' is reserved for the file's metadata; choose another tensor name.", nameof(name));
        _ = dtype.SizeOf();
        long count = 1;
        foreach (var d in shape)
        {
            if (d < 0) throw new ArgumentException($"Tensor '{name}': dimension {d} is negative.", nameof(shape));
            count = checked(count * d);
        }
        long bytes = checked(count * dtype.SizeOf());
        if (bytes != data.Length)
            throw new ArgumentException($"Tensor '{name}': shape [{string.Join(", ", shape)}] of {dtype} needs {bytes} bytes but {data.Length} were given.", nameof(data));
        Name = name;
        DType = dtype;
        _shape = (long[])shape.Clone();
        _data = data;
        ElementCount = count;
    }

    /// <summary>The tensor's name.</summary>
    public string Name { get; }

    /// <summary>The element type.</summary>
    public SafeTensorDType DType { get; }

    /// <summary>The dimensions (row-major).</summary>
    public IReadOnlyList<long> Shape => _shape;

    /// <summary>The number of elements (the product of <see cref="Shape"/>).</summary>
    public long ElementCount { get; }

    /// <summary>The raw little-endian bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _data;

    /// <summary>Where the tensor came from (a file path), used in error messages; null for tensors built in memory.</summary>
    public string? Source { get; init; }

    /// <summary>Creates a float32 tensor (the data is copied).</summary>
    public static SafeTensor FromSingle(string name, ReadOnlySpan<float> data, params long[] shape) =>
        new(name, SafeTensorDType.F32, ShapeOr(shape, data.Length), MemoryMarshal.AsBytes(data).ToArray());

    /// <summary>Creates a float64 tensor (the data is copied).</summary>
    public static SafeTensor FromDouble(string name, ReadOnlySpan<double> data, params long[] shape) =>
        new(name, SafeTensorDType.F64, ShapeOr(shape, data.Length), MemoryMarshal.AsBytes(data).ToArray());

    /// <summary>Creates an int32 tensor (the data is copied).</summary>
    public static SafeTensor FromInt32(string name, ReadOnlySpan<int> data, params long[] shape) =>
        new(name, SafeTensorDType.I32, ShapeOr(shape, data.Length), MemoryMarshal.AsBytes(data).ToArray());

    /// <summary>Creates an int64 tensor (the data is copied).</summary>
    public static SafeTensor FromInt64(string name, ReadOnlySpan<long> data, params long[] shape) =>
        new(name, SafeTensorDType.I64, ShapeOr(shape, data.Length), MemoryMarshal.AsBytes(data).ToArray());

    /// <summary>Creates a uint64 tensor (the data is copied).</summary>
    public static SafeTensor FromUInt64(string name, ReadOnlySpan<ulong> data, params long[] shape) =>
        new(name, SafeTensorDType.U64, ShapeOr(shape, data.Length), MemoryMarshal.AsBytes(data).ToArray());

    /// <summary>Creates a 2-d float32 tensor from a row-major matrix (the data is copied).</summary>
    public static SafeTensor FromMatrix(string name, float[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return FromSingle(name, AsSpan(matrix), matrix.GetLength(0), matrix.GetLength(1));
    }

    /// <summary>Reads the elements as float32; F32, F16, BF16 and F64 (narrowed) are accepted.</summary>
    /// <exception cref="ModelFormatException">The dtype is not a float type.</exception>
    public float[] ToSingleArray()
    {
        var result = new float[ElementCount];
        switch (DType)
        {
            case SafeTensorDType.F32: CopyLittleEndian(_data, result); break;
            case SafeTensorDType.F64:
                for (int i = 0; i < result.Length; i++) result[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(_data.AsSpan(i * 8));
                break;
            case SafeTensorDType.F16:
                for (int i = 0; i < result.Length; i++) result[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(_data.AsSpan(i * 2));
                break;
            case SafeTensorDType.BF16:
                for (int i = 0; i < result.Length; i++) result[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan(i * 2)) << 16);
                break;
            default: throw WrongType("a float type (F32, F64, F16, BF16)");
        }
        return result;
    }

    /// <summary>Reads the elements as float64; F64, F32, F16 and BF16 are accepted.</summary>
    /// <exception cref="ModelFormatException">The dtype is not a float type.</exception>
    public double[] ToDoubleArray()
    {
        if (DType == SafeTensorDType.F64)
        {
            var d = new double[ElementCount];
            CopyLittleEndian(_data, d);
            return d;
        }
        return Array.ConvertAll(ToSingleArray(), v => (double)v);
    }

    /// <summary>Reads the elements as int32; I32, I64, U32, I16, U16, I8, U8 are accepted when every value fits.</summary>
    /// <exception cref="ModelFormatException">The dtype is not an integer type or a value does not fit.</exception>
    public int[] ToInt32Array()
    {
        if (DType == SafeTensorDType.I32)
        {
            var r = new int[ElementCount];
            CopyLittleEndian(_data, r);
            return r;
        }
        var wide = ToInt64Array();
        var result = new int[wide.Length];
        for (int i = 0; i < wide.Length; i++)
        {
            if (wide[i] is < int.MinValue or > int.MaxValue) throw Problem($"value {wide[i]} at index {i} does not fit in a 32-bit integer");
            result[i] = (int)wide[i];
        }
        return result;
    }

    /// <summary>Reads the elements as int64; every integer dtype except U64 values above <see cref="long.MaxValue"/> is accepted.</summary>
    /// <exception cref="ModelFormatException">The dtype is not an integer type or a value does not fit.</exception>
    public long[] ToInt64Array()
    {
        var result = new long[ElementCount];
        var s = _data.AsSpan();
        switch (DType)
        {
            case SafeTensorDType.I64: CopyLittleEndian(_data, result); break;
            case SafeTensorDType.I32: for (int i = 0; i < result.Length; i++) result[i] = BinaryPrimitives.ReadInt32LittleEndian(s[(i * 4)..]); break;
            case SafeTensorDType.U32: for (int i = 0; i < result.Length; i++) result[i] = BinaryPrimitives.ReadUInt32LittleEndian(s[(i * 4)..]); break;
            case SafeTensorDType.I16: for (int i = 0; i < result.Length; i++) result[i] = BinaryPrimitives.ReadInt16LittleEndian(s[(i * 2)..]); break;
            case SafeTensorDType.U16: for (int i = 0; i < result.Length; i++) result[i] = BinaryPrimitives.ReadUInt16LittleEndian(s[(i * 2)..]); break;
            case SafeTensorDType.I8: for (int i = 0; i < result.Length; i++) result[i] = (sbyte)s[i]; break;
            case SafeTensorDType.U8 or SafeTensorDType.BOOL: for (int i = 0; i < result.Length; i++) result[i] = s[i]; break;
            case SafeTensorDType.U64:
                for (int i = 0; i < result.Length; i++)
                {
                    ulong v = BinaryPrimitives.ReadUInt64LittleEndian(s[(i * 8)..]);
                    if (v > long.MaxValue) throw Problem($"value {v} at index {i} does not fit in a 64-bit signed integer");
                    result[i] = (long)v;
                }
                break;
            default: throw WrongType("an integer type");
        }
        return result;
    }

    /// <summary>Reads a U64 tensor.</summary>
    /// <exception cref="ModelFormatException">The dtype is not U64.</exception>
    public ulong[] ToUInt64Array()
    {
        if (DType != SafeTensorDType.U64) throw WrongType("U64");
        var r = new ulong[ElementCount];
        CopyLittleEndian(_data, r);
        return r;
    }

    /// <summary>Reads a 2-d float tensor as a row-major matrix.</summary>
    /// <exception cref="ModelFormatException">The tensor is not 2-d or not a float type.</exception>
    public float[,] ToSingleMatrix()
    {
        if (_shape.Length != 2) throw Problem($"expected a 2-d tensor but its shape is [{string.Join(", ", _shape)}]");
        if (_shape[0] > Array.MaxLength || _shape[1] > Array.MaxLength) throw Problem("the matrix is too large");
        var flat = ToSingleArray();
        var m = new float[_shape[0], _shape[1]];
        flat.CopyTo(AsSpan(m));
        return m;
    }

    /// <summary>Checks the shape, throwing a <see cref="ModelFormatException"/> naming the tensor when it differs.</summary>
    /// <param name="expected">The expected dimensions; a negative entry matches any size.</param>
    public SafeTensor RequireShape(params long[] expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        bool ok = expected.Length == _shape.Length;
        for (int i = 0; ok && i < expected.Length; i++) ok = expected[i] < 0 || expected[i] == _shape[i];
        if (!ok) throw Problem($"expected shape [{string.Join(", ", expected.Select(e => e < 0 ? "*" : e.ToString(System.Globalization.CultureInfo.InvariantCulture)))}] but found [{string.Join(", ", _shape)}]");
        return this;
    }

    internal byte[] RawArray => _data;

    private ModelFormatException WrongType(string wanted) => Problem($"dtype {DType} where {wanted} was expected");

    private ModelFormatException Problem(string what) =>
        new(Source ?? "(in memory)", $"tensor '{Name}': {what}.");

    private static long[] ShapeOr(long[] shape, int length) => shape is { Length: > 0 } ? shape : [length];

    internal static Span<float> AsSpan(float[,] m) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, float>(ref MemoryMarshal.GetArrayDataReference(m)), m.Length);

    private static void CopyLittleEndian<T>(byte[] source, T[] destination) where T : unmanaged
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("safetensors data are little-endian; a big-endian machine is not supported.");
        MemoryMarshal.Cast<byte, T>(source.AsSpan()).CopyTo(destination);
    }
}
