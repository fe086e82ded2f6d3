namespace BERTopicNet;

/// <summary>
/// Parallel loop settings shared by the stages. Loops run on at most one thread per core: after a UMAP fit the thread
/// pool holds 10 or more threads on a 2-core machine, and an uncapped <see cref="Parallel"/> loop would spread a
/// memory-bound pass over all of them. One source file, compiled into each assembly that needs it.
/// </summary>
internal static class Parallelism
{
    /// <summary>At most <paramref name="maxThreads"/> (null: one per core) threads, cancelled by <paramref name="ct"/>.</summary>
    public static ParallelOptions Options(int? maxThreads, CancellationToken ct) => new()
    {
        MaxDegreeOfParallelism = maxThreads ?? Environment.ProcessorCount,
        CancellationToken = ct,
    };

    /// <summary>One thread per core at most, cancelled by <paramref name="ct"/>.</summary>
    public static ParallelOptions PerCore(CancellationToken ct = default) => Options(null, ct);

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
