using System.Diagnostics;

namespace BERTopicNet.Benchmarks.Quality;

/// <summary>Peak resident memory of this process.</summary>
internal static class ProcessMemory
{
    /// <summary>VmHWM from /proc/self/status on Linux, else the peak working set, in MB.</summary>
    public static double PeakMegabytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(6).Trim().ToString().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        using var p = Process.GetCurrentProcess();
        return p.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
