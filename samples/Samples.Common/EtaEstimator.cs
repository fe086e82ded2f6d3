namespace BERTopicNet.Samples;

/// <summary>
/// Estimates the time left from progress reports with a smoothed rate: an exponential moving average of the rate
/// (fraction per second) whose time constant is 15 % of the time elapsed (at least 1 s, at most 2 min). Start-up
/// costs and a slow first stretch (the longest documents are embedded first) are forgotten quickly, which
/// elapsed / fraction (the plain average) does not do: it said "49 min left" for a 23.5 min embedding.
/// </summary>
public sealed class EtaEstimator
{
    private const double TauShare = 0.15, MinTau = 1, MaxTau = 120;
    private double _lastFraction, _lastSeconds, _rate;
    private bool _hasRate;

    /// <summary>The smoothed rate, in fraction per second (0 before two reports).</summary>
    public double Rate => _hasRate ? _rate : 0;

    /// <summary>Records that <paramref name="fraction"/> (0 to 1) was done after <paramref name="seconds"/>.</summary>
    public void Observe(double fraction, double seconds)
    {
        double df = fraction - _lastFraction, dt = seconds - _lastSeconds;
        if (dt <= 0 || df <= 0) return; // repeated or out-of-order reports
        double instant = df / dt;
        if (!_hasRate) { _rate = instant; _hasRate = true; }
        else
        {
            double tau = Math.Clamp(seconds * TauShare, MinTau, MaxTau);
            double alpha = 1 - Math.Exp(-dt / tau);
            _rate += alpha * (instant - _rate);
        }
        _lastFraction = fraction;
        _lastSeconds = seconds;
    }

    /// <summary>Seconds left at the smoothed rate, counted from the last report; null before a rate is known or when done.</summary>
    public double? SecondsLeft => _hasRate && _rate > 0 && _lastFraction < 1 ? (1 - _lastFraction) / _rate : null;
}
