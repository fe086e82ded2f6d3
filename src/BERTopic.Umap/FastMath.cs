using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BERTopicNet.Umap;

/// <summary>
/// Fast log2/exp2 (relative error ≈ 2e-7) for the SGD's powers: deterministic pure arithmetic, inlined (no call into
/// libm, which on x64 also forces every vector register of the layout loop to be spilled around the call), with an
/// 8-lane version that computes the repulsion of 8 negative samples at once.
/// </summary>
internal static class FastMath
{
    private const float Sqrt2 = 1.41421356f;

    // log2(m) for m in [0.7071, 1.4142]: t = (m-1)/(m+1), ln(m) = 2 atanh(t) = 2(t + t³/3 + t⁵/5 + t⁷/7 + …), the
    // coefficients divided by ln 2 (next term below 5e-8 for |t| ≤ 0.172)
    private const float L0 = 2.88539008f, L1 = 0.961796694f, L2 = 0.577078016f, L3 = 0.412198583f;

    // 2^f = e^(f ln 2) for f in [-0.5, 0.5]: Taylor to degree 6 in f·ln 2, folded into the coefficients (error < 1.3e-7)
    private const float E1 = 0.693147181f, E2 = 0.240226507f, E3 = 0.0555041087f, E4 = 0.00961812911f, E5 = 0.00133335581f, E6 = 0.000154035304f;

    /// <summary>x^y for x &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Pow(float x, float y) => Exp2(y * Log2(x));

    /// <summary>log2(x) for x &gt; 0 (absolute error ≈ 1e-7); polynomials by Estrin's scheme with fused multiply-adds, as
    /// the vector version does lane by lane, so both give the same bits (tested).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Log2(float x)
    {
        int bits = BitConverter.SingleToInt32Bits(x);
        int e = ((bits >> 23) & 0xFF) - 127;
        float m = BitConverter.Int32BitsToSingle((bits & 0x007FFFFF) | 0x3F800000); // [1, 2)
        if (m > Sqrt2) { m *= 0.5f; e++; }
        float t = (m - 1f) / (m + 1f);
        float t2 = t * t;
        float p = MathF.FusedMultiplyAdd(t2 * t2, MathF.FusedMultiplyAdd(t2, L3, L2), MathF.FusedMultiplyAdd(t2, L1, L0));
        return MathF.FusedMultiplyAdd(p, t, e);
    }

    /// <summary>2^y (relative error ≈ 1.3e-7), 0 below 2^-126.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Exp2(float y)
    {
        if (y < -126f) return 0f;
        if (y > 127f) return float.PositiveInfinity;
        float fi = MathF.Round(y);          // nearest, ties to even
        float f = y - fi;                   // [-0.5, 0.5]
        float f2 = f * f;
        float low = MathF.FusedMultiplyAdd(f2, MathF.FusedMultiplyAdd(f, E3, E2), MathF.FusedMultiplyAdd(f, E1, 1f));
        float high = MathF.FusedMultiplyAdd(f2, E6, MathF.FusedMultiplyAdd(f, E5, E4));
        float p = MathF.FusedMultiplyAdd(f2 * f2, high, low);
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
        var p = Vector256.FusedMultiplyAdd(t2 * t2, Vector256.FusedMultiplyAdd(t2, Vector256.Create(L3), Vector256.Create(L2)),
            Vector256.FusedMultiplyAdd(t2, Vector256.Create(L1), Vector256.Create(L0)));
        return Vector256.FusedMultiplyAdd(p, t, Vector256.ConvertToSingle(e));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp2(Vector256<float> y)
    {
        var under = Vector256.LessThan(y, Vector256.Create(-126f));
        var over = Vector256.GreaterThan(y, Vector256.Create(127f));
        var yc = Vector256.Min(Vector256.Max(y, Vector256.Create(-126f)), Vector256.Create(127f));
        var fi = Vector256.Round(yc);
        var f = yc - fi;
        var f2 = f * f;
        var low = Vector256.FusedMultiplyAdd(f2, Vector256.FusedMultiplyAdd(f, Vector256.Create(E3), Vector256.Create(E2)),
            Vector256.FusedMultiplyAdd(f, Vector256.Create(E1), Vector256.Create(1f)));
        var high = Vector256.FusedMultiplyAdd(f2, Vector256.Create(E6), Vector256.FusedMultiplyAdd(f, Vector256.Create(E5), Vector256.Create(E4)));
        var p = Vector256.FusedMultiplyAdd(f2 * f2, high, low);
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
