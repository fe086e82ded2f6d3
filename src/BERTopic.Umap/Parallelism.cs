namespace BERTopicNet.Umap;

/// <summary>Parallel loop settings shared by the stages.</summary>
internal static class Parallelism
{
    public static ParallelOptions Options(int? maxThreads, CancellationToken ct) => new()
    {
        MaxDegreeOfParallelism = maxThreads ?? Environment.ProcessorCount,
        CancellationToken = ct,
    };

    /// <summary>Runs body(start, end) over fixed-size blocks of [0, n). Block boundaries never depend on the thread count.</summary>
    public static void ForBlocks(int n, int blockSize, ParallelOptions po, Action<int, int> body)
    {
        int blocks = (n + blockSize - 1) / blockSize;
        if (blocks <= 1 || po.MaxDegreeOfParallelism == 1)
        {
            for (int b = 0; b < blocks; b++)
            {
                po.CancellationToken.ThrowIfCancellationRequested();
                body(b * blockSize, Math.Min(n, (b + 1) * blockSize));
            }
            return;
        }
        Parallel.For(0, blocks, po, b => body(b * blockSize, Math.Min(n, (b + 1) * blockSize)));
    }
}
