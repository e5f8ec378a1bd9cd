using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Admin;

/// <summary>
/// One change to the centre's set-up (organisation, people, API keys): who, when, what, and the record before and
/// after as JSON. Append-only in the database, like the case audit log.
/// </summary>
public sealed class AdminAuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>The person (user name), an API key (apikey:NAME) or a command (cli:org import).</summary>
    public required string Actor { get; init; }
    /// <summary>department, window, staff, service_item, user, api_key, org_import.</summary>
    public required string EntityKind { get; init; }
    /// <summary>The record's code, user name or key name.</summary>
    public required string EntityKey { get; init; }
    /// <summary>created, updated, retired, restored, disabled, enabled, password_reset, revoked, imported.</summary>
    public required string Action { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
}

internal static class AdminAuditModel
{
    public static void Configure(ModelBuilder model) => model.Entity<AdminAuditEntry>(e =>
    {
        e.ToTable("admin_audit");
        e.Property(x => x.Actor).HasMaxLength(100);
        e.Property(x => x.EntityKind).HasMaxLength(32);
        e.Property(x => x.EntityKey).HasMaxLength(100);
        e.Property(x => x.Action).HasMaxLength(32);
        e.Property(x => x.Before).HasColumnType("jsonb");
        e.Property(x => x.After).HasColumnType("jsonb");
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.EntityKind, x.EntityKey });
    });
}
