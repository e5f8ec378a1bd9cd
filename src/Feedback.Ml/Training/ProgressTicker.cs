namespace Feedback.Ml;

/// <summary>Reports "still working" every few seconds while a long ML.NET call gives no progress of its own.</summary>
internal sealed class ProgressTicker : IDisposable
{
    private readonly Timer? _timer;

    public ProgressTicker(Action<string>? log, string activity, TimeSpan? every = null)
    {
        if (log is null)
            return;
        var started = DateTime.UtcNow;
        var period = every ?? TimeSpan.FromSeconds(5);
        _timer = new Timer(_ => log($"{activity}: {(DateTime.UtcNow - started).TotalSeconds:F0} s"), null, period, period);
    }

    public void Dispose() => _timer?.Dispose();
}
