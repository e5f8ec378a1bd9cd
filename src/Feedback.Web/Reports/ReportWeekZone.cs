using Feedback.Web.Infrastructure;

namespace Feedback.Web.Reports;

/// <summary>
/// Gives <see cref="ReportWeek"/> the centre's zone when the host starts (the service, a command, a test host), so
/// report weeks begin at Monday 00:00 where the centre is, as the pages' days and the deadlines do.
/// </summary>
internal sealed class ReportWeekZone(CentreTime centre) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ReportWeek.UseZone(centre.Zone);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
