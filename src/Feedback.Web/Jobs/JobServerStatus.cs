using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Feedback.Web.Jobs;

/// <summary>
/// The "job-server" check of <c>/health</c> in a process that runs a job server: unhealthy until the Hangfire server
/// has started (its schema installed, its workers running), which is just after the database is ready. A load balancer
/// or a test that waits for a healthy server then knows that jobs and timers run there too.
/// </summary>
internal sealed class JobServerStatus : IHealthCheck
{
    public const string CheckName = "job-server";
    private volatile bool _started;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_started ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The job server has not started yet."));

    /// <summary>Wraps Hangfire's hosted service so that its completed start marks this check healthy.</summary>
    public IHostedService Report(IHostedService server) => new Reporting(server, this);

    private sealed class Reporting(IHostedService server, JobServerStatus status) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await server.StartAsync(cancellationToken);
            status._started = true;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            status._started = false;
            return server.StopAsync(cancellationToken);
        }
    }
}
