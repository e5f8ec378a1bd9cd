using Hangfire;

namespace Feedback.Web.Cases;

/// <summary>
/// The deadline sweep used to be a Hangfire recurring job; it now runs on each server's timer
/// (<see cref="Deadlines.EnforcementService"/>). Removes the old entry so that a database upgraded in place does not
/// keep queueing a job whose class is gone.
/// </summary>
internal sealed class CaseJobSchedules(IRecurringJobManager jobs, IHostApplicationLifetime lifetime, ILogger<CaseJobSchedules> logger) : IHostedService
{
    private const string Retired = "case-deadlines";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Jobs.RecurringRegistration.Apply($"remove the retired job {Retired}", () => jobs.RemoveIfExists(Retired), logger, lifetime.ApplicationStopping);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
