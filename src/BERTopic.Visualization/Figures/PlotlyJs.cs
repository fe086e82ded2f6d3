using System.Reflection;

namespace BERTopicNet.Visualization.Figures;

/// <summary>
/// The plotly.js bundle embedded in this assembly (taken at build time from the Plotly.Blazor NuGet package,
/// MIT licence), so that saved figures render offline without a CDN.
/// </summary>
public static class PlotlyJs
{
    private const string ResourceName = "BERTopicNet.Visualization.plotly.min.js";
    private static readonly Lazy<string> Bundle = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The version of the embedded plotly.js bundle.</summary>
    public const string Version = "3.7.0";

    /// <summary>The minified plotly.js source (about 4.7 MB), read once from the assembly's resources.</summary>
    public static string Source => Bundle.Value;

    private static string Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{ResourceName}' is missing from {typeof(PlotlyJs).Assembly.GetName().Name}; the package was built without plotly.js.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
