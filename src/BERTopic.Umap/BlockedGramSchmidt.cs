using System.Numerics.Tensors;

namespace BERTopicNet.Umap;

/// <summary>
/// The Lanczos basis operations of <see cref="SpectralLayout"/>, done a block of rows at a time so that each basis
/// vector is read from memory once per sweep (the basis, 65 vectors of N doubles, is far larger than the caches), on
/// all threads: classical Gram–Schmidt twice ("twice is enough") and linear combinations of the basis. Partial sums
/// are kept per block and added in block order, so the result does not depend on the number of threads.
/// </summary>
internal sealed class BlockedGramSchmidt(int n, int maxVectors)
{
    /// <summary>Rows per block: 64 vectors × 1,024 doubles = 512 KB, which stays in L2 between the two passes over it.</summary>
    internal const int RowBlock = 1024;

    private readonly int _blocks = (n + RowBlock - 1) / RowBlock;
    private readonly double[] _partial = new double[((n + RowBlock - 1) / RowBlock) * (maxVectors + 1)];

    /// <summary>
    /// Makes <paramref name="w"/> orthogonal to <paramref name="basis"/>[0..count): h1 = Vᵀw, w −= V h1, h2 = Vᵀw,
    /// w −= V h2, in three sweeps (the second subtracts and projects again while the block is in cache).
    /// <paramref name="squaredNorm"/> is |w|² afterwards.
    /// </summary>
    public void Orthogonalize(double[][] basis, int count, double[] w, double[] h1, double[] h2, ParallelOptions po, out double squaredNorm)
    {
        Sweep(basis, count, w, null, h1, po);        // h1 = Vᵀ w
        Sweep(basis, count, w, h1, h2, po);          // w −= V h1, h2 = Vᵀ w
        squaredNorm = Sweep(basis, count, w, h2, null, po); // w −= V h2, |w|²
    }

    /// <summary>One pass over the blocks: w −= V·<paramref name="subtract"/> (when given), then per block either
    /// Vᵀw (into <paramref name="project"/>, summed in block order) or |w|² (returned).</summary>
    private double Sweep(double[][] basis, int count, double[] w, double[]? subtract, double[]? project, ParallelOptions po)
    {
        int stride = count + 1;
        Parallelism.ForBlocks(n, RowBlock, po, (s, e) =>
        {
            int b = s / RowBlock;
            var wb = w.AsSpan(s, e - s);
            if (subtract is not null)
                for (int i = 0; i < count; i++) TensorPrimitives.MultiplyAdd<double>(basis[i].AsSpan(s, e - s), -subtract[i], wb, wb);
            if (project is not null)
                for (int i = 0; i < count; i++) _partial[b * stride + i] = TensorPrimitives.Dot<double>(basis[i].AsSpan(s, e - s), wb);
            else _partial[b * stride + count] = TensorPrimitives.Dot<double>(wb, wb);
        });
        if (project is not null)
        {
            for (int i = 0; i < count; i++) project[i] = BlockSum(stride, i);
            return 0;
        }
        return BlockSum(stride, count);
    }

    private double BlockSum(int stride, int entry)
    {
        double sum = 0;
        for (int b = 0; b < _blocks; b++) sum += _partial[b * stride + entry];
        return sum;
    }

    /// <summary>outputs[c] = Σ_j coefficients[j, firstColumn + c] · basis[j] over j &lt; count (outputs zeroed first).</summary>
    public static void Combine(double[][] basis, int count, double[,] coefficients, int firstColumn, double[][] outputs, ParallelOptions po)
    {
        int n = outputs[0].Length;
        Parallelism.ForBlocks(n, RowBlock, po, (s, e) =>
        {
            for (int c = 0; c < outputs.Length; c++)
            {
                var o = outputs[c].AsSpan(s, e - s);
                o.Clear();
                for (int j = 0; j < count; j++) TensorPrimitives.MultiplyAdd<double>(basis[j].AsSpan(s, e - s), coefficients[j, firstColumn + c], o, o);
            }
        });
    }
}
