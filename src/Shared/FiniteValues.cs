using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BERTopicNet;

/// <summary>
/// Finds NaN and infinities in float data, eight values per compare (x − x is 0 for a finite x and NaN otherwise).
/// One source file, compiled into each assembly that validates its input.
/// </summary>
internal static class FiniteValues
{
    /// <summary>The index of the first NaN or infinity in <paramref name="values"/>, or -1 when all are finite.</summary>
    public static int IndexOfNonFinite(ReadOnlySpan<float> values)
    {
        int i = 0;
        ref float start = ref MemoryMarshal.GetReference(values);
        for (; i + Vector256<float>.Count <= values.Length; i += Vector256<float>.Count)
        {
            var v = Vector256.LoadUnsafe(ref start, (nuint)i);
            if (!Vector256.EqualsAll(v - v, Vector256<float>.Zero)) break;
        }
        for (; i < values.Length; i++)
            if (!float.IsFinite(values[i])) return i;
        return -1;
    }

    /// <summary>The values of a rectangular array, row after row.</summary>
    public static ReadOnlySpan<float> Flat(float[,] matrix) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, float>(ref MemoryMarshal.GetArrayDataReference(matrix)), matrix.Length);
}
