using Feedback.Tests.Infrastructure;

namespace Feedback.Tests.Cases.Enforcement;

/// <summary>
/// A real Hangfire server (a separate process, default 10 s sweep) on the test PostgreSQL enforces deadlines that
/// fall due during the test, across a graceful restart and a kill -9: each reminder and escalation happens exactly
/// once and within 30 s of its time.
/// </summary>
public sealed class DeadlineEnforcementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Alerts_ServerRestartedThenKilled_HappenExactlyOnceWithin30Seconds()
    {
        var db = await EnforcementDatabase.CreateAsync("enforce_restart", Ct);
        var server = await WebProcess.StartServerAsync(db.ConnectionString, Ct, EnforcementDatabase.ServerEnvironment);
        var openedAt = await db.OpenCasesAsync(Ct);
        try
        {
            await DelayUntilAsync(openedAt + TimeSpan.FromSeconds(55));
            await server.StopAsync();
            await server.DisposeAsync();
            server = await WebProcess.StartServerAsync(db.ConnectionString, Ct, EnforcementDatabase.ServerEnvironment);
            await DelayUntilAsync(openedAt + TimeSpan.FromSeconds(88));
            await server.KillAsync();
            await server.DisposeAsync();
            server = await WebProcess.StartServerAsync(db.ConnectionString, Ct, EnforcementDatabase.ServerEnvironment);
            await db.WaitForEscalationsAsync(openedAt, Ct);
        }
        finally
        {
            await server.DisposeAsync();
        }
        await db.AssertEnforcedOnceAsync(Ct);
    }

    private static async Task DelayUntilAsync(DateTimeOffset at)
    {
        var wait = at - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, Ct);
    }
}
