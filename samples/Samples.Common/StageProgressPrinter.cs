using System.Diagnostics;

namespace BERTopicNet.Samples;

/// <summary>Prints one line per pipeline stage of a fit (with its time) from <see cref="BERTopicProgress"/> reports.</summary>
public sealed class StageProgressPrinter : IProgress<BERTopicProgress>
{
    private readonly TextWriter _out;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, double> _seconds = new(StringComparer.Ordinal);
    private string? _stage;
    private TimeSpan _stageStart;

    /// <summary>Creates a printer writing to <paramref name="output"/> (stderr when null).</summary>
    public StageProgressPrinter(TextWriter? output = null) => _out = output ?? Console.Error;

    /// <inheritdoc/>
    public void Report(BERTopicProgress value)
    {
        lock (_gate)
        {
            if (value.Stage == _stage) return;
            Finish();
            _stage = value.Stage;
            _stageStart = _clock.Elapsed;
        }
    }

    /// <summary>Seconds per finished stage (from its first report to the next stage's first report).</summary>
    public IReadOnlyDictionary<string, double> Seconds
    {
        get { lock (_gate) return new Dictionary<string, double>(_seconds, StringComparer.Ordinal); }
    }

    /// <summary>Prints the last stage's line.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_stage is null) return;
            double seconds = (_clock.Elapsed - _stageStart).TotalSeconds;
            _seconds[_stage] = _seconds.GetValueOrDefault(_stage) + seconds;
            _out.WriteLine($"  {_stage,-26} {seconds,7:F2} s");
            _stage = null;
        }
    }
}
