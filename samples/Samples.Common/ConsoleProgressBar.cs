using System.Diagnostics;

namespace BERTopicNet.Samples;

/// <summary>
/// A one-line progress bar on a console stream (stderr by default): fraction, elapsed time, and the estimated time
/// left (at a smoothed rate, <see cref="EtaEstimator"/>); with <see cref="Items"/> set, also items per second.
/// Reports arrive on any thread.
/// </summary>
public sealed class ConsoleProgressBar : IProgress<double>, IDisposable
{
    private readonly string _label;
    private readonly TextWriter _out;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly bool _interactive;
    private readonly EtaEstimator _eta = new();
    private double _lastDrawn = -1;
    private long _lastDrawTicks;
    private bool _done;

    /// <summary>Creates a bar.</summary>
    /// <param name="label">What is being done (e.g. "embedding").</param>
    /// <param name="output">Where to draw; null for stderr.</param>
    public ConsoleProgressBar(string label, TextWriter? output = null)
    {
        _label = label;
        _out = output ?? Console.Error;
        _interactive = ReferenceEquals(_out, Console.Error) ? !Console.IsErrorRedirected : ReferenceEquals(_out, Console.Out) && !Console.IsOutputRedirected;
    }

    /// <summary>The number of items the fraction refers to (for the items/s figure), or 0.</summary>
    public int Items { get; init; }

    /// <summary>Time since the bar was created.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <inheritdoc/>
    public void Report(double value)
    {
        lock (_gate)
        {
            if (_done) return;
            value = Math.Clamp(value, 0, 1);
            _eta.Observe(value, _clock.Elapsed.TotalSeconds);
            long now = _clock.ElapsedTicks;
            // Interactive: redraw at most 10 times a second; redirected: one line per 10 %.
            bool due = _interactive ? now - _lastDrawTicks > Stopwatch.Frequency / 10 : Math.Floor(value * 10) > Math.Floor(_lastDrawn * 10);
            if (!due && value < 1) return;
            _lastDrawTicks = now;
            _lastDrawn = value;
            Draw(value);
        }
    }

    /// <summary>Draws the final state and ends the line.</summary>
    public void Done()
    {
        lock (_gate)
        {
            if (_done) return;
            if (_interactive || _lastDrawn < 1) Draw(1);
            if (_interactive) _out.WriteLine();
            _done = true;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_done && _interactive && _lastDrawn >= 0) _out.WriteLine();
            _done = true;
        }
    }

    private void Draw(double value)
    {
        const int width = 30;
        int filled = (int)Math.Round(value * width);
        double seconds = _clock.Elapsed.TotalSeconds;
        string eta = value > 0.001 && value < 1 && _eta.SecondsLeft is { } left ? $", {Format(left)} left" : "";
        string rate = Items > 0 && seconds > 0 ? $", {value * Items / seconds:F1}/s" : "";
        string line = $"{_label,-10} [{new string('#', filled)}{new string('.', width - filled)}] {value,4:P0} {Format(seconds)}{rate}{eta}";
        if (_interactive) _out.Write("\r" + line.PadRight(90));
        else _out.WriteLine(line);
        _out.Flush();
    }

    private static string Format(double seconds) =>
        seconds < 60 ? $"{seconds:F1} s" : $"{(int)(seconds / 60)} min {(int)(seconds % 60):D2} s";
}
