using System.Runtime.CompilerServices;

namespace BERTopicNet.Umap;

/// <summary>Fast log2/exp2 (relative error ≈ 1e-6) for the SGD's powers, deterministic pure arithmetic.</summary>
internal static class FastMath
{
    /// <summary>x^y for x &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Pow(float x, float y) => Exp2(y * Log2(x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Log2(float x)
    {
        int bits = BitConverter.SingleToInt32Bits(x);
        int e = ((bits >> 23) & 0xFF) - 127;
        float m = BitConverter.Int32BitsToSingle((bits & 0x007FFFFF) | 0x3F800000); // [1, 2)
        if (m > 1.41421356f) { m *= 0.5f; e++; }
        // log2(m) for m in [0.7071, 1.4142]: t = (m-1)/(m+1), log(m) = 2 atanh(t)
        float t = (m - 1f) / (m + 1f);
        float t2 = t * t;
        float p = 0.28571429f;              // 2/7
        p = p * t2 + 0.4f;                  // 2/5
        p = p * t2 + 0.66666667f;           // 2/3
        p = p * t2 + 2f;
        const float invLn2 = 1.44269504f;
        return e + p * t * invLn2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Exp2(float y)
    {
        if (y < -126f) return 0f;
        if (y > 127f) return float.PositiveInfinity;
        float fi = MathF.Floor(y);
        float f = y - fi;                   // [0, 1)
        // 2^f by a degree-6 polynomial (Taylor in f·ln2, error < 2e-7 on [0,1))
        float z = f * 0.69314718f;
        float p = 1.3888889e-3f;
        p = p * z + 8.3333333e-3f;
        p = p * z + 4.1666667e-2f;
        p = p * z + 0.16666667f;
        p = p * z + 0.5f;
        p = p * z + 1f;
        p = p * z + 1f;
        int bits = ((int)fi + 127) << 23;
        return p * BitConverter.Int32BitsToSingle(bits);
    }
}
