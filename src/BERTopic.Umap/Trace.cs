using System.Diagnostics;

namespace BERTopicNet.Umap;

/// <summary>Stage timings on stderr when the environment variable BERTOPIC_UMAP_TRACE is set (for profiling).</summary>
internal readonly struct Trace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("BERTOPIC_UMAP_TRACE") is { Length: > 0 };
    private readonly Stopwatch? _sw;
    private readonly double[]? _cpu;

    private Trace(Stopwatch? sw)
    {
        _sw = sw;
        _cpu = sw is null ? null : [Cpu()];
    }

    public static Trace Start() => new(Enabled ? Stopwatch.StartNew() : null);

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    public void Mark(string stage)
    {
        if (_sw is null) return;
        double cpu = Cpu();
        Console.Error.WriteLine($"[umap] {stage}: {_sw.Elapsed.TotalSeconds:F3} s wall, {cpu - _cpu![0]:F3} s cpu");
        _cpu[0] = cpu;
        _sw.Restart();
    }

    public void Note(string text)
    {
        if (_sw is not null) Console.Error.WriteLine($"[umap] {text}");
    }
}
