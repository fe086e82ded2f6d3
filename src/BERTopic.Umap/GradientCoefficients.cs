using System.Runtime.CompilerServices;

namespace BERTopicNet.Umap;

/// <summary>umap-learn's gradient coefficients of the low-dimensional similarity 1 / (1 + a d^(2b)).</summary>
internal readonly struct GradientCoefficients(float a, float b, float gamma)
{
    private readonly float _bm1 = b - 1f;
    private readonly float _attract = -2f * a * b;
    private readonly float _repel = 2f * gamma * b;

    /// <summary>-2ab d²^(b-1) / (a d²^b + 1), with one power.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Attract(float d2)
    {
        float pw = MathF.Pow(d2, _bm1);
        return _attract * pw / (a * pw * d2 + 1f);
    }

    /// <summary>2γb / ((0.001 + d²)(a d²^b + 1)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Repel(float d2) => _repel / ((0.001f + d2) * (a * MathF.Pow(d2, b) + 1f));
}
