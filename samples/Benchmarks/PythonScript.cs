using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BERTopicNet.Benchmarks;

/// <summary>Runs a Python baseline script with Debian's /usr/bin/python3 and reads the JSON object it prints last.</summary>
internal static class PythonScript
{
    public static JsonNode Run(string script, string what)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(script);
        p.StandardInput.Close();
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{what} failed: {stderr.Result}");
        return JsonNode.Parse(stdout.Trim().Split('\n')[^1])!;
    }

    /// <summary>A Python string literal holding <paramref name="s"/>.</summary>
    public static string Quote(string s) => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
