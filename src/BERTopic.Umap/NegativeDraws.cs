using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BERTopicNet.Umap;

/// <summary>
/// The layout's negative-sample draws: draw q of an edge is murmur3's 32-bit finaliser of (low half of the edge's hash
/// + q·golden ratio), scaled to [0, rows) by a multiply-high. <see cref="Eight"/> makes draws q0 … q0 + 7 at once
/// (AVX2) and gives the same vertices as <see cref="One"/>.
/// </summary>
internal static class NegativeDraws
{
    private const uint Golden = 0x9E3779B9u;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int One(ulong edgeHash, int q, int rows) =>
        (int)((ulong)Fmix((uint)edgeHash + (uint)q * Golden) * (uint)rows >> 32);

    /// <summary>Draws q0 … q0 + 7 of an edge; needs <see cref="Avx2.IsSupported"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> Eight(ulong edgeHash, int q0, int rows)
    {
        var x = Vector256.Create((uint)edgeHash) + (Vector256.Create((uint)q0) + Vector256.Create(0u, 1, 2, 3, 4, 5, 6, 7)) * Golden;
        x ^= Vector256.ShiftRightLogical(x, 16);
        x *= 0x85EBCA6Bu;
        x ^= Vector256.ShiftRightLogical(x, 13);
        x *= 0xC2B2AE35u;
        x ^= Vector256.ShiftRightLogical(x, 16);
        // high 32 bits of x · rows: even lanes, then odd lanes
        var n = Vector256.Create((uint)rows);
        var even = Vector256.ShiftRightLogical(Avx2.Multiply(x, n), 32);
        var odd = Avx2.Multiply(Vector256.ShiftRightLogical(x.AsUInt64(), 32).AsUInt32(), n) & Vector256.Create(0xFFFFFFFF00000000UL);
        return (even | odd).AsInt32();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Fmix(uint x)
    {
        x ^= x >> 16;
        x *= 0x85EBCA6Bu;
        x ^= x >> 13;
        x *= 0xC2B2AE35u;
        return x ^ (x >> 16);
    }
}
