using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BERTopicNet.Umap;

/// <summary>Register-blocked dot products: 4 rows against 4 (16 results at once, trustworthiness' exact neighbours) and
/// one row against four (the row read once for the four, NN-descent's joins; squared differences for Euclidean).</summary>
internal static unsafe class DotKernel
{
    /// <summary>res[4·r + c] = dot(a_r, b_c) for rows a_r = a + r·stride, b_c = b + c·stride, each of length d.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dot4x4(float* a, float* b, int stride, int d, float* res)
    {
        float* a0 = a, a1 = a + stride, a2 = a + 2 * stride, a3 = a + 3 * stride;
        float* b0 = b, b1 = b + stride, b2 = b + 2 * stride, b3 = b + 3 * stride;
        int t = 0;
        if (Vector256.IsHardwareAccelerated && d >= 8)
        {
            Vector256<float> c00 = default, c01 = default, c02 = default, c03 = default;
            Vector256<float> c10 = default, c11 = default, c12 = default, c13 = default;
            Vector256<float> c20 = default, c21 = default, c22 = default, c23 = default;
            Vector256<float> c30 = default, c31 = default, c32 = default, c33 = default;
            for (; t <= d - 8; t += 8)
            {
                var y0 = Vector256.Load(b0 + t); var y1 = Vector256.Load(b1 + t);
                var y2 = Vector256.Load(b2 + t); var y3 = Vector256.Load(b3 + t);
                var x = Vector256.Load(a0 + t);
                c00 = Vector256.FusedMultiplyAdd(x, y0, c00); c01 = Vector256.FusedMultiplyAdd(x, y1, c01);
                c02 = Vector256.FusedMultiplyAdd(x, y2, c02); c03 = Vector256.FusedMultiplyAdd(x, y3, c03);
                x = Vector256.Load(a1 + t);
                c10 = Vector256.FusedMultiplyAdd(x, y0, c10); c11 = Vector256.FusedMultiplyAdd(x, y1, c11);
                c12 = Vector256.FusedMultiplyAdd(x, y2, c12); c13 = Vector256.FusedMultiplyAdd(x, y3, c13);
                x = Vector256.Load(a2 + t);
                c20 = Vector256.FusedMultiplyAdd(x, y0, c20); c21 = Vector256.FusedMultiplyAdd(x, y1, c21);
                c22 = Vector256.FusedMultiplyAdd(x, y2, c22); c23 = Vector256.FusedMultiplyAdd(x, y3, c23);
                x = Vector256.Load(a3 + t);
                c30 = Vector256.FusedMultiplyAdd(x, y0, c30); c31 = Vector256.FusedMultiplyAdd(x, y1, c31);
                c32 = Vector256.FusedMultiplyAdd(x, y2, c32); c33 = Vector256.FusedMultiplyAdd(x, y3, c33);
            }
            res[0] = Vector256.Sum(c00); res[1] = Vector256.Sum(c01); res[2] = Vector256.Sum(c02); res[3] = Vector256.Sum(c03);
            res[4] = Vector256.Sum(c10); res[5] = Vector256.Sum(c11); res[6] = Vector256.Sum(c12); res[7] = Vector256.Sum(c13);
            res[8] = Vector256.Sum(c20); res[9] = Vector256.Sum(c21); res[10] = Vector256.Sum(c22); res[11] = Vector256.Sum(c23);
            res[12] = Vector256.Sum(c30); res[13] = Vector256.Sum(c31); res[14] = Vector256.Sum(c32); res[15] = Vector256.Sum(c33);
        }
        else
        {
            for (int i = 0; i < 16; i++) res[i] = 0;
        }
        for (; t < d; t++)
        {
            float x0 = a0[t], x1 = a1[t], x2 = a2[t], x3 = a3[t];
            float y0 = b0[t], y1 = b1[t], y2 = b2[t], y3 = b3[t];
            res[0] += x0 * y0; res[1] += x0 * y1; res[2] += x0 * y2; res[3] += x0 * y3;
            res[4] += x1 * y0; res[5] += x1 * y1; res[6] += x1 * y2; res[7] += x1 * y3;
            res[8] += x2 * y0; res[9] += x2 * y1; res[10] += x2 * y2; res[11] += x2 * y3;
            res[12] += x3 * y0; res[13] += x3 * y1; res[14] += x3 * y2; res[15] += x3 * y3;
        }
    }

    /// <summary>res[c] = dot(x, y_c) (squared: |x − y_c|²) over d floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void OneByFour(float* x, float* y0, float* y1, float* y2, float* y3, int d, bool squared, float* res)
    {
        int t = 0;
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default;
        if (Vector256.IsHardwareAccelerated)
        {
            if (squared)
                for (; t <= d - 8; t += 8)
                {
                    var v = Vector256.Load(x + t);
                    var e0 = v - Vector256.Load(y0 + t); var e1 = v - Vector256.Load(y1 + t);
                    var e2 = v - Vector256.Load(y2 + t); var e3 = v - Vector256.Load(y3 + t);
                    c0 = Vector256.FusedMultiplyAdd(e0, e0, c0); c1 = Vector256.FusedMultiplyAdd(e1, e1, c1);
                    c2 = Vector256.FusedMultiplyAdd(e2, e2, c2); c3 = Vector256.FusedMultiplyAdd(e3, e3, c3);
                }
            else
                for (; t <= d - 8; t += 8)
                {
                    var v = Vector256.Load(x + t);
                    c0 = Vector256.FusedMultiplyAdd(v, Vector256.Load(y0 + t), c0); c1 = Vector256.FusedMultiplyAdd(v, Vector256.Load(y1 + t), c1);
                    c2 = Vector256.FusedMultiplyAdd(v, Vector256.Load(y2 + t), c2); c3 = Vector256.FusedMultiplyAdd(v, Vector256.Load(y3 + t), c3);
                }
        }
        float s0 = Vector256.Sum(c0), s1 = Vector256.Sum(c1), s2 = Vector256.Sum(c2), s3 = Vector256.Sum(c3);
        for (; t < d; t++)
        {
            float v = x[t];
            if (squared)
            {
                float e0 = v - y0[t], e1 = v - y1[t], e2 = v - y2[t], e3 = v - y3[t];
                s0 += e0 * e0; s1 += e1 * e1; s2 += e2 * e2; s3 += e3 * e3;
            }
            else { s0 += v * y0[t]; s1 += v * y1[t]; s2 += v * y2[t]; s3 += v * y3[t]; }
        }
        res[0] = s0; res[1] = s1; res[2] = s2; res[3] = s3;
    }

    /// <summary>Asks for every cache line of a row of <paramref name="length"/> floats ahead of its use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void PrefetchAll(float* row, int length)
    {
        if (!Sse.IsSupported) return;
        for (int t = 0; t < length; t += 16) Sse.Prefetch0(row + t);
    }

    /// <summary>Asks for the first cache lines of a row ahead of its use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Prefetch(float* row)
    {
        if (!Sse.IsSupported) return;
        Sse.Prefetch0(row);
        Sse.Prefetch0(row + 16);
    }
}
