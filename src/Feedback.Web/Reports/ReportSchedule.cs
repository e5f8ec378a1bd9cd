using Feedback.Web.Infrastructure;
using Hangfire;

namespace Feedback.Web.Reports;

/// <summary>
/// Where the job server runs: registers the Monday 08:00 render (in the centre's zone, <see cref="CentreTime"/>) and queues a catch-up for weeks
/// missed while the service was down. Hangfire's own misfire handling would fire a missed occurrence once, but
/// only for the latest one; the catch-up covers every recent week without a report.
/// </summary>
internal sealed class ReportSchedule(
    IRecurringJobManager recurringJobs, IBackgroundJobClient jobs, CentreTime centre, IHostApplicationLifetime lifetime, ILogger<ReportSchedule> logger) : IHostedService
{
    public const string RecurringJobId = "weekly-report";
    public const string Cron = "0 8 * * 1";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Jobs.RecurringRegistration.Apply("schedule the weekly report", () =>
            recurringJobs.AddOrUpdate<WeeklyReportJob>(RecurringJobId, job => job.RunScheduledAsync(CancellationToken.None), Cron,
                new RecurringJobOptions { TimeZone = centre.Zone, MisfireHandling = MisfireHandlingMode.Relaxed }),
            logger, lifetime.ApplicationStopping);
        jobs.Enqueue<WeeklyReportJob>(job => job.CatchUpAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
