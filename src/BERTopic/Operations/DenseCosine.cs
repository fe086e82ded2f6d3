using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace BERTopicNet.Operations;

/// <summary>Cosine similarity of dense rows with a fixed set of rows (scikit-learn semantics: zero rows give 0).</summary>
internal sealed class DenseCosine
{
    private readonly float[] _rows;
    private readonly double[] _norms;

    /// <summary>Copies rows <paramref name="firstRow"/>.. of <paramref name="targets"/>.</summary>
    public DenseCosine(float[,] targets, int firstRow)
    {
        Dimension = targets.GetLength(1);
        Count = targets.GetLength(0) - firstRow;
        _rows = new float[Count * Dimension];
        _norms = new double[Count];
        for (int r = 0; r < Count; r++)
        {
            for (int j = 0; j < Dimension; j++) _rows[r * Dimension + j] = targets[r + firstRow, j];
            _norms[r] = TensorPrimitives.Norm(_rows.AsSpan(r * Dimension, Dimension));
        }
    }

    /// <summary>Number of target rows (columns of the similarities).</summary>
    public int Count { get; }

    /// <summary>Length of each row.</summary>
    public int Dimension { get; }

    /// <summary>Writes the cosine similarity of <paramref name="query"/> with every target row.</summary>
    public void Similarities(ReadOnlySpan<float> query, Span<double> destination)
    {
        double norm = TensorPrimitives.Norm(query);
        for (int r = 0; r < Count; r++)
        {
            double denom = norm * _norms[r];
            destination[r] = denom > 0 ? TensorPrimitives.Dot(query, _rows.AsSpan(r * Dimension, Dimension)) / denom : 0;
        }
    }
}
