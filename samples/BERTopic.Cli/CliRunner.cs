using System.CommandLine;

namespace BERTopicNet.Cli;

/// <summary>Parses and runs a command; any usage or input error becomes one line on stderr and exit code 2.</summary>
internal static class CliRunner
{
    public const int UsageError = 2;

    public static int Run(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && args.Length > 0 && !args.Contains("--help") && !args.Contains("-h"))
        {
            Console.Error.WriteLine($"error: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
            return UsageError;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or FormatException or NotSupportedException or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"error: {e.Message.ReplaceLineEndings(" ")}");
            return UsageError;
        }
    }
}
