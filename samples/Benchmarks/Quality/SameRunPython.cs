using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BERTopicNet.Benchmarks.Quality;

/// <summary>
/// Python BERTopic 0.17.4 timed in the same run as our fit: the reference stack's <c>bertopic_ref.py</c> (see
/// <c>../shared/reference-stack</c>, <c>REF_ROOT</c> exported) on the same documents and embeddings, the same number
/// of fits in one process, its peak RSS read from its VmHWM when it ends (not <c>getrusage</c>: a child forked from this process inherits our high-water mark there).
/// </summary>
internal static class SameRunPython
{
    /// <summary>Runs the script and sets per-stage and whole-fit ratios (Python's seconds / ours, last run of each) and the peak RSS ratio.</summary>
    public static JsonObject Compare(string script, string docsPath, string embeddingsPath, int seed, int minTopicSize, int repeat, JsonObject ours)
    {
        if (!File.Exists(script)) throw new ArgumentException($"--python {script} does not exist: give the reference stack's bertopic_ref.py.");
        if (Environment.GetEnvironmentVariable("REF_ROOT") is null)
            throw new ArgumentException("--python needs REF_ROOT exported: the folder ../shared/reference-stack/setup.sh built.");
        string args = string.Join(", ", new[] { script, "--docs", docsPath, "--emb", embeddingsPath, "--repeat", repeat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--min-cluster-size", minTopicSize.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Select(PythonScript.Quote));
        string wrapper = $"""
            import json, runpy, sys
            sys.argv = [{args}]
            runpy.run_path(sys.argv[0], run_name="__main__")
            hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")][0].split()[1]
            print(json.dumps({"{"}"peak_mb": int(hwm) / 1024{"}"}), flush=True)
            """;
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(wrapper);
        p.StandardInput.Close();
        var stderr = p.StandardError.ReadToEndAsync();
        var lines = p.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"Python BERTopic failed: {stderr.Result}");

        var runs = new JsonArray();
        double peak = 0;
        foreach (var line in lines.Where(l => l.StartsWith('{')))
        {
            var o = JsonNode.Parse(line)!.AsObject();
            if (o["peak_mb"] is { } pk) { peak = pk.GetValue<double>(); continue; }
            o.Remove("topics");
            o.Remove("versions");
            runs.Add(o);
        }
        if (runs.Count == 0) throw new InvalidOperationException("Python BERTopic printed no run.");
        var last = runs[^1]!;
        double Py(string key) => last[key]!.GetValue<double>();
        double Ours(string key) => ours["seconds"]![key]!.GetValue<double>();
        double pyRest = Py("fit_total_s") - Py("umap_s") - Py("hdbscan_s");
        double oursPeak = ours["peak_mb"]!.GetValue<double>();
        return new JsonObject
        {
            ["runs"] = runs,
            ["peak_mb"] = Math.Round(peak, 1),
            ["speedup_last_run"] = new JsonObject
            {
                ["umap"] = Math.Round(Py("umap_s") / Ours("umap"), 2),
                ["hdbscan"] = Math.Round(Py("hdbscan_s") / Ours("hdbscan"), 2),
                ["rest_of_fit"] = Math.Round(pyRest / Ours("ctfidf"), 2),
                ["total"] = Math.Round(Py("fit_total_s") / Ours("total"), 2),
            },
            ["peak_rss_ours_over_python"] = Math.Round(oursPeak / peak, 3),
            ["definitions"] = "Python's rest_of_fit = fit_total_s − umap_s − hdbscan_s (CountVectorizer, c-TF-IDF, topic words, representative docs, topic embeddings, bookkeeping); ours = total − umap − hdbscan. Peak RSS: ours VmHWM of this process over all runs, Python VmHWM of its process over all runs.",
        };
    }
}
