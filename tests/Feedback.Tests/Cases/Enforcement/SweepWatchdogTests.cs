using Feedback.Tests.Infrastructure;
using Feedback.Web.Cases;
using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Feedback.Tests.Cases.Enforcement;

/// <summary>The watchdog with a fake clock and a 10 s sweep interval, writing its alert to a real database.</summary>
public sealed class SweepWatchdogTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Check_SweepsCompleteEveryInterval_StaysHealthyWithoutAlert()
    {
        var (watchdog, clock, db) = await CreateAsync();

        for (var i = 0; i < 6; i++)
        {
            clock.Advance(Interval);
            watchdog.Completed();
            await watchdog.CheckAsync(Ct);
        }

        Assert.Equal(HealthStatus.Healthy, (await watchdog.CheckHealthAsync(new(), Ct)).Status);
        Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM notifications WHERE kind = 'watchdog'", Ct));
    }

    [Fact]
    public async Task Check_NoSweepWithinThreeIntervals_DegradesHealthAndAlertsAdminsOnce()
    {
        var (watchdog, clock, db) = await CreateAsync();
        watchdog.Completed();

        clock.Advance(3 * Interval);
        await watchdog.CheckAsync(Ct);
        var atLimit = await watchdog.CheckHealthAsync(new(), Ct);
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(Interval);
            await watchdog.CheckAsync(Ct);
        }
        var stalled = await watchdog.CheckHealthAsync(new(), Ct);

        Assert.Equal(HealthStatus.Healthy, atLimit.Status);
        Assert.Equal(HealthStatus.Degraded, stalled.Status);
        Assert.Contains("No deadline sweep has completed", stalled.Description);
        Assert.Equal(1, await db.CountAsync("SELECT count(*) FROM notifications WHERE kind = 'watchdog' AND target = 'inbox:admin'", Ct));
    }

    [Fact]
    public async Task Check_SweepCompletesAfterAStall_IsHealthyAndTheNextStallAlertsAgain()
    {
        var (watchdog, clock, db) = await CreateAsync();
        clock.Advance(4 * Interval);
        await watchdog.CheckAsync(Ct);

        watchdog.Completed();
        await watchdog.CheckAsync(Ct);
        var recovered = await watchdog.CheckHealthAsync(new(), Ct);
        clock.Advance(4 * Interval);
        await watchdog.CheckAsync(Ct);

        Assert.Equal(HealthStatus.Healthy, recovered.Status);
        Assert.Equal(2, await db.CountAsync("SELECT count(*) FROM notifications WHERE kind = 'watchdog'", Ct));
    }

    [Fact]
    public async Task Check_DatabaseRefusesConnectionsDuringTheStall_QueuesTheAlertOnceItAcceptsThemAgain()
    {
        var (watchdog, clock, db) = await CreateAsync(pooling: false);
        var name = new NpgsqlConnectionStringBuilder(db.ConnectionString).Database;
        clock.Advance(4 * Interval);

        await db.ExecuteAsAdminAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false", Ct);
        await watchdog.CheckAsync(Ct);
        await db.ExecuteAsAdminAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true", Ct);
        var whileRefused = await db.CountAsync("SELECT count(*) FROM notifications WHERE kind = 'watchdog'", Ct);
        clock.Advance(Interval);
        await watchdog.CheckAsync(Ct);
        clock.Advance(Interval);
        await watchdog.CheckAsync(Ct);

        Assert.Equal(0, whileRefused);
        Assert.Equal(1, await db.CountAsync("SELECT count(*) FROM notifications WHERE kind = 'watchdog'", Ct));
    }

    private static async Task<(SweepWatchdog, FakeTimeProvider, EnforcementDatabase)> CreateAsync(bool pooling = true)
    {
        var db = await EnforcementDatabase.CreateAsync("watchdog", Ct);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = pooling }.ConnectionString);
        var watchdog = new SweepWatchdog(dataSource, clock, new CentreTime(Options.Create(new CentreTimeOptions()), clock), Options.Create(new CaseOptions { SweepInterval = Interval }), NullLogger<SweepWatchdog>.Instance);
        return (watchdog, clock, db);
    }
}
