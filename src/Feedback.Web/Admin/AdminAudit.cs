using System.Text.Json;
using Feedback.Web.Data;

namespace Feedback.Web.Admin;

/// <summary>
/// Records set-up changes in the admin audit log. Entries are added to the caller's DbContext, so they commit in
/// the same SaveChanges (one transaction) as the change they describe, or not at all.
/// </summary>
public sealed class AdminAudit(FeedbackDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="before">The record before the change (null when created); serialised as camelCase JSON.</param>
    /// <param name="after">The record after the change (null when nothing remains).</param>
    public void Record(string actor, string entityKind, string entityKey, string action, object? before, object? after) =>
        db.AdminAudit.Add(new AdminAuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            EntityKind = entityKind,
            EntityKey = entityKey,
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
}
