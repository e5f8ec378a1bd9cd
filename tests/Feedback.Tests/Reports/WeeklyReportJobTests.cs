using Feedback.Tests.Infrastructure;
using Feedback.Web.Reports;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Feedback.Tests.Reports;

public sealed class WeeklyReportJobTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Monday 23 November 2026 in China time; week 47 ended the night before.
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void LatestDue_BeforeAndAfterMonday0800_SwitchesToTheWeekJustEnded()
    {
        Assert.Equal(new ReportWeek(2026, 46), WeeklyReportJob.LatestDue(MondayMorning.AddHours(-1).AddTicks(-1)));
        Assert.Equal(new ReportWeek(2026, 47), WeeklyReportJob.LatestDue(MondayMorning.AddHours(-1)));
    }

    [Fact]
    public void MissingWeeks_SomeRendered_ReturnsTheOthersOldestFirst()
    {
        var rendered = new HashSet<ReportWeek> { new(2026, 46), new(2026, 43) };

        var missing = WeeklyReportJob.MissingWeeks(MondayMorning, rendered, 4);

        Assert.Equal([new(2026, 44), new(2026, 45), new(2026, 47)], missing);
    }

    [Fact]
    public async Task CatchUpAsync_AfterDowntime_RendersEachMissingWeekOnceAndIndexesIt()
    {
        var time = new FakeTimeProvider(MondayMorning);
        await JobAsync(time, job => job.RenderAsync(new ReportWeek(2026, 45), null, null, Ct));

        await JobAsync(time, job => job.CatchUpAsync(Ct));
        var first = await IndexAsync();
        time.Advance(TimeSpan.FromHours(1));
        await JobAsync(time, job => job.CatchUpAsync(Ct));
        var second = await IndexAsync();

        Assert.Subset(first.Select(r => r.Week).ToHashSet(), new HashSet<string> { "2026-W44", "2026-W45", "2026-W46", "2026-W47" });
        Assert.DoesNotContain(first, r => r.Week == "2026-W43");
        Assert.Equal(first.Select(r => r.GeneratedAt), second.Select(r => r.GeneratedAt));
        Assert.All(first, r => Assert.True(File.Exists(Path.Combine(app.ReportsDirectory, r.Week, ReportRenderer.PdfName))));
        // Weeks without a rating (before the service had any) are rendered and listed, but announced to nobody.
        Assert.Equal(0, await ReportNoticeCountAsync());
    }

    [Fact]
    public async Task RunScheduledAsync_WeekAlreadyRendered_ReplacesItsFilesAndIndexRow()
    {
        var time = new FakeTimeProvider(MondayMorning.AddDays(7));
        await JobAsync(time, job => job.RenderAsync(new ReportWeek(2026, 48), null, null, Ct));
        var pdf = Path.Combine(app.ReportsDirectory, "2026-W48", ReportRenderer.PdfName);
        var before = File.GetLastWriteTimeUtc(pdf);
        time.Advance(TimeSpan.FromMinutes(5));

        await JobAsync(time, job => job.RunScheduledAsync(Ct));

        var row = Assert.Single(await IndexAsync(), r => r.Week == "2026-W48");
        Assert.Equal(time.GetUtcNow(), row.GeneratedAt);
        Assert.True(File.GetLastWriteTimeUtc(pdf) >= before);
        Assert.Empty(Directory.GetDirectories(app.ReportsDirectory, ".*"));
    }

    [Fact]
    public async Task Schedule_OnStart_RegistersMondayEightInTheCentresZoneAndQueuesCatchUp()
    {
        var storage = app.Services.GetRequiredService<JobStorage>();
        var schedule = ActivatorUtilities.CreateInstance<ReportSchedule>(app.Services);

        await schedule.StartAsync(Ct);

        using var connection = storage.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == ReportSchedule.RecurringJobId);
        Assert.Equal("0 8 * * 1", job.Cron);
        Assert.Equal(app.Services.GetRequiredService<Feedback.Web.Infrastructure.CentreTime>().Zone.Id, job.TimeZoneId);
        Assert.Equal(nameof(WeeklyReportJob.RunScheduledAsync), job.Job.Method.Name);
        Assert.True(storage.GetMonitoringApi().EnqueuedCount("default") >= 1);
    }

    [Fact]
    public async Task HangfireServer_EnqueuedRender_RunsTheJobAndIndexesTheWeek()
    {
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = 1,
            Queues = ["reports-test"],
            SchedulePollingInterval = TimeSpan.FromMilliseconds(200),
            Activator = app.Services.GetRequiredService<JobActivator>(),
        }, app.Services.GetRequiredService<JobStorage>());

        jobs.Create<WeeklyReportJob>(job => job.RunAsync("2026-W30", CancellationToken.None), new Hangfire.States.EnqueuedState("reports-test"));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await IndexAsync()).Any(r => r.Week == "2026-W30") && DateTime.UtcNow < deadline)
            await Task.Delay(200, Ct);
        Assert.Contains(await IndexAsync(), r => r.Week == "2026-W30");
    }

    [Fact]
    public async Task CatchUpAsync_AnotherServerHoldsTheCatchUpLock_SkipsWithoutRendering()
    {
        var time = new FakeTimeProvider(MondayMorning.AddDays(7 * 20));
        await using var other = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await other.OpenAsync(Ct);
        await using var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({WeeklyReportJob.CatchUpLock})", other);
        await take.ExecuteNonQueryAsync(Ct);

        await JobAsync(time, job => job.CatchUpAsync(Ct));

        Assert.DoesNotContain(await IndexAsync(), r => r.Week.StartsWith("2027", StringComparison.Ordinal));
    }

    private async Task JobAsync(TimeProvider time, Func<WeeklyReportJob, Task> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await action(ActivatorUtilities.CreateInstance<WeeklyReportJob>(scope.ServiceProvider, time));
    }

    private async Task<long> ReportNoticeCountAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM notifications WHERE event_key LIKE 'report:%'", connection);
        return (long)(await count.ExecuteScalarAsync(Ct))!;
    }

    private async Task<List<ReportRecord>> IndexAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportIndex>().ListAsync(Ct);
    }
}
