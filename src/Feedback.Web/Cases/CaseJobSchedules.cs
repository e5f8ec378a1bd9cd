using Hangfire;

namespace Feedback.Web.Cases;

/// <summary>
/// The deadline sweep and the outbox delivery used to be Hangfire recurring jobs; they now run on each server's timer
/// (<see cref="Deadlines.EnforcementService"/>). Removes the old entries so that a database upgraded in place does not
/// keep queueing jobs whose classes are gone.
/// </summary>
internal sealed class CaseJobSchedules(IRecurringJobManager jobs, IHostApplicationLifetime lifetime, ILogger<CaseJobSchedules> logger) : IHostedService
{
    private static readonly string[] Retired = ["case-deadlines", "notification-delivery"];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var id in Retired)
            Jobs.RecurringRegistration.Apply($"remove the retired job {id}", () => jobs.RemoveIfExists(id), logger, lifetime.ApplicationStopping);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
