using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BERTopicNet.Hdbscan;
using BERTopicNet.IO;

namespace BERTopicNet.Benchmarks;

/// <summary>
/// HDBSCAN fit, all-points soft membership, approximate_predict and membership_vector times on the 20 Newsgroups
/// UMAP output (reference/20newsgroups/umap5.npy) and on synthetic 5-d points, with the Python hdbscan times from
/// reference timings.json as an indicative ratio, and R's dbscan::hdbscan run side by side when Rscript is there.
/// </summary>
internal sealed class HdbscanBenchmark : IBenchmark
{
    public string Name => "hdbscan";

    public string Usage => "fit / soft / predict times; --synthetic N (default 100000) --repeat R (default 3) --no-r [--hdbscan-path DIR: a folder from which /usr/bin/python3 can import hdbscan, timed in the same run]";

    public JsonObject Run(BenchmarkArgs args)
    {
        int repeat = args.GetInt("repeat", 3);
        var result = new JsonObject();
        string dir = Path.Combine(args.DataDirectory, "reference", "20newsgroups");
        if (File.Exists(Path.Combine(dir, "umap5.npy")))
        {
            var x = Npy.ReadMatrix(Path.Combine(dir, "umap5.npy"));
            var probe = File.Exists(Path.Combine(dir, "predict_points.npy")) ? Npy.ReadMatrix(Path.Combine(dir, "predict_points.npy")) : Slice(x, 1000);
            var o = Measure(x, probe, repeat);
            var timings = Path.Combine(dir, "timings.json");
            if (File.Exists(timings) && JsonNode.Parse(File.ReadAllText(timings))?["seconds"] is JsonObject py)
            {
                var ratios = new JsonObject { ["note"] = "Python hdbscan times from reference timings.json, measured earlier on this kind of machine: indicative only" };
                void Ratio(string ours, string theirs) { if (py[theirs] is { } t) { ratios[ours + "_python_s"] = t.GetValue<double>(); ratios[ours + "_speedup"] = Math.Round(t.GetValue<double>() / o[ours + "_s"]!.GetValue<double>(), 2); } }
                Ratio("fit", "hdbscan_fit_s");
                Ratio("soft", "hdbscan_all_points_membership_s");
                Ratio("predict", "hdbscan_approximate_predict_s");
                Ratio("membership", "hdbscan_membership_vector_s");
                o["vs_python"] = ratios;
            }
            if (args.Get("hdbscan-path") is { } hdbscanPath)
            {
                var same = PythonHdbscan(hdbscanPath, Path.Combine(dir, "umap5.npy"), Path.Combine(dir, "predict_points.npy"), repeat);
                same["fit_speedup"] = Math.Round(same["fit_s"]!.GetValue<double>() / o["fit_s"]!.GetValue<double>(), 2);
                same["soft_speedup"] = Math.Round(same["soft_s"]!.GetValue<double>() / o["soft_s"]!.GetValue<double>(), 2);
                same["predict_speedup"] = Math.Round(same["predict_s"]!.GetValue<double>() / o["predict_s"]!.GetValue<double>(), 2);
                o["python_hdbscan_same_run"] = same;
            }
            if (!args.Has("no-r") && RTime(x) is { } r)
            {
                o["r_dbscan_hdbscan_s"] = r;
                o["fit_speedup_vs_r_same_run"] = Math.Round(r / o["fit_s"]!.GetValue<double>(), 2);
            }
            result["20newsgroups_umap5"] = o;
        }
        int n = args.GetInt("synthetic", 100_000);
        var syn = Synthetic(n, 5, seed: 42);
        var synProbe = Synthetic(1000, 5, seed: 7);
        var so = Measure(syn, synProbe, Math.Max(1, repeat - 1));
        if (!args.Has("no-r") && n <= 30_000 && RTime(syn) is { } rs)
        {
            so["r_dbscan_hdbscan_s"] = rs;
            so["fit_speedup_vs_r_same_run"] = Math.Round(rs / so["fit_s"]!.GetValue<double>(), 2);
        }
        result[$"synthetic_{n}x5"] = so;
        result["threads"] = Environment.ProcessorCount;
        if (File.Exists("/proc/loadavg")) result["load_average_at_end"] = File.ReadAllText("/proc/loadavg").Trim();
        return result;
    }

