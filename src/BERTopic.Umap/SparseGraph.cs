namespace BERTopicNet.Umap;

/// <summary>A weighted graph in CSR form (row i's edges are Cols/Vals[RowPtr[i]..RowPtr[i+1]], columns ascending).</summary>
internal sealed class SparseGraph
{
    public SparseGraph(int rows, int cols, int[] rowPtr, int[] colIdx, float[] vals)
    {
        Rows = rows; Cols = cols; RowPtr = rowPtr; ColIdx = colIdx; Vals = vals;
    }

    public int Rows { get; }
    public int Cols { get; }
    public int[] RowPtr { get; }
    public int[] ColIdx { get; }
    public float[] Vals { get; }
    public int EdgeCount => Vals.Length;

    /// <summary>Builds a CSR graph from per-row (column, value) lists given as parallel arrays with row ids; zeros dropped,
    /// duplicates summed, columns sorted (rows in parallel blocks).</summary>
    public static SparseGraph FromCoo(int rows, int cols, int[] r, int[] c, float[] v, ParallelOptions po)
    {
        var count = new int[rows + 1];
        for (int e = 0; e < r.Length; e++) if (v[e] != 0 && r[e] >= 0 && c[e] >= 0) count[r[e] + 1]++;
        for (int i = 0; i < rows; i++) count[i + 1] += count[i];
        var ci = new int[count[rows]];
        var cv = new float[count[rows]];
        var fill = (int[])count.Clone();
        for (int e = 0; e < r.Length; e++)
            if (v[e] != 0 && r[e] >= 0 && c[e] >= 0) { ci[fill[r[e]]] = c[e]; cv[fill[r[e]]] = v[e]; fill[r[e]]++; }
        // sort each row by column and sum duplicates, within the row's own range; then close the gaps
        var kept = new int[rows];
        Parallelism.ForBlocks(rows, RowBlock, po, (first, last) =>
        {
            for (int i = first; i < last; i++)
            {
                int s = count[i], e = count[i + 1], w = s;
                ci.AsSpan(s, e - s).Sort(cv.AsSpan(s, e - s));
                for (int p = s; p < e; p++)
                {
                    if (w > s && ci[w - 1] == ci[p]) cv[w - 1] += cv[p];
                    else { ci[w] = ci[p]; cv[w] = cv[p]; w++; }
                }
                kept[i] = w - s;
            }
        });
        var rowPtr = new int[rows + 1];
        for (int i = 0; i < rows; i++) rowPtr[i + 1] = rowPtr[i] + kept[i];
        var outC = new int[rowPtr[rows]];
        var outV = new float[rowPtr[rows]];
        Parallelism.ForBlocks(rows, RowBlock, po, (first, last) =>
        {
            for (int i = first; i < last; i++)
            {
                ci.AsSpan(count[i], kept[i]).CopyTo(outC.AsSpan(rowPtr[i]));
                cv.AsSpan(count[i], kept[i]).CopyTo(outV.AsSpan(rowPtr[i]));
            }
        });
        return new SparseGraph(rows, cols, rowPtr, outC, outV);
    }

    /// <summary>Rows per parallel block of the builders.</summary>
    private const int RowBlock = 1024;

    public SparseGraph Transpose()
    {
        var count = new int[Cols + 1];
        foreach (var c in ColIdx) count[c + 1]++;
        for (int i = 0; i < Cols; i++) count[i + 1] += count[i];
        var ci = new int[EdgeCount];
        var cv = new float[EdgeCount];
        var fill = (int[])count.Clone();
        for (int i = 0; i < Rows; i++)
            for (int p = RowPtr[i]; p < RowPtr[i + 1]; p++)
            {
                int c = ColIdx[p];
                ci[fill[c]] = i; cv[fill[c]] = Vals[p]; fill[c]++;
            }
        return new SparseGraph(Cols, Rows, count, ci, cv);
    }

    /// <summary>
    /// Combines this graph (A) with its transpose: value = combine(a_ij, a_ji) on the union of the supports; zeros
    /// dropped. Rows in parallel blocks: one pass counts each row's entries, the second writes them.
    /// </summary>
    public SparseGraph SymmetricCombine(Func<float, float, float> combine, ParallelOptions po)
    {
        var t = Transpose();
        var rowPtr = new int[Rows + 1];
        Parallelism.ForBlocks(Rows, RowBlock, po, (first, last) =>
        {
            for (int i = first; i < last; i++) rowPtr[i + 1] = MergeRow(t, i, combine, null, null, 0);
        });
        for (int i = 0; i < Rows; i++) rowPtr[i + 1] += rowPtr[i];
        var ci = new int[rowPtr[Rows]];
        var cv = new float[rowPtr[Rows]];
        Parallelism.ForBlocks(Rows, RowBlock, po, (first, last) =>
        {
            for (int i = first; i < last; i++) MergeRow(t, i, combine, ci, cv, rowPtr[i]);
        });
        return new SparseGraph(Rows, Cols, rowPtr, ci, cv);
    }

    /// <summary>Row i of A combined with row i of its transpose <paramref name="t"/>: the number of non-zero entries, written at <paramref name="at"/> when arrays are given.</summary>
    private int MergeRow(SparseGraph t, int i, Func<float, float, float> combine, int[]? ci, float[]? cv, int at)
    {
        int written = 0;
        int p = RowPtr[i], pe = RowPtr[i + 1], q = t.RowPtr[i], qe = t.RowPtr[i + 1];
        while (p < pe || q < qe)
        {
            int cp = p < pe ? ColIdx[p] : int.MaxValue, cq = q < qe ? t.ColIdx[q] : int.MaxValue;
            float a = 0, b = 0; int c;
            if (cp == cq) { a = Vals[p++]; b = t.Vals[q++]; c = cp; }
            else if (cp < cq) { a = Vals[p++]; c = cp; }
            else { b = t.Vals[q++]; c = cq; }
            float v = combine(a, b);
            if (v == 0) continue;
            if (ci is not null) { ci[at + written] = c; cv![at + written] = v; }
            written++;
        }
        return written;
    }

    /// <summary>Sum of each row's weights.</summary>
    public double[] RowSums()
    {
        var s = new double[Rows];
        for (int i = 0; i < Rows; i++)
            for (int p = RowPtr[i]; p < RowPtr[i + 1]; p++) s[i] += Vals[p];
        return s;
    }
}
