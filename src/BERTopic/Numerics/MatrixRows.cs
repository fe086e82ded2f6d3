using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BERTopicNet.Numerics;

/// <summary>Rows of row-major <c>float[,]</c> matrices as spans, in place.</summary>
internal static class MatrixRows
{
    /// <summary>Row <paramref name="row"/> of <paramref name="matrix"/> (empty when it has no columns).</summary>
    public static ReadOnlySpan<float> Row(float[,] matrix, int row)
    {
        int columns = matrix.GetLength(1);
        ref float first = ref Unsafe.As<byte, float>(ref MemoryMarshal.GetArrayDataReference(matrix));
        return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref first, (nint)row * columns), columns);
    }
}
