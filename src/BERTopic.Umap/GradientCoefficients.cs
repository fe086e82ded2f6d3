using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BERTopicNet.Umap;

/// <summary>umap-learn's gradient coefficients of the low-dimensional similarity 1 / (1 + a d^(2b)), with
/// <see cref="FastMath"/>'s inlined powers.</summary>
internal readonly struct GradientCoefficients(float a, float b, float gamma)
{
    private readonly float _a = a;
    private readonly float _b = b;
    private readonly float _bm1 = b - 1f;
    private readonly float _attract = -2f * a * b;
    private readonly float _repel = 2f * gamma * b;

    /// <summary>-2ab d²^(b-1) / (a d²^b + 1), with one power.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Attract(float d2)
    {
        float pw = FastMath.Pow(d2, _bm1);
        return _attract * pw / MathF.FusedMultiplyAdd(_a * pw, d2, 1f);
    }

    /// <summary>2γb / ((0.001 + d²)(a d²^b + 1)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Repel(float d2) => _repel / ((0.001f + d2) * MathF.FusedMultiplyAdd(_a, FastMath.Pow(d2, _b), 1f));

    /// <summary><see cref="Attract(float)"/> for 8 squared distances at once (lanes with d² = 0 give garbage: mask them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Attract(Vector256<float> d2)
    {
        var pw = FastMath.Pow(d2, _bm1);
        return Vector256.Create(_attract) * pw / Vector256.FusedMultiplyAdd(Vector256.Create(_a) * pw, d2, Vector256.Create(1f));
    }

    /// <summary><see cref="Repel(float)"/> for 8 squared distances at once (lanes with d² = 0 give garbage: mask them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Repel(Vector256<float> d2) =>
        Vector256.Create(_repel) / ((Vector256.Create(0.001f) + d2) * Vector256.FusedMultiplyAdd(Vector256.Create(_a), FastMath.Pow(d2, _b), Vector256.Create(1f)));
}
