using System.Diagnostics;

namespace BERTopicNet.Samples;

/// <summary>Prints one line per pipeline stage of a fit (with its time) from <see cref="BERTopicProgress"/> reports.</summary>
public sealed class StageProgressPrinter : IProgress<BERTopicProgress>
{
    private readonly TextWriter _out;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
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

    /// <summary>Prints the last stage's line.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_stage is null) return;
            _out.WriteLine($"  {_stage,-26} {(_clock.Elapsed - _stageStart).TotalSeconds,7:F2} s");
            _stage = null;
        }
    }
}
