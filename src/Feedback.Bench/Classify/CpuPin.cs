using System.Diagnostics;
using Feedback.Ml;

namespace Feedback.Bench.Classify;

/// <summary>Restricts the process to the first N cores for a measurement and restores the old mask afterwards.</summary>
internal sealed class CpuPin : IDisposable
{
    private readonly nint _previous;

    private CpuPin(nint previous) => _previous = previous;

    public static IDisposable? To(int cores, Action<string>? log)
    {
        if (cores <= 0 || cores >= Environment.ProcessorCount || !(OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
            return null;
        var process = Process.GetCurrentProcess();
        var previous = process.ProcessorAffinity;
        process.ProcessorAffinity = (nint)((1L << cores) - 1);
        log?.Invoke($"pinned to {cores} of {Environment.ProcessorCount} cores");
        return new CpuPin(previous);
    }

    public void Dispose()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
            Process.GetCurrentProcess().ProcessorAffinity = _previous;
    }
}
