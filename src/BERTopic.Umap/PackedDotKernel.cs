using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BERTopicNet.Umap;

/// <summary>
/// GEMM-style dot products for the exact k-NN: candidate rows are packed in panels of 8 (column t of the 8 rows
/// side by side), and a 6 × 16 micro-kernel broadcasts one value of each of 6 query rows against two panels, keeping
/// 12 vector accumulators in registers. Every dot product is the same chain of fused multiply-adds over t = 0 … d−1
/// whatever the tiling, so a pair's value never depends on where it fell in a tile or on the thread count.
/// </summary>
internal static unsafe class PackedDotKernel
{
    /// <summary>Candidates per panel (one Vector256 of floats).</summary>
    public const int Panel = 8;

    /// <summary>Query rows per micro-tile.</summary>
    public const int Rows = 6;

    /// <summary>Number of panels holding <paramref name="n"/> rows, rounded up to an even count (the kernel takes panel pairs).</summary>
    public static int PanelCount(int n) => ((n + Panel - 1) / Panel + 1) / 2 * 2;

    /// <summary>Packs <paramref name="count"/> rows of width d starting at <paramref name="rows"/> into panels:
    /// dst[(p·d + t)·8 + c] = row (8p + c), column t; the rows missing from the last panel pair are zero.</summary>
    public static void Pack(float* rows, int count, int d, float* dst)
    {
        int panels = PanelCount(count);
        for (int p = 0; p < panels; p++)
        {
            float* panel = dst + (long)p * d * Panel;
            for (int c = 0; c < Panel; c++)
            {
                int r = p * Panel + c;
                if (r < count)
                {
                    float* src = rows + (long)r * d;
                    for (int t = 0; t < d; t++) panel[t * Panel + c] = src[t];
                }
                else
                    for (int t = 0; t < d; t++) panel[t * Panel + c] = 0f;
            }
        }
    }

    /// <summary>res[16·r + c] = dot(q_r, candidate c) for the 6 query rows q_r and the 16 candidates of panels b (8) and b + 8·d (8).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dot6x16(float* q0, float* q1, float* q2, float* q3, float* q4, float* q5, float* b, int d, float* res)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> a00 = default, a01 = default, a10 = default, a11 = default, a20 = default, a21 = default;
            Vector256<float> a30 = default, a31 = default, a40 = default, a41 = default, a50 = default, a51 = default;
            float* b1 = b + (long)d * Panel;
            for (int t = 0; t < d; t++)
            {
                var y0 = Vector256.Load(b + t * Panel);
                var y1 = Vector256.Load(b1 + t * Panel);
                var x = Vector256.Create(q0[t]);
                a00 = Vector256.FusedMultiplyAdd(x, y0, a00); a01 = Vector256.FusedMultiplyAdd(x, y1, a01);
                x = Vector256.Create(q1[t]);
                a10 = Vector256.FusedMultiplyAdd(x, y0, a10); a11 = Vector256.FusedMultiplyAdd(x, y1, a11);
                x = Vector256.Create(q2[t]);
                a20 = Vector256.FusedMultiplyAdd(x, y0, a20); a21 = Vector256.FusedMultiplyAdd(x, y1, a21);
                x = Vector256.Create(q3[t]);
                a30 = Vector256.FusedMultiplyAdd(x, y0, a30); a31 = Vector256.FusedMultiplyAdd(x, y1, a31);
                x = Vector256.Create(q4[t]);
                a40 = Vector256.FusedMultiplyAdd(x, y0, a40); a41 = Vector256.FusedMultiplyAdd(x, y1, a41);
                x = Vector256.Create(q5[t]);
                a50 = Vector256.FusedMultiplyAdd(x, y0, a50); a51 = Vector256.FusedMultiplyAdd(x, y1, a51);
            }
            a00.Store(res); a01.Store(res + 8); a10.Store(res + 16); a11.Store(res + 24);
            a20.Store(res + 32); a21.Store(res + 40); a30.Store(res + 48); a31.Store(res + 56);
            a40.Store(res + 64); a41.Store(res + 72); a50.Store(res + 80); a51.Store(res + 88);
            return;
        }
        // same arithmetic, one lane at a time
        float** q = stackalloc float*[Rows];
        q[0] = q0; q[1] = q1; q[2] = q2; q[3] = q3; q[4] = q4; q[5] = q5;
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < 2 * Panel; c++)
            {
                float* col = (c < Panel ? b : b + (long)d * Panel) + (c & (Panel - 1));
                float acc = 0;
                for (int t = 0; t < d; t++) acc = MathF.FusedMultiplyAdd(q[r][t], col[t * Panel], acc);
                res[2 * Panel * r + c] = acc;
            }
    }
}
