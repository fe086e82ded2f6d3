using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BERTopicNet.Cli;

/// <summary>
/// Times named stages inside the process and prints the closing JSON line of DESIGN §7:
/// <c>{"seconds": {stage: s, ..., "total": s}, "peak_mb": n, ...}</c>.
/// </summary>
internal sealed class StageClock
{
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly Dictionary<string, double> _seconds = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="work"/> and adds its wall time to <paramref name="stage"/>.</summary>
    public T Time<T>(string stage, Func<T> work)
    {
        var sw = Stopwatch.StartNew();
        try { return work(); }
        finally { _seconds[stage] = _seconds.GetValueOrDefault(stage) + sw.Elapsed.TotalSeconds; }
    }

    /// <summary>Runs <paramref name="work"/> and adds its wall time to <paramref name="stage"/>.</summary>
    public void Time(string stage, Action work) => Time(stage, () => { work(); return 0; });

    /// <summary>Adds an externally measured duration to a stage.</summary>
    public void Add(string stage, TimeSpan elapsed) => _seconds[stage] = _seconds.GetValueOrDefault(stage) + elapsed.TotalSeconds;

    /// <summary>Forgets a stage (e.g. an umbrella timing replaced by finer ones).</summary>
    public void Remove(string stage) => _seconds.Remove(stage);

    /// <summary>Writes the closing JSON line to stdout; <paramref name="extra"/> adds command-specific fields.</summary>
    public void PrintSummary(JsonObject? extra = null)
    {
        var seconds = new JsonObject();
        foreach (var (k, v) in _seconds) seconds[k] = Math.Round(v, 4);
        seconds["total"] = Math.Round(_total.Elapsed.TotalSeconds, 4);
        var o = new JsonObject { ["seconds"] = seconds, ["peak_mb"] = Math.Round(PeakMegabytes(), 1) };
        if (extra is not null)
            foreach (var (k, v) in extra.ToList()) { extra.Remove(k); o[k] = v; }
        Console.Out.Flush();
        Console.WriteLine(o.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    /// <summary>Peak resident memory of this process (VmHWM on Linux), in MB.</summary>
    public static double PeakMegabytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(6).Trim().ToString().Split(' ')[0]) / 1024.0;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        using var p = Process.GetCurrentProcess();
        return p.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
