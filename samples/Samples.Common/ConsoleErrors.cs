namespace BERTopicNet.Samples;

/// <summary>Makes a sample print expected failures (missing data, model or network) as one line instead of a stack trace.</summary>
public static class ConsoleErrors
{
    /// <summary>Installs the handler; call it first in <c>Main</c>.</summary>
    public static void Install() => AppDomain.CurrentDomain.UnhandledException += (_, e) =>
    {
        if (e.ExceptionObject is IOException or HttpRequestException or ArgumentException or InvalidOperationException or UnauthorizedAccessException
            && e.ExceptionObject is Exception ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Environment.Exit(1);
        }
    };
}
