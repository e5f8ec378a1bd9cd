using Feedback.Web.Accounts;
using Feedback.Web.Cases;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Notifications;

internal static class NotificationModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<Notification>(e =>
        {
            e.Property(x => x.EventKey).HasMaxLength(200);
            e.Property(x => x.Target).HasMaxLength(100);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.DepartmentCode).HasMaxLength(32);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Body).HasMaxLength(2000);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.HasIndex(x => new { x.EventKey, x.Target }).IsUnique();
            // The delivery job reads only what is still undelivered, oldest attempt first.
            e.HasIndex(x => x.NextAttemptAt).HasFilter("delivered_at IS NULL");
        });
        model.Entity<InboxMessage>(e =>
        {
            e.Property(x => x.Role).HasMaxLength(32);
            e.Property(x => x.DepartmentCode).HasMaxLength(32);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Body).HasMaxLength(2000);
            e.HasIndex(x => x.NotificationId).IsUnique();
            e.HasIndex(x => new { x.Role, x.DepartmentCode, x.Id });
            e.HasIndex(x => new { x.UserId, x.Id }).HasFilter("user_id IS NOT NULL");
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Notification>().WithMany().HasForeignKey(x => x.NotificationId);
            e.HasOne<RectificationCase>().WithMany().HasForeignKey(x => x.CaseId);
        });
        model.Entity<InboxRead>(e =>
        {
            e.HasKey(x => new { x.MessageId, x.UserId });
            e.HasOne<InboxMessage>().WithMany().HasForeignKey(x => x.MessageId);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId);
        });
    }
}
