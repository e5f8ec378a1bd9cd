using System.Diagnostics;
using Feedback.Web.Admin;
using Feedback.Web.Data;
using Feedback.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Feedback.Web.Organization.Import;

public enum OrgOutcome
{
    /// <summary>Written and committed.</summary>
    Applied,
    /// <summary>Valid, and equal to what is stored: nothing to write.</summary>
    Unchanged,
    /// <summary>Problems found; nothing written.</summary>
    Invalid,
    /// <summary>Valid, but the register changed since the preview the person confirmed; nothing written.</summary>
    Stale,
    /// <summary>Checked only (--check); nothing written.</summary>
    Checked,
}

internal sealed record OrgResult(OrgPlan Plan, OrgOutcome Outcome, TimeSpan Elapsed);

/// <summary>
/// The one way the register changes: the command line's import, the admin pages, the API and the demo all hand
/// their rows to this. The whole input is validated against the register under a lock, then written in one
/// transaction with its audit entries, or not at all.
/// </summary>
internal sealed class OrgImporter(FeedbackDbContext db, AdminAudit audit, TimeProvider time, CentreTime centre, OrgDirectory? directory = null)
{
    /// <summary>Every change to the register holds this transaction-level advisory lock, so two imports never interleave.</summary>
    private const long LockKey = 0x6F7267_5245_47; // "org" "REG"

    /// <summary>Validates and works out the changes without writing anything (--check, the preview page).</summary>
    public Task<OrgResult> CheckAsync(OrgInput input, bool retireMissing, CancellationToken ct) =>
        RunAsync(input, retireMissing, actor: null, expectedDigest: null, audited: true, ct);

    /// <param name="actor">Who: a user name, apikey:NAME or cli:org import.</param>
    /// <param name="expectedDigest">The digest of the preview the person confirmed; null to apply whatever the input now means.</param>
    public Task<OrgResult> ApplyAsync(OrgInput input, bool retireMissing, string actor, string? expectedDigest, CancellationToken ct) =>
        RunAsync(input, retireMissing, actor, expectedDigest, audited: true, ct);

    /// <summary>The demo's sample organisation: the same rules and writes, without audit entries (nobody changed a real centre).</summary>
    public Task<OrgResult> SeedAsync(OrgInput input, CancellationToken ct) =>
        RunAsync(input, retireMissing: false, "demo", expectedDigest: null, audited: false, ct);

    private async Task<OrgResult> RunAsync(OrgInput input, bool retireMissing, string? actor, string? expectedDigest, bool audited, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (connection, npgsqlTransaction) = ((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
        if (actor is not null)
            await OrgWriter.ExecuteAsync(connection, npgsqlTransaction, $"SELECT pg_advisory_xact_lock({LockKey})", ct);
        var state = await OrgState.LoadAsync(connection, npgsqlTransaction, ct);
        var plan = OrgValidator.Plan(input, state, retireMissing, Now(), centre);
        var outcome = plan switch
        {
            { CanApply: false } => OrgOutcome.Invalid,
            _ when actor is null => OrgOutcome.Checked,
            _ when expectedDigest is not null && expectedDigest != plan.Digest() => OrgOutcome.Stale,
            { Changes.Count: 0 } => OrgOutcome.Unchanged,
            _ => OrgOutcome.Applied,
        };
        if (outcome == OrgOutcome.Applied)
        {
            await OrgWriter.WriteAsync(connection, npgsqlTransaction, plan, ct);
            if (audited)
                await new OrgAuditTrail(db, audit, time).WriteAsync(plan, actor!, retireMissing, connection, ct);
            await transaction.CommitAsync(ct);
            directory?.Invalidate();
        }
        return new OrgResult(plan, outcome, clock.Elapsed);
    }

    /// <summary>The clock at PostgreSQL's precision, so that a stored retired_at reads back equal.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
