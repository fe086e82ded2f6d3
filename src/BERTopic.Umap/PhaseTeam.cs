namespace BERTopicNet.Umap;

/// <summary>
/// Runs many short phases in order on one team of threads that stays together between them: the blocks of a phase
/// are shared out dynamically (each block once, on any thread), a barrier ends the phase, and a step given by the
/// caller runs on one thread between two phases. For loops of thousands of phases of a few hundred microseconds each
/// (the layout's 16 phases × 200 epochs), where a <see cref="Parallel.For(int, int, Action{int})"/> per phase spends
/// a tenth of the time waking and joining workers.
/// </summary>
internal static class PhaseTeam
{
    /// <summary>
    /// Runs phases 0 … <paramref name="phaseCount"/> − 1; phase p calls <paramref name="block"/>(p, b) for each
    /// b in [0, <paramref name="blocksOf"/>(p)), then <paramref name="afterPhase"/>(p) once before phase p + 1 starts.
    /// The result does not depend on the thread count as long as the blocks of a phase are independent.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token of <paramref name="po"/> was cancelled (checked between phases).</exception>
    public static void Run(int phaseCount, Func<int, int> blocksOf, Action<int, int> block, Action<int> afterPhase, ParallelOptions po)
    {
        var ct = po.CancellationToken;
        int threads = Math.Min(po.MaxDegreeOfParallelism is > 0 and var m ? m : Environment.ProcessorCount, Environment.ProcessorCount);
        if (threads <= 1)
        {
            for (int p = 0; p < phaseCount; p++)
            {
                ct.ThrowIfCancellationRequested();
                int nb = blocksOf(p);
                for (int b = 0; b < nb; b++) block(p, b);
                afterPhase(p);
            }
            return;
        }

        int phase = 0, next = 0, arrived = 0;
        bool stop = false;
        Exception? failure = null;

        // The team's barrier: the last thread to arrive runs the step and opens the next phase; the others spin (and
        // yield) until it does rather than block. A phase lasts a few hundred microseconds, the team has one thread
        // per core, and a blocked thread's wake-up (tens of microseconds on a VM) would be paid at every phase.
        void Arrive(int p)
        {
            if (Interlocked.Increment(ref arrived) == threads)
            {
                // every other thread waits for phase to move on: nothing else touches the shared state here
                if (failure is null)
                {
                    try { afterPhase(p); }
                    catch (Exception e) { failure = e; }
                }
                stop = failure is not null || ct.IsCancellationRequested;
                next = 0;
                arrived = 0;
                Volatile.Write(ref phase, p + 1);
                return;
            }
            var spin = new SpinWait();
            while (Volatile.Read(ref phase) == p) spin.SpinOnce(sleep1Threshold: -1);
        }

        void Work()
        {
            while (!Volatile.Read(ref stop) && Volatile.Read(ref phase) < phaseCount)
            {
                int p = Volatile.Read(ref phase);
                try
                {
                    int nb = blocksOf(p);
                    for (int b = Interlocked.Increment(ref next) - 1; b < nb && Volatile.Read(ref failure) is null; b = Interlocked.Increment(ref next) - 1)
                        block(p, b);
                }
                catch (Exception e) { Interlocked.CompareExchange(ref failure, e, null); }
                Arrive(p);
            }
        }

        // dedicated threads: a phase's barrier needs every member running at once, which the thread pool does not promise
        var helpers = new Thread[threads - 1];
        for (int t = 0; t < helpers.Length; t++)
        {
            helpers[t] = new Thread(Work) { IsBackground = true, Name = "BERTopic.Umap layout" };
            helpers[t].Start();
        }
        Work();
        foreach (var h in helpers) h.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        ct.ThrowIfCancellationRequested();
    }
}
