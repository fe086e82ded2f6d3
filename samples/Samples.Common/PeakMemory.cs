using System.Diagnostics;
using System.Globalization;

namespace BERTopicNet.Samples;

/// <summary>Peak resident memory of this process.</summary>
public static class PeakMemory
{
    /// <summary>VmHWM from /proc/self/status on Linux, else the peak working set, in MB.</summary>
    public static double Megabytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(6).Trim().ToString().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        using var p = Process.GetCurrentProcess();
        return p.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
