namespace BERTopicNet.Umap.Tests;

/// <summary>The layout's team of threads: phases in order, every block once, the step between phases on one thread,
/// failures and cancellation surfaced to the caller.</summary>
public class PhaseTeamTests
{
    private static ParallelOptions Threads(int n, CancellationToken ct = default) => new() { MaxDegreeOfParallelism = n, CancellationToken = ct };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void EveryBlockRunsOnceAndPhasesFollowEachOther(int threads)
    {
        const int phases = 300;
        int BlocksOf(int p) => 1 + p % 7;
        var hits = new int[phases, 8];
        var donePerPhase = new int[phases];
        int completed = 0; // phases whose step has run
        bool orderBroken = false;
        PhaseTeam.Run(phases, BlocksOf,
            (p, b) =>
            {
                if (Volatile.Read(ref completed) != p) orderBroken = true; // a block of phase p runs after step p − 1 only
                Interlocked.Increment(ref hits[p, b]);
                Interlocked.Increment(ref donePerPhase[p]);
            },
            p =>
            {
                if (donePerPhase[p] != BlocksOf(p)) orderBroken = true; // the step sees all of its phase's blocks done
                Volatile.Write(ref completed, p + 1);
            },
            Threads(threads));
        Assert.False(orderBroken);
        Assert.Equal(phases, completed);
        for (int p = 0; p < phases; p++)
            for (int b = 0; b < 8; b++)
                Assert.Equal(b < BlocksOf(p) ? 1 : 0, hits[p, b]);
    }

    [Fact]
    public void PhasesReadingASnapshotGiveTheSameResultOnAnyThreadCount()
    {
        // the layout's pattern: blocks read a snapshot and write their own range, the step publishes the range
        double[] Run(int threads)
        {
            var x = Enumerable.Range(0, 1000).Select(i => (double)i).ToArray();
            var snapshot = (double[])x.Clone();
            PhaseTeam.Run(50, _ => 10,
                (p, b) => { for (int i = 100 * b; i < 100 * b + 100; i++) x[i] = 0.5 * snapshot[(i * 7 + p) % 1000] + 0.25 * snapshot[i]; },
                _ => Array.Copy(x, snapshot, x.Length),
                Threads(threads));
            return x;
        }
        Assert.Equal(Run(1), Run(2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AFailingBlockStopsTheTeamAndReachesTheCaller(int threads)
    {
        int stepsRun = 0;
        var e = Assert.Throws<InvalidOperationException>(() => PhaseTeam.Run(100, _ => 4,
            (p, b) => { if (p == 10 && b == 3) throw new InvalidOperationException("block failed"); },
            _ => stepsRun++, Threads(threads)));
        Assert.Equal("block failed", e.Message);
        Assert.InRange(stepsRun, 10, 11); // nothing runs past the failing phase
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void CancellationBetweenPhasesThrows(int threads)
    {
        using var cts = new CancellationTokenSource();
        int stepsRun = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => PhaseTeam.Run(1000, _ => 2, (_, _) => { },
            p => { stepsRun++; if (p == 20) cts.Cancel(); }, Threads(threads, cts.Token)));
        Assert.InRange(stepsRun, 21, 22);
    }
}
