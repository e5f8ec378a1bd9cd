using Feedback.Web.Cases;
using Feedback.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Sms;

/// <summary>
/// What became of one text message (an outbox row of the "sms" target): accepted by the gateway, failed (the outbox
/// retries it with back-off) or skipped with a reason (number erased, a limit reached), which is final. Written by
/// <see cref="SmsChannel"/> in the outbox's transaction. Holds the masked number and the keyed hash the limits count
/// by, never the number.
/// </summary>
public sealed class SmsMessage
{
    public long NotificationId { get; init; }
    public long CaseId { get; init; }
    /// <summary>accepted, failed or skipped; see <see cref="SmsStatuses"/>.</summary>
    public required string Status { get; set; }
    /// <summary>Why it failed (the gateway's answer, the number masked) or was skipped.</summary>
    public string? Reason { get; set; }
    public string? PhoneMasked { get; set; }
    /// <summary>The rating's keyed phone hash: the per-number limit counts by it.</summary>
    public byte[]? PhoneHash { get; set; }
    /// <summary>The gateway's id of the message, when its answer gives one.</summary>
    public string? GatewayMessageId { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
}

public static class SmsStatuses
{
    public const string Accepted = "accepted";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
}

internal static class SmsModel
{
    public static void Configure(ModelBuilder model) => model.Entity<SmsMessage>(e =>
    {
        e.ToTable("sms_messages");
        e.HasKey(x => x.NotificationId);
        e.Property(x => x.NotificationId).ValueGeneratedNever();
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.Reason).HasMaxLength(300);
        e.Property(x => x.PhoneMasked).HasMaxLength(32);
        e.Property(x => x.GatewayMessageId).HasMaxLength(100);
        e.HasOne<Notification>().WithMany().HasForeignKey(x => x.NotificationId);
        e.HasOne<RectificationCase>().WithMany().HasForeignKey(x => x.CaseId);
        e.HasIndex(x => x.CaseId);
        // The limits count what was accepted in the last 24 hours, per number and in all.
        e.HasIndex(x => new { x.PhoneHash, x.AcceptedAt }).HasFilter("accepted_at IS NOT NULL");
        e.HasIndex(x => x.AcceptedAt).HasFilter("accepted_at IS NOT NULL");
    });
}
