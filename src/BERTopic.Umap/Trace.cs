using System.Diagnostics;

namespace BERTopicNet.Umap;

/// <summary>Stage timings on stderr when the environment variable BERTOPIC_UMAP_TRACE is set (for profiling).</summary>
internal readonly struct Trace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("BERTOPIC_UMAP_TRACE") is { Length: > 0 };
    private readonly Stopwatch? _sw;

    private Trace(Stopwatch? sw) => _sw = sw;

    public static Trace Start() => new(Enabled ? Stopwatch.StartNew() : null);

    public void Mark(string stage)
    {
        if (_sw is null) return;
        Console.Error.WriteLine($"[umap] {stage}: {_sw.Elapsed.TotalSeconds:F3} s");
        _sw.Restart();
    }
}
