namespace BERTopicNet.Persistence;

/// <summary>
/// Element types of the safetensors format. The numeric order is the Rust reference library's
/// (increasing alignment); its writer stores tensors in decreasing order of it, then by name.
/// </summary>
public enum SafeTensorDType
{
    /// <summary>Boolean, one byte.</summary>
    BOOL,
    /// <summary>Unsigned 8-bit integer.</summary>
    U8,
    /// <summary>Signed 8-bit integer.</summary>
    I8,
    /// <summary>8-bit float, E5M2 (read as raw bytes only).</summary>
    F8_E5M2,
    /// <summary>8-bit float, E4M3 (read as raw bytes only).</summary>
    F8_E4M3,
    /// <summary>Signed 16-bit integer.</summary>
    I16,
    /// <summary>Unsigned 16-bit integer.</summary>
    U16,
    /// <summary>IEEE half-precision float.</summary>
    F16,
    /// <summary>Brain float (the upper half of a float32).</summary>
    BF16,
    /// <summary>Signed 32-bit integer.</summary>
    I32,
    /// <summary>Unsigned 32-bit integer.</summary>
    U32,
    /// <summary>IEEE single-precision float.</summary>
    F32,
    /// <summary>IEEE double-precision float.</summary>
    F64,
    /// <summary>Signed 64-bit integer.</summary>
    I64,
    /// <summary>Unsigned 64-bit integer.</summary>
    U64,
}

/// <summary>Helpers for <see cref="SafeTensorDType"/>.</summary>
public static class SafeTensorDTypes
{
    /// <summary>The size in bytes of one element.</summary>
    public static int SizeOf(this SafeTensorDType dtype) => dtype switch
    {
        SafeTensorDType.BOOL or SafeTensorDType.U8 or SafeTensorDType.I8 or SafeTensorDType.F8_E5M2 or SafeTensorDType.F8_E4M3 => 1,
        SafeTensorDType.I16 or SafeTensorDType.U16 or SafeTensorDType.F16 or SafeTensorDType.BF16 => 2,
        SafeTensorDType.I32 or SafeTensorDType.U32 or SafeTensorDType.F32 => 4,
        SafeTensorDType.F64 or SafeTensorDType.I64 or SafeTensorDType.U64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown safetensors dtype."),
    };

    /// <summary>The name the format uses in its JSON header (e.g. <c>"F32"</c>).</summary>
    public static string ToHeaderName(this SafeTensorDType dtype) =>
        Enum.IsDefined(dtype) ? dtype.ToString() : throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown safetensors dtype.");

    /// <summary>Parses a header dtype name (case-sensitive, as the format requires).</summary>
    /// <returns>False for names the format does not define.</returns>
    public static bool TryParse(string name, out SafeTensorDType dtype)
    {
        dtype = default;
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetterUpper(name[0])) return false;
        return Enum.TryParse(name, ignoreCase: false, out dtype) && Enum.IsDefined(dtype) && dtype.ToString() == name;
    }
}