    private static JsonObject Measure(float[,] x, float[,] probe, int repeat)
    {
        var options = new HdbscanOptions { MinClusterSize = 10, PredictionData = true };
        new Hdbscan.Hdbscan(options).Fit(Slice(x, Math.Min(2000, x.GetLength(0)))); // warm up the JIT
        double fit = double.MaxValue, soft = double.MaxValue, predict = double.MaxValue, membership = double.MaxValue;
        double fitCpu = double.MaxValue, softCpu = double.MaxValue;
        Hdbscan.Hdbscan? model = null;
        using var process = Process.GetCurrentProcess();
        double Cpu() { process.Refresh(); return process.TotalProcessorTime.TotalSeconds; }
        for (int r = 0; r < repeat; r++)
        {
            double c0 = Cpu();
            var sw = Stopwatch.StartNew();
            model = new Hdbscan.Hdbscan(options);
            model.Fit(x);
            fit = Math.Min(fit, sw.Elapsed.TotalSeconds);
            double c1 = Cpu();
            fitCpu = Math.Min(fitCpu, c1 - c0);
            sw.Restart();
            model.AllPointsMembershipVectors();
            soft = Math.Min(soft, sw.Elapsed.TotalSeconds);
            softCpu = Math.Min(softCpu, Cpu() - c1);
            sw.Restart();
            model.ApproximatePredict(probe);
            predict = Math.Min(predict, sw.Elapsed.TotalSeconds);
            sw.Restart();
            model.MembershipVector(probe);
            membership = Math.Min(membership, sw.Elapsed.TotalSeconds);
        }
        return new JsonObject
        {
            ["points"] = x.GetLength(0),
            ["clusters"] = model!.ClusterCount,
            ["noise"] = model.Labels.Count(l => l < 0),
            ["fit_s"] = Math.Round(fit, 4),
            ["soft_s"] = Math.Round(soft, 4),
            ["predict_s"] = Math.Round(predict, 4),
            ["membership_s"] = Math.Round(membership, 4),
            ["fit_cpu_s"] = Math.Round(fitCpu, 4),
            ["soft_cpu_s"] = Math.Round(softCpu, 4),
            ["cpu_note"] = "process CPU time summed over threads: robust when other jobs share the machine",
            ["probe_points"] = probe.GetLength(0),
            ["repeat_best_of"] = repeat,
        };
    }

    /// <summary>Python hdbscan (imported from <paramref name="path"/>) in the same run: fit with prediction data, all-points
    /// membership and approximate_predict, best of <paramref name="repeat"/> after a warm-up.</summary>
    private static JsonObject PythonHdbscan(string path, string points, string probe, int repeat)
    {
        var script = $$"""
import json, sys, time
import numpy as np
sys.path.insert(0, {{PythonScript.Quote(path)}})
import hdbscan
x = np.load({{PythonScript.Quote(points)}}); p = np.load({{PythonScript.Quote(probe)}})
make = lambda: hdbscan.HDBSCAN(min_cluster_size=10, metric="euclidean", cluster_selection_method="eom", prediction_data=True)
def best(f):
    f(); ts = []
    for _ in range({{repeat}}):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    return min(ts)
c = make().fit(x)
print(json.dumps({"fit_s": best(lambda: make().fit(x)), "soft_s": best(lambda: hdbscan.all_points_membership_vectors(c)),
                  "predict_s": best(lambda: hdbscan.approximate_predict(c, p)), "clusters": int(c.labels_.max() + 1),
                  "module": hdbscan.__file__}))
""";
        var o = PythonScript.Run(script, "Python hdbscan");
        foreach (var key in new[] { "fit_s", "soft_s", "predict_s" }) o[key] = Math.Round(o[key]!.GetValue<double>(), 4);
        return o.AsObject();
    }

    /// <summary>Gaussian clusters of random sizes and spreads in [-10, 10]^d plus 10 % uniform noise.</summary>
    private static float[,] Synthetic(int n, int d, int seed)
    {
        var rng = new Random(seed);
        int clusters = Math.Max(2, n / 500);
        var centres = new double[clusters, d];
        var spread = new double[clusters];
        for (int c = 0; c < clusters; c++)
        {
            for (int j = 0; j < d; j++) centres[c, j] = rng.NextDouble() * 20 - 10;
            spread[c] = 0.05 + rng.NextDouble() * 0.3;
        }
        var x = new float[n, d];
        for (int i = 0; i < n; i++)
        {
            bool noise = rng.NextDouble() < 0.1;
            int c = rng.Next(clusters);
            for (int j = 0; j < d; j++)
            {
                double u = 1.0 - rng.NextDouble(), v = rng.NextDouble();
                double g = Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
                x[i, j] = (float)(noise ? rng.NextDouble() * 20 - 10 : centres[c, j] + spread[c] * g);
            }
        }
        return x;
    }

    private static float[,] Slice(float[,] x, int rows)
    {
        int d = x.GetLength(1);
        var r = new float[rows, d];
        Buffer.BlockCopy(x, 0, r, 0, rows * d * sizeof(float));
        return r;
    }

    /// <summary>Seconds R's dbscan::hdbscan(minPts = 10) takes on the same points (timed inside R), or null. It builds an N × N distance matrix, so it is skipped above 30k points.</summary>
    private static double? RTime(float[,] x)
    {
        string csv = Path.Combine(Path.GetTempPath(), $"hdbscan-bench-{Environment.ProcessId}.csv");
        try
        {
            var sb = new StringBuilder();
            for (int i = 0; i < x.GetLength(0); i++)
            {
                for (int j = 0; j < x.GetLength(1); j++) { if (j > 0) sb.Append(','); sb.Append(x[i, j].ToString("R", CultureInfo.InvariantCulture)); }
                sb.Append('\n');
            }
            File.WriteAllText(csv, sb.ToString());
            var psi = new ProcessStartInfo("Rscript", ["-e", $"suppressMessages(library(dbscan)); x <- as.matrix(read.csv('{csv}', header=FALSE)); t <- system.time(h <- hdbscan(x, minPts=10))[['elapsed']]; cat(t)"])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi);
            if (p is null) return null;
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 && double.TryParse(output.Trim(), CultureInfo.InvariantCulture, out var s) ? s : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
        finally { File.Delete(csv); }
    }
}
