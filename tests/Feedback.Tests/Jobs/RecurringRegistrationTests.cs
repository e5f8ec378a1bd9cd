using Feedback.Tests.Cases.Enforcement;
using Feedback.Tests.Infrastructure;

namespace Feedback.Tests.Jobs;

/// <summary>
/// A process killed while registering the weekly report leaves Hangfire's lock on it behind. The next process must still
/// start and serve (it used to fail with "Hosting failed to start"), and register the schedule once the lock is gone.
/// </summary>
public sealed class RecurringRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_WeeklyReportLockLeftByADeadProcess_ServesAndSchedulesOnceTheLockIsGone()
    {
        var db = await EnforcementDatabase.CreateAsync("schedule_lock", Ct);
        await using (await WebProcess.StartServerAsync(db.ConnectionString, Ct, EnforcementDatabase.ServerEnvironment))
        {
            await WaitAsync("the first schedule", () => db.CountAsync("SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value = 'weekly-report'", Ct), Ct);
        }
        await db.ExecuteAsync("""
            DELETE FROM hangfire.set WHERE key = 'recurring-jobs' AND value = 'weekly-report';
            DELETE FROM hangfire.hash WHERE key = 'recurring-job:weekly-report';
            INSERT INTO hangfire.lock (resource, updatecount, acquired) VALUES ('hangfire:lock:recurring-job:weekly-report', 0, now())
            ON CONFLICT (resource) DO UPDATE SET acquired = now();
            """, Ct);

        await using var server = await WebProcess.StartServerAsync(db.ConnectionString, Ct, EnforcementDatabase.ServerEnvironment);
        await WaitAsync("the warning", () => Task.FromResult(server.Log.Count(line => line.Contains("Could not schedule the weekly report yet", StringComparison.Ordinal)) > 0 ? 1L : 0L), Ct);
        await db.ExecuteAsync("DELETE FROM hangfire.lock WHERE resource = 'hangfire:lock:recurring-job:weekly-report'", Ct);
        await WaitAsync("the schedule after the lock", () => db.CountAsync("SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value = 'weekly-report'", Ct), Ct);

        Assert.False(server.HasExited);
    }

    /// <summary>Polls a real server's progress for at most a minute.</summary>
    private static async Task WaitAsync(string what, Func<Task<long>> count, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        while (await count() == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(200, ct);
        }
    }
}
