using Feedback.Web.Evaluations;
using Feedback.Web.Organization;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Cases;

internal static class CaseModel
{
    private const string RunningFilter = $"state IN ('{CaseStates.Open}', '{CaseStates.InProgress}')";

    public static void Configure(ModelBuilder model)
    {
        model.Entity<RectificationCase>(e =>
        {
            e.ToTable("cases", t => t.HasCheckConstraint("ck_cases_state", $"state IN ({string.Join(", ", CaseStates.All.Select(s => $"'{s}'"))})"));
            e.Property(x => x.DepartmentCode).HasMaxLength(32);
            e.Property(x => x.State).HasMaxLength(32);
            e.Property(x => x.ReplyNote).HasMaxLength(2000);
            e.Property(x => x.FollowUpChannel).HasMaxLength(16);
            e.Property(x => x.Version).IsRowVersion();
            e.Ignore(x => x.IsOverdue);
            // Exactly one case per rating, whichever path stored it.
            e.HasIndex(x => x.EvaluationId).IsUnique();
            e.HasOne<Evaluation>().WithMany().HasForeignKey(x => x.EvaluationId);
            e.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentCode);
            // The deadline sweep reads only cases with an alert pending, earliest first.
            e.HasIndex(x => x.NextAlertAt).HasFilter("next_alert_at IS NOT NULL");
            e.HasIndex(x => new { x.DepartmentCode, x.State });
            // The workbench counts each state on its own, up to a cap (CaseListSql.Counts): from the state's first entry,
            // and with an extension request waiting from the few cases that have one.
            e.HasIndex(x => new { x.State, x.DepartmentCode });
            e.HasIndex(x => new { x.State, x.DepartmentCode }, "ix_cases_extension_requested").HasDatabaseName("ix_cases_extension_requested")
                .HasFilter("requested_extension_days IS NOT NULL");
            // Keyset pages of the workbench: running cases by deadline, all cases by when they were received, each
            // for the whole centre and for one department.
            e.HasIndex(x => new { x.DueAt, x.Id }).HasFilter(RunningFilter);
            e.HasIndex(x => new { x.DepartmentCode, x.DueAt, x.Id }).HasFilter(RunningFilter);
            e.HasIndex(x => new { x.OpenedAt, x.Id });
            e.HasIndex(x => new { x.DepartmentCode, x.OpenedAt, x.Id });
            e.HasIndex(x => x.AssigneeId).HasFilter("assignee_id IS NOT NULL");
            e.HasOne<Accounts.User>().WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<Attachments.CaseAttachment>(e =>
        {
            e.ToTable("case_attachments");
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(64);
            e.Property(x => x.UploadedBy).HasMaxLength(100);
            e.HasIndex(x => x.CaseId);
            e.HasOne<RectificationCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        // The audit log is append-only in the database too: the Initial migration installs a trigger refusing UPDATE, DELETE, TRUNCATE.
        model.Entity<CaseEvent>(e =>
        {
            e.Property(x => x.Actor).HasMaxLength(100);
            e.Property(x => x.ActorRole).HasMaxLength(32);
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.FromState).HasMaxLength(32);
            e.Property(x => x.ToState).HasMaxLength(32);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => new { x.CaseId, x.Id });
            e.HasOne<RectificationCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<CaseAlert>(e =>
        {
            e.HasKey(x => new { x.CaseId, x.Kind, x.DueAt });
            e.Property(x => x.Kind).HasMaxLength(32);
            e.HasOne<RectificationCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
