using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BERTopicNet.Umap;

/// <summary>
/// Fast log2/exp2 (relative error ≈ 1e-6) for the SGD's powers: deterministic pure arithmetic, inlined (no call into
/// libm, which on x64 also forces every vector register of the layout loop to be spilled around the call), with an
/// 8-lane version that computes the repulsion of 8 negative samples at once.
/// </summary>
internal static class FastMath
{
    private const float Sqrt2 = 1.41421356f;
    private const float InvLn2 = 1.44269504f;

    /// <summary>x^y for x &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Pow(float x, float y) => Exp2(y * Log2(x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Log2(float x)
    {
        int bits = BitConverter.SingleToInt32Bits(x);
        int e = ((bits >> 23) & 0xFF) - 127;
        float m = BitConverter.Int32BitsToSingle((bits & 0x007FFFFF) | 0x3F800000); // [1, 2)
        if (m > Sqrt2) { m *= 0.5f; e++; }
        // log2(m) for m in [0.7071, 1.4142]: t = (m-1)/(m+1), log(m) = 2 atanh(t)
        float t = (m - 1f) / (m + 1f);
        float t2 = t * t;
        float p = 0.28571429f;              // 2/7
        p = p * t2 + 0.4f;                  // 2/5
        p = p * t2 + 0.66666667f;           // 2/3
        p = p * t2 + 2f;
        return e + p * t * InvLn2;
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

    /// <summary>x^y lane by lane for x &gt; 0, the same arithmetic as <see cref="Pow(float, float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Pow(Vector256<float> x, float y) => Exp2(Log2(x) * y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log2(Vector256<float> x)
    {
        var bits = x.AsInt32();
        var e = (Vector256.ShiftRightLogical(bits, 23) & Vector256.Create(0xFF)) - Vector256.Create(127);
        var m = ((bits & Vector256.Create(0x007FFFFF)) | Vector256.Create(0x3F800000)).AsSingle();
        var big = Vector256.GreaterThan(m, Vector256.Create(Sqrt2));
        m = Vector256.ConditionalSelect(big, m * 0.5f, m);
        e -= big.AsInt32(); // true lanes are -1
        var one = Vector256.Create(1f);
        var t = (m - one) / (m + one);
        var t2 = t * t;
        var p = Vector256.Create(0.28571429f);
        p = p * t2 + Vector256.Create(0.4f);
        p = p * t2 + Vector256.Create(0.66666667f);
        p = p * t2 + Vector256.Create(2f);
        return Vector256.ConvertToSingle(e) + p * t * InvLn2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp2(Vector256<float> y)
    {
        var under = Vector256.LessThan(y, Vector256.Create(-126f));
        var over = Vector256.GreaterThan(y, Vector256.Create(127f));
        var yc = Vector256.Min(Vector256.Max(y, Vector256.Create(-126f)), Vector256.Create(127f));
        var fi = Vector256.Floor(yc);
        var z = (yc - fi) * 0.69314718f;
        var p = Vector256.Create(1.3888889e-3f);
        p = p * z + Vector256.Create(8.3333333e-3f);
        p = p * z + Vector256.Create(4.1666667e-2f);
        p = p * z + Vector256.Create(0.16666667f);
        p = p * z + Vector256.Create(0.5f);
        p = p * z + Vector256.Create(1f);
        p = p * z + Vector256.Create(1f);
        var scale = Vector256.ShiftLeft(Vector256.ConvertToInt32(fi) + Vector256.Create(127), 23).AsSingle();
        var r = p * scale;
        r = Vector256.ConditionalSelect(under, Vector256<float>.Zero, r);
        return Vector256.ConditionalSelect(over, Vector256.Create(float.PositiveInfinity), r);
    }

    /// <summary>The 8 horizontal sums of <paramref name="v"/>[0..7] as one vector (lane l = sum of v[l]); needs
    /// <see cref="Avx.IsSupported"/> (the layout's 8-lane kernel runs only where AVX2 is).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector256<float> Sums(Vector256<float>* v)
    {
        var a = Avx.HorizontalAdd(Avx.HorizontalAdd(v[0], v[1]), Avx.HorizontalAdd(v[2], v[3]));
        var b = Avx.HorizontalAdd(Avx.HorizontalAdd(v[4], v[5]), Avx.HorizontalAdd(v[6], v[7]));
        // a = [s0 s1 s2 s3 | s0' s1' s2' s3'] (low and high 128-bit halves), b likewise for 4..7
        return Avx.Permute2x128(a, b, 0x20) + Avx.Permute2x128(a, b, 0x31);
    }
}
