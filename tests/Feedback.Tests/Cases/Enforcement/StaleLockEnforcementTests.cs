using Feedback.Tests.Infrastructure;

namespace Feedback.Tests.Cases.Enforcement;

/// <summary>
/// A server killed while holding Hangfire's recurring-jobs lock leaves the lock row behind. The deadline sweep and the
/// outbox delivery run on each server's own timer, so such a row does not delay a reminder or an escalation.
/// </summary>
public sealed class StaleLockEnforcementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Alerts_RecurringJobsLockLeftByADeadServer_StillHappenOnceWithin30Seconds()
    {
        var db = await EnforcementDatabase.CreateAsync("enforce_stale", Ct);
        // A 2 s sweep, so that cases due within half a minute get each of their alerts in a pass of its own.
        var environment = new Dictionary<string, string>(EnforcementDatabase.ServerEnvironment) { ["Cases__SweepInterval"] = "00:00:02" };
        await using var server = await WebProcess.StartServerAsync(db.ConnectionString, Ct, environment);
        // The job server starts once the database is ready, just after /health turns healthy: wait for its tables.
        for (var i = 0; i < 300 && await db.CountAsync("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'hangfire' AND table_name = 'lock' AND column_name = 'acquired'", Ct) == 0; i++)
            await Task.Delay(100, Ct);
        await db.ExecuteAsync("""
            INSERT INTO hangfire.lock (resource, updatecount, acquired) VALUES ('hangfire:recurring-jobs:lock', 0, now())
            ON CONFLICT (resource) DO UPDATE SET acquired = now()
            """, Ct);
        var openedAt = await db.OpenCasesAsync(TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(24), Ct);

        await db.WaitForEscalationsAsync(openedAt, Ct);

        Assert.Equal(1, await db.CountAsync("SELECT count(*) FROM hangfire.lock WHERE resource = 'hangfire:recurring-jobs:lock'", Ct));
        await db.AssertEnforcedOnceAsync(Ct);
    }
}
