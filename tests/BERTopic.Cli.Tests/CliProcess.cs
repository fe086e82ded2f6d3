using System.Diagnostics;
using System.Text.Json;

namespace BERTopicNet.Cli.Tests;

/// <summary>Runs BERTopic.Cli.dll (copied next to the tests by the project reference) and captures its output.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        /// <summary>The closing JSON line every successful command prints.</summary>
        public JsonElement Summary => JsonDocument.Parse(StdOut.TrimEnd().Split('\n')[^1]).RootElement;
    }

    public static Result Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BERTopic.Cli.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3))) { p.Kill(true); throw new TimeoutException($"bertopic {string.Join(' ', args)} did not finish in 3 minutes."); }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
