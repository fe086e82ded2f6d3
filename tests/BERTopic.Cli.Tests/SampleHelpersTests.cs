using BERTopicNet.Samples;

namespace BERTopicNet.Cli.Tests;

/// <summary>Issue 18: the samples' progress ETA and first-run messages.</summary>
public class SampleHelpersTests
{
    /// <summary>Feeds <paramref name="progressAt"/> (seconds → fraction done) to an estimator every second; returns its ETA and the truth at each step.</summary>
    private static List<(double Fraction, double Eta, double Truth, double Plain)> Run(Func<double, double> progressAt, double totalSeconds)
    {
        var eta = new EtaEstimator();
        var rows = new List<(double, double, double, double)>();
        for (double t = 1; t < totalSeconds; t += 1)
        {
            double f = progressAt(t);
            eta.Observe(f, t);
            if (eta.SecondsLeft is { } left && f > 0) rows.Add((f, left, totalSeconds - t, t / f - t));
        }
        return rows;
    }

    [Fact]
    public void ConstantRateIsExactAtOnce()
    {
        var rows = Run(t => t / 100, 100);
        Assert.All(rows, r => Assert.Equal(r.Truth, r.Eta, 1e-6));
    }

    [Fact]
    public void StartUpCostIsForgottenQuickly()
    {
        // 20 s of start-up (model load, the longest documents first), then a steady 1 % a second: 120 s in all.
        var rows = Run(t => t <= 20 ? t * 0.0005 : 0.01 + (t - 20) * (0.99 / 100), 120);
        var at10 = rows.First(r => r.Fraction >= 0.10);
        Assert.InRange(at10.Eta / at10.Truth, 0.9, 1.1);          // smoothed: within 10 % by 10 % done
        Assert.True(at10.Plain / at10.Truth > 1.5, $"{at10.Plain} vs {at10.Truth}"); // elapsed / fraction: 50 % too pessimistic
        Assert.All(rows.Where(r => r.Fraction >= 0.2), r => Assert.InRange(r.Eta / r.Truth, 0.97, 1.03));
    }

    [Fact]
    public void ARateChangeIsFollowed()
    {
        // 0.5 % a second for 60 s, then 2 % a second: the estimate follows the new rate within a few seconds.
        var rows = Run(t => t <= 60 ? t * 0.005 : 0.3 + (t - 60) * 0.02, 95);
        var after = rows.Where(r => r.Fraction >= 0.3 + 0.02 * 15).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, r => Assert.InRange(r.Eta / r.Truth, 0.8, 1.25));
    }

    [Fact]
    public void NoisyReportsStayStable()
    {
        var rng = new Random(3);
        var eta = new EtaEstimator();
        double f = 0;
        var ratios = new List<double>();
        for (int t = 1; t <= 190; t++)
        {
            f = Math.Min(1, f + 0.005 * (0.5 + rng.NextDouble())); // 0.5 % a second on average, ±50 % per report
            eta.Observe(f, t);
            if (t > 30 && f < 0.95 && eta.SecondsLeft is { } left) ratios.Add(left / ((1 - f) / 0.005));
        }
        Assert.All(ratios, r => Assert.InRange(r, 0.7, 1.4)); // reports vary ±50 %: the estimate much less
        eta.Observe(0.5, 200); // out of order: ignored
        Assert.True(eta.Rate > 0);
    }

    [Fact]
    public void TheOfflineMessageNamesEveryWayToGiveTheCorpus()
    {
        string message = SampleCorpus.NoCorpusMessage("Name or service not known");
        Assert.Contains("../shared/data", message);
        Assert.Contains("20newsgroups", message);
        Assert.Contains("BERTOPIC_SHARED_DATA", message);
        Assert.Contains("BERTOPIC_20NEWS", message);
        Assert.Contains("20news-bydate.tar.gz", message);
        Assert.EndsWith("Download error: Name or service not known", message);
    }
}
