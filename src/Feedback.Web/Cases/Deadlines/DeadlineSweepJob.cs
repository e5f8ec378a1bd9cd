using Hangfire;

namespace Feedback.Web.Cases.Deadlines;

/// <summary>The recurring Hangfire job that runs <see cref="DeadlineSweep"/>.</summary>
public sealed class DeadlineSweepJob(DeadlineSweep sweep)
{
    public const string Id = "case-deadlines";

    // A failed pass is not retried: the next one, seconds later, picks up the same cases.
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public async Task RunAsync(CancellationToken ct) => await sweep.RunAsync(ct);
}
