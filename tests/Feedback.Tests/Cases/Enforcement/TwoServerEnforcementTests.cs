using Feedback.Tests.Infrastructure;

namespace Feedback.Tests.Cases.Enforcement;

/// <summary>
/// Two Hangfire servers on one database share the deadline sweep (Hangfire's distributed lock, then row locks):
/// each reminder and escalation still happens exactly once and within 30 s of its time.
/// </summary>
public sealed class TwoServerEnforcementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Alerts_TwoServersOnOneDatabase_HappenExactlyOnceWithin30Seconds()
    {
        var db = await EnforcementDatabase.CreateAsync("enforce_two", Ct);
        await using var first = await WebProcess.StartServerAsync(db.ConnectionString, Ct, EnforcementDatabase.ServerEnvironment);
        await using var second = await WebProcess.StartServerAsync(db.ConnectionString, Ct, EnforcementDatabase.ServerEnvironment);
        var openedAt = await db.OpenCasesAsync(Ct);

        await db.WaitForEscalationsAsync(openedAt, Ct);

        await db.AssertEnforcedOnceAsync(Ct);
    }
}
