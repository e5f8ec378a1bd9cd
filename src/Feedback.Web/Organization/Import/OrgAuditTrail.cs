using System.Text.Encodings.Web;
using System.Text.Json;
using Feedback.Web.Admin;
using Feedback.Web.Data;
using Npgsql;
using NpgsqlTypes;

namespace Feedback.Web.Organization.Import;

/// <summary>
/// An admin audit entry per changed record (before and after), and for a file one entry for the import itself. Up to
/// <see cref="BulkFrom"/> entries go through <see cref="AdminAudit"/> and commit with the caller's SaveChanges; a
/// province's first import (75,000 entries) is copied in binary instead, in the same transaction, with the same JSON.
/// </summary>
internal sealed class OrgAuditTrail(FeedbackDbContext db, AdminAudit audit, TimeProvider time)
{
    public const int BulkFrom = 500;
    public const string ImportKind = "org_import";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task WriteAsync(OrgPlan plan, string actor, bool retireMissing, NpgsqlConnection connection, CancellationToken ct)
    {
        if (plan.Changes.Count < BulkFrom)
        {
            foreach (var change in plan.Changes)
                audit.Record(actor, OrgLayout.Of(change.Kind).AuditKind, change.Code, Action(change.Action), change.Before, change.After);
        }
        else
        {
            await CopyAsync(plan.Changes, actor, connection, ct);
        }
        if (plan.Input.FileName is { } file)
        {
            audit.Record(actor, ImportKind, file, "imported", null, new
            {
                file,
                retireMissing,
                added = plan.Count(OrgAction.Created),
                changed = plan.Count(OrgAction.Updated),
                retired = plan.Count(OrgAction.Retired),
                restored = plan.Count(OrgAction.Restored),
                unchanged = plan.Unchanged,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task CopyAsync(IReadOnlyList<OrgChange> changes, string actor, NpgsqlConnection connection, CancellationToken ct)
    {
        var at = time.GetUtcNow().UtcDateTime;
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY admin_audit (at, actor, entity_kind, entity_key, action, before, after) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var change in changes)
        {
            await writer.StartRowAsync(ct);
            writer.Write(at, NpgsqlDbType.TimestampTz);
            writer.Write(actor, NpgsqlDbType.Text);
            writer.Write(OrgLayout.Of(change.Kind).AuditKind, NpgsqlDbType.Text);
            writer.Write(change.Code, NpgsqlDbType.Text);
            writer.Write(Action(change.Action), NpgsqlDbType.Text);
            if (change.Before is null)
                writer.WriteNull();
            else
                writer.Write(JsonSerializer.Serialize(change.Before, change.Before.GetType(), Json), NpgsqlDbType.Jsonb);
            writer.Write(JsonSerializer.Serialize(change.After, change.After.GetType(), Json), NpgsqlDbType.Jsonb);
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>The audit log's verbs (see <see cref="AdminAuditEntry.Action"/>).</summary>
    public static string Action(OrgAction action) => action switch
    {
        OrgAction.Created => "created",
        OrgAction.Updated => "updated",
        OrgAction.Retired => "retired",
        _ => "restored",
    };
}
