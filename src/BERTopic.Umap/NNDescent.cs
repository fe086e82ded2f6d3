using System.Runtime.CompilerServices;
namespace BERTopicNet.Umap;

/// <summary>
/// Approximate k nearest neighbours by nearest-neighbour descent (Dong et al. 2011, as in pynndescent): random
/// projection tree leaves seed the graph, then each round joins every row's sampled new and old candidates.
/// Heaps keep the k smallest (distance, index) pairs — a total order — so the graph after each round is the same
/// whatever order threads push in; candidate sampling uses counter-based random numbers. Hence one result per seed
/// on any thread count.
/// </summary>
internal static class NNDescent
{
    private const int LockStripes = 1 << 12;

    public static KnnGraph Compute(DataSet data, int k, ulong seed, int maxCandidates, ParallelOptions po, Action<double>? progress)
    {
        int n = data.Rows;
        var idx = new int[n * k];
        var dist = new float[n * k];
        var flags = new byte[n * k];
        var locks = new object[LockStripes];
        for (int i = 0; i < locks.Length; i++) locks[i] = new object();
        for (int i = 0; i < n; i++)
        {
            NeighborHeap.Init(idx.AsSpan(i * k, k), dist.AsSpan(i * k, k));
            NeighborHeap.Push(idx.AsSpan(i * k, k), dist.AsSpan(i * k, k), flags.AsSpan(i * k, k), 0f, i, 1);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void TryPush(int row, float d, int j)
        {
            if (!(d <= Volatile.Read(ref dist[row * k]))) return; // the worst kept distance only decreases
            lock (locks[row & (LockStripes - 1)])
                NeighborHeap.Push(idx.AsSpan(row * k, k), dist.AsSpan(row * k, k), flags.AsSpan(row * k, k), d, j, 1);
        }

        var trace = Trace.Start();
        // 1. random projection forest leaves
        int nTrees = Math.Min(64, 5 + (int)Math.Round(Math.Sqrt(n) / 20.0));
        int leafSize = Math.Max(10, k);
        var forest = RandomProjectionForest.Build(data, nTrees, leafSize, seed, po);
        trace.Mark($"rp forest ({nTrees} trees)");
        var leafList = new List<(int[] Order, int Start, int End)>();
        foreach (var (order, leaves) in forest) foreach (var (s, e) in leaves) leafList.Add((order, s, e));
        Parallel.For(0, leafList.Count, po, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (li) =>
        {
            var (order, s, e) = leafList[li];
            Span<float> d = stackalloc float[e - s];
            for (int a = s; a < e; a++)
            {
                int p = order[a];
                var qs = order.AsSpan(a + 1, e - a - 1);
                data.Distances(p, qs, d);
                for (int b = 0; b < qs.Length; b++)
                {
                    TryPush(p, d[b], qs[b]);
                    TryPush(qs[b], d[b], p);
                }
            }
        });
        // rows still short of k: random fill
        Parallel.For(0, n, po, i =>
        {
            for (int t = 0; idx[i * k] == NeighborHeap.Empty && t < 4 * k; t++)
            {
                int j = SeededHash.Below(SeededHash.Hash(seed, 0xF111, (ulong)i, (ulong)t), n);
                TryPush(i, data.Distance(i, j), j);
            }
        });
        progress?.Invoke(0.2);
        trace.Mark("leaf joins");

        // 2. descent rounds
        int nIters = Math.Max(5, (int)Math.Round(Math.Log2(n)));
        double delta = 0.001;
        var newIdx = new int[n * maxCandidates];
        var newPri = new float[n * maxCandidates];
        var oldIdx = new int[n * maxCandidates];
        var oldPri = new float[n * maxCandidates];
        var reverseCount = new int[n + 1];
        var reverseFill = new int[n];
        var reverseEntry = new int[n * k];
        for (int iter = 0; iter < nIters; iter++)
        {
            po.CancellationToken.ThrowIfCancellationRequested();
            BuildCandidates(iter);
            const int blockSize = 1024;
            Parallelism.ForBlocks(n, blockSize, po, (s, e) =>
            {
                for (int i = s; i < e; i++) LocalJoin(i);
            });
            long updates = 0;
            for (int t = 0; t < flags.Length; t++) updates += flags[t];
            progress?.Invoke(0.2 + 0.8 * (iter + 1) / nIters);
            trace.Mark($"nn-descent round {iter}: {updates} new neighbours");
            if (updates <= delta * k * n) break;
        }

        for (int i = 0; i < n; i++) NeighborHeap.Finish(idx.AsSpan(i * k, k), dist.AsSpan(i * k, k), i);
        return new KnnGraph(n, k, idx, dist);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void BuildCandidates(int iter)
        {
            // Row i's candidates are its own neighbours and the rows that list i. The second kind is read from a
            // reverse index (built sequentially, O(n·k)), so each row's heaps are filled by one thread without locks; a
            // pair's priority is the same from both sides and the heaps keep the smallest (priority, index) pairs, so
            // they hold what pushing from both ends in any order gives.
            Array.Clear(reverseCount);
            for (int e = 0; e < n * k; e++)
            {
                int j = idx[e];
                if (j != NeighborHeap.Empty && j != e / k) reverseCount[j + 1]++;
            }
            for (int i = 0; i < n; i++) reverseCount[i + 1] += reverseCount[i];
            reverseCount.AsSpan(0, n).CopyTo(reverseFill);
            for (int e = 0; e < n * k; e++)
            {
                int j = idx[e];
                if (j != NeighborHeap.Empty && j != e / k) reverseEntry[reverseFill[j]++] = e;
            }
            Parallel.For(0, n, po, i =>
            {
                var ni = newIdx.AsSpan(i * maxCandidates, maxCandidates); var np = newPri.AsSpan(i * maxCandidates, maxCandidates);
                var oi = oldIdx.AsSpan(i * maxCandidates, maxCandidates); var op = oldPri.AsSpan(i * maxCandidates, maxCandidates);
                NeighborHeap.Init(ni, np);
                NeighborHeap.Init(oi, op);
                var forward = idx.AsSpan(i * k, k);
                var forwardFlags = flags.AsSpan(i * k, k);
                // A list with room for every candidate keeps them all whatever their priorities: it is filled directly,
                // and only a list that would overflow samples by priority. (The counts are upper bounds: a mutual pair counts twice.)
                int newCount = 0, oldCount = 0;
                foreach (var f in forwardFlags) if (f != 0) newCount++; else oldCount++;
                for (int r = reverseCount[i]; r < reverseCount[i + 1]; r++)
                    if (flags[reverseEntry[r]] != 0) newCount++; else oldCount++;
                bool sampleNew = newCount > maxCandidates, sampleOld = oldCount > maxCandidates;
                int nNew = 0, nOld = 0;
                for (int t = 0; t < k; t++)
                {
                    int j = forward[t];
                    if (j == NeighborHeap.Empty) continue;
                    if (forwardFlags[t] != 0) Add(ni, np, sampleNew, ref nNew, j);
                    else Add(oi, op, sampleOld, ref nOld, j);
                }
                for (int r = reverseCount[i]; r < reverseCount[i + 1]; r++)
                {
                    int e = reverseEntry[r], j = e / k;
                    bool isNew = flags[e] != 0;
                    // filled directly, the list must skip j when i names j with the same kind of flag (a mutual pair);
                    // a sampling heap skips repeats itself
                    if (!(isNew ? sampleNew : sampleOld) && forward.IndexOf(j) is int at && at >= 0 && (forwardFlags[at] != 0) == isNew) continue;
                    if (isNew) Add(ni, np, sampleNew, ref nNew, j);
                    else Add(oi, op, sampleOld, ref nOld, j);
                }

                void Add(Span<int> list, Span<float> priorities, bool sample, ref int count, int j)
                {
                    if (sample) NeighborHeap.Push(list, priorities, Priority(iter, i, j), j);
                    else list[count++] = j;
                }
            });
            // neighbours that were sampled as new candidates are old from now on
            Parallel.For(0, n, po, i =>
            {
                var cand = newIdx.AsSpan(i * maxCandidates, maxCandidates);
                for (int t = 0; t < k; t++)
                    if (flags[i * k + t] != 0 && cand.Contains(idx[i * k + t])) flags[i * k + t] = 0;
            });
        }

        // a pair's sampling priority in round iter: the same from both ends
        float Priority(int iter, int i, int j) =>
            (float)SeededHash.Unit(SeededHash.Hash(seed, (ulong)iter, (ulong)Math.Min(i, j), (ulong)Math.Max(i, j)));

        // every pair of new candidates and every (new, old) pair: row p against its partners in one call
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void LocalJoin(int i)
        {
            var nc = newIdx.AsSpan(i * maxCandidates, maxCandidates);
            var oc = oldIdx.AsSpan(i * maxCandidates, maxCandidates);
            Span<int> partners = stackalloc int[2 * maxCandidates];
            Span<float> d = stackalloc float[2 * maxCandidates];
            for (int a = 0; a < nc.Length; a++)
            {
                int p = nc[a];
                if (p == NeighborHeap.Empty) continue;
                int count = 0;
                for (int b = a + 1; b < nc.Length; b++)
                {
                    int q = nc[b];
                    if (q != NeighborHeap.Empty && q != p) partners[count++] = q;
                }
                for (int b = 0; b < oc.Length; b++)
                {
                    int q = oc[b];
                    if (q != NeighborHeap.Empty && q != p) partners[count++] = q;
                }
                data.Distances(p, partners[..count], d);
                for (int b = 0; b < count; b++)
                {
                    TryPush(p, d[b], partners[b]);
                    TryPush(partners[b], d[b], p);
                }
            }
        }
    }
}
