using System.Runtime.Intrinsics;

namespace BERTopicNet.Umap;

/// <summary>
/// One vertex's walk through its sampled edges in a fit epoch of the 8-lane layout kernel, resumable edge by edge
/// (several are interleaved on one thread): the row, where its schedule scan stands, the current batch of up to 8
/// sampled edges with their precomputed attraction steps and negative draws, and the vertex's running position.
/// The pointers are per-cursor scratch on the epoch's stack.
/// </summary>
internal unsafe struct FitCursor
{
    /// <summary>The vertex (−1: none).</summary>
    public int Row;
    /// <summary>The row's first edge, the next schedule entry to scan, the end of the row.</summary>
    public int RowStart, P, End;
    /// <summary>Edges in the current batch; the next one to apply.</summary>
    public int Count, Next;
    /// <summary>The vertex at the start of the phase (snapshot) and its running position.</summary>
    public Vector256<float> Start, Cur;
    public int* Batch, NegCount;
    public float* NegEvery, Coef;
    public Vector256<int>* Drawn;
    public Vector256<float>* First, Second, Vecs, Squares;
}

/// <summary>The inputs of one fit epoch over a block of rows, shared by its <see cref="FitCursor"/>s: the arrays
/// (fixed for the epoch), the next row to hand out, and the epoch's scalars.</summary>
internal unsafe struct FitEpoch
{
    public float* H, T, Eps, Next, NextNeg;
    public int* RowPtr, Cols;
    public int NextRow, EndRow;
    public float EpochF, Alpha;
    public ulong EpochSeed;
}
