namespace BERTopicNet.Visualization.Tests.Browser;

/// <summary>Finds a Chromium executable: $BERTOPIC_CHROMIUM, then the usual Debian/Ubuntu paths.</summary>
internal static class Chromium
{
    private static readonly Lazy<string?> Path_ = new(Find);

    /// <summary>The executable, or null when none is installed.</summary>
    public static string? ExecutablePath => Path_.Value;

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("BERTOPIC_CHROMIUM");
        if (!string.IsNullOrEmpty(env)) return File.Exists(env) ? env : null;
        foreach (var p in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable" })
            if (File.Exists(p)) return p;
        return null;
    }
}

/// <summary>A fact that needs headless Chromium; reported as skipped where none is installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Marks the test skipped when Chromium is missing.</summary>
    public ChromiumFactAttribute()
    {
        if (Chromium.ExecutablePath is null)
            Skip = "Skipped: no Chromium found (install Debian's 'chromium' or set BERTOPIC_CHROMIUM).";
    }
}

/// <summary>A fact that needs both headless Chromium and ../shared/data.</summary>
public sealed class ChromiumSharedDataFactAttribute : FactAttribute
{
    /// <summary>Marks the test skipped when Chromium or the shared data is missing.</summary>
    public ChromiumSharedDataFactAttribute()
    {
        if (Chromium.ExecutablePath is null)
            Skip = "Skipped: no Chromium found (install Debian's 'chromium' or set BERTOPIC_CHROMIUM).";
        else if (!BERTopicNet.Testing.SharedData.Available)
            Skip = "Skipped: ../shared/data is not present on this machine.";
    }
}
