using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BERTopicNet.IO;
using BERTopicNet.Umap;
using UmapModel = BERTopicNet.Umap.Umap;

namespace BERTopicNet.Benchmarks;

/// <summary>
/// UMAP against umap-learn, side by side in one run: wall time, peak memory and trustworthiness (k = 15) on the real
/// corpora's embeddings, and the growth of our fit time with N on a synthetic Gaussian mixture.
/// </summary>
internal sealed class UmapBenchmark : IBenchmark
{
    public string Name => "umap";

    public string Usage => "[--corpus 20newsgroups,bbc_news] [--no-python] [--seed 42] [--threads N] [--layout parallel|sequential] [--growth 5000,20000,100000] [--python-growth] [--no-trust] [--knn-sweep 2000,4000,8000,16000]";

    public JsonObject Run(BenchmarkArgs args)
    {
        var corpora = args.Get("corpus", "20newsgroups,bbc_news").Split(',', StringSplitOptions.RemoveEmptyEntries);
        bool python = !args.Has("no-python");
        bool trust = !args.Has("no-trust");
        int seed = args.GetInt("seed", 42);
        int? threads = args.Has("threads") ? args.GetInt("threads", 2) : null;
        var result = new JsonObject { ["seed"] = seed, ["threads"] = threads ?? Environment.ProcessorCount };

        // warm up the JIT on a small problem
        var warm = Synthetic(2000, 64, 10, 1);
        new UmapModel(new UmapOptions { RandomSeed = 1, NEpochs = 50 }).FitTransform(warm);
        new UmapModel(new UmapOptions { RandomSeed = 1, NEpochs = 50, ExactNeighborsThreshold = 0 }).FitTransform(warm);
        result["load_average_at_start"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null;

        var rows = new JsonArray();
        foreach (var corpus in corpora)
        {
            var path = Path.Combine(args.DataDirectory, corpus, "embeddings.npy");
            var x = Npy.ReadMatrix(path);
            var row = new JsonObject { ["corpus"] = corpus, ["n"] = x.GetLength(0), ["dim"] = x.GetLength(1) };
            GC.Collect();
            long before = GC.GetTotalMemory(true);
            double cpu0 = CpuSeconds();
            var sw = Stopwatch.StartNew();
            var options = new UmapOptions { RandomSeed = seed, MaxThreads = threads };
            if (args.SequentialLayout is { } sequential) options.SequentialLayout = sequential;
            row["sequential_layout"] = options.SequentialLayout;
            var model = new UmapModel(options);
            var ours = model.FitTransform(x);
            row["ours_seconds"] = Math.Round(sw.Elapsed.TotalSeconds, 3);
            row["ours_cpu_seconds"] = Math.Round(CpuSeconds() - cpu0, 3);
            row["ours_peak_rss_mb"] = Math.Round(PeakRssMb(), 1);
            row["ours_managed_delta_mb"] = Math.Round((GC.GetTotalMemory(false) - before) / 1048576.0, 1);
            var tmpOut = Path.Combine(Path.GetTempPath(), $"umap_ours_{corpus}.npy");
            Npy.Write(tmpOut, ours);
            if (trust) row["ours_trustworthiness"] = Math.Round(Trustworthiness.Compute(x, ours, 15), 5);
            var refPath = Path.Combine(args.DataDirectory, "reference", corpus, "umap5.npy");
            if (trust && File.Exists(refPath))
                row["reference_umap5_trustworthiness"] = Math.Round(Trustworthiness.Compute(x, Npy.ReadMatrix(refPath), 15), 5);
            if (python)
            {
                var py = UmapLearn.Run(path, seed);
                row["umap_learn_seconds"] = py.Seconds;
                row["umap_learn_cpu_seconds"] = py.CpuSeconds;
                row["cpu_ratio"] = Math.Round(py.CpuSeconds / (double)row["ours_cpu_seconds"]!, 2);
                row["umap_learn_peak_rss_mb"] = py.PeakMb;
                if (trust) row["umap_learn_trustworthiness"] = Math.Round(Trustworthiness.Compute(x, Npy.ReadMatrix(py.OutPath), 15), 5);
                row["speedup"] = Math.Round(py.Seconds / (double)row["ours_seconds"]!, 2);
            }
            rows.Add(row);
            Console.Error.WriteLine(row.ToJsonString());
        }
        result["corpora"] = rows;

        var growth = new JsonArray();
        foreach (var s in args.Get("growth", "5000,20000,100000").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int n = int.Parse(s, CultureInfo.InvariantCulture);
            var x = Synthetic(n, 384, 50, 7);
            double cpu0 = CpuSeconds();
            var sw = Stopwatch.StartNew();
            new UmapModel(new UmapOptions { RandomSeed = seed, MaxThreads = threads }).FitTransform(x);
            var g = new JsonObject { ["n"] = n, ["ours_seconds"] = Math.Round(sw.Elapsed.TotalSeconds, 3), ["ours_cpu_seconds"] = Math.Round(CpuSeconds() - cpu0, 3), ["peak_rss_mb"] = Math.Round(PeakRssMb(), 1) };
            if (args.Has("python-growth"))
            {
                var tmp = Path.Combine(Path.GetTempPath(), $"umap_synth_{n}.npy");
                Npy.Write(tmp, x);
                var py = UmapLearn.Run(tmp, seed);
                g["umap_learn_seconds"] = py.Seconds;
                g["speedup"] = Math.Round(py.Seconds / (double)g["ours_seconds"]!, 2);
            }
            growth.Add(g);
            Console.Error.WriteLine(g.ToJsonString());
        }
        result["growth_synthetic_gaussian_mixture_384d"] = growth;

        // where exact kNN stops paying: fit without SGD epochs (kNN + graph + init) on prefixes of 20 Newsgroups (extended by noisy copies beyond its rows)
        if (args.Get("knn-sweep") is { } sweep)
        {
            var x = Npy.ReadMatrix(Path.Combine(args.DataDirectory, "20newsgroups", "embeddings.npy"));
            var rowsOut = new JsonArray();
            foreach (var s in sweep.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                int n = int.Parse(s, CultureInfo.InvariantCulture);
                var sub = Prefix(x, n);
                (double Wall, double Cpu) Time(int threshold)
                {
                    double cpu0 = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
                    var sw = Stopwatch.StartNew();
                    new UmapModel(new UmapOptions { RandomSeed = seed, MaxThreads = threads, NEpochs = 0, ExactNeighborsThreshold = threshold }).FitTransform(sub);
                    return (Math.Round(sw.Elapsed.TotalSeconds, 3), Math.Round(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpu0, 3));
                }
                var ex = Time(int.MaxValue);
                var nd = Time(0);
                var r = new JsonObject { ["n"] = n, ["exact_seconds"] = ex.Wall, ["exact_cpu_seconds"] = ex.Cpu, ["nndescent_seconds"] = nd.Wall, ["nndescent_cpu_seconds"] = nd.Cpu };
                rowsOut.Add(r);
                Console.Error.WriteLine(r.ToJsonString());
            }
            result["knn_sweep_without_layout"] = rowsOut;
        }
        return result;
    }

    /// <summary>The first <paramref name="n"/> rows of <paramref name="x"/>; beyond its rows, copies of row i mod rows
    /// with Gaussian noise (σ = 0.03 per column, about 0.14 in cosine distance from the original 384-d unit row).</summary>
    private static float[,] Prefix(float[,] x, int n)
    {
        int rows = x.GetLength(0), d = x.GetLength(1);
        var sub = new float[n, d];
        Buffer.BlockCopy(x, 0, sub, 0, Math.Min(n, rows) * d * sizeof(float));
        var rng = new Random(3);
        for (int i = rows; i < n; i++)
            for (int t = 0; t < d; t++) sub[i, t] = x[i % rows, t] + (float)(0.03 * Gaussian(rng));
        return sub;
    }

    /// <summary>A mixture of <paramref name="clusters"/> isotropic Gaussians in <paramref name="dim"/> dimensions.</summary>
    internal static float[,] Synthetic(int n, int dim, int clusters, int seed)
    {
        var rng = new Random(seed);
        var centers = new float[clusters, dim];
        for (int c = 0; c < clusters; c++) for (int t = 0; t < dim; t++) centers[c, t] = (float)(rng.NextDouble() * 2 - 1);
        var x = new float[n, dim];
        for (int i = 0; i < n; i++)
        {
            int c = rng.Next(clusters);
            for (int t = 0; t < dim; t++) x[i, t] = centers[c, t] + (float)(0.15 * Gaussian(rng));
        }
        return x;
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static double PeakRssMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.AsSpan(6).Trim().ToString().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        return double.NaN;
    }
}
