using Feedback.Web.Accounts;
using Feedback.Web.ApiKeys;
using Feedback.Web.Cases;
using Feedback.Web.Classification;
using Feedback.Web.Evaluations;
using Feedback.Web.Notifications;
using Feedback.Web.Organization;
using Feedback.Web.Qr;
using Feedback.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Data;

public sealed class FeedbackDbContext(DbContextOptions<FeedbackDbContext> options) : DbContext(options)
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<ServiceWindow> Windows => Set<ServiceWindow>();
    public DbSet<Staff> Staff => Set<Staff>();
    public DbSet<ServiceItem> ServiceItems => Set<ServiceItem>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();
    public DbSet<ThemeCorrection> ThemeCorrections => Set<ThemeCorrection>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<User> Users => Set<User>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<EndedSession> EndedSessions => Set<EndedSession>();
    public DbSet<RectificationCase> Cases => Set<RectificationCase>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CaseAlert> CaseAlerts => Set<CaseAlert>();
    public DbSet<Cases.Attachments.CaseAttachment> CaseAttachments => Set<Cases.Attachments.CaseAttachment>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<InboxRead> InboxReads => Set<InboxRead>();
    public DbSet<Sms.SmsMessage> SmsMessages => Set<Sms.SmsMessage>();
    public DbSet<QrDevice> QrDevices => Set<QrDevice>();
    public DbSet<ReportRecord> Reports => Set<ReportRecord>();
    public DbSet<Admin.AdminAuditEntry> AdminAudit => Set<Admin.AdminAuditEntry>();
    public DbSet<Organization.Import.OrgUpload> OrgUploads => Set<Organization.Import.OrgUpload>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        OrgModel.Configure(model);
        model.Entity<Evaluation>(ConfigureEvaluation);
        model.Entity<ApiKey>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Scope).HasMaxLength(16);
            e.HasIndex(x => x.KeyHash).IsUnique();
            e.HasIndex(x => x.Name).IsUnique();
        });
        model.Entity<AppSecret>().HasKey(x => x.Name);
        model.Entity<DataProtectionKey>();
        model.Entity<ThemeCorrection>(e =>
        {
            e.Property(x => x.FromTheme).HasMaxLength(32);
            e.Property(x => x.ToTheme).HasMaxLength(32);
            e.Property(x => x.CorrectedBy).HasMaxLength(100);
            e.HasOne<Evaluation>().WithMany().HasForeignKey(x => x.EvaluationId);
        });
        model.Entity<User>(e =>
        {
            e.Property(x => x.UserName).HasMaxLength(64);
            e.Property(x => x.DisplayName).HasMaxLength(100);
            e.Property(x => x.Role).HasMaxLength(32);
            e.Property(x => x.DepartmentCode).HasMaxLength(32);
            e.HasIndex(x => x.UserName).IsUnique();
            e.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentCode);
        });
        model.Entity<SignInFailure>(e =>
        {
            e.HasKey(x => new { x.UserName, x.Address });
            e.Property(x => x.UserName).HasMaxLength(64);
            e.Property(x => x.Address).HasMaxLength(64);
            e.HasIndex(x => x.UpdatedAt);
        });
        model.Entity<EndedSession>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.ExpiresAt);
        });
        CaseModel.Configure(model);
        NotificationModel.Configure(model);
        Sms.SmsModel.Configure(model);
        model.Entity<QrDevice>(e =>
        {
            e.HasKey(x => new { x.DeviceId, x.Place });
            e.Property(x => x.Place).HasMaxLength(80);
        });
        ReportModel.Configure(model);
        Admin.AdminAuditModel.Configure(model);
    }

    private static void ConfigureEvaluation(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Evaluation> e)
    {
        // Codes are checked against the organisation when a rating is validated; foreign keys would add
        // four index probes to every insert on the ingestion hot path for no extra safety.
        // Compared byte-wise: case numbers are identifiers, and the unique index below costs the import about a
        // third less per row than with the database's linguistic collation.
        e.Property(x => x.CaseNumber).HasMaxLength(64).UseCollation("C");
        e.Property(x => x.Channel).HasMaxLength(16);
        e.Property(x => x.Comment).HasMaxLength(1000);
        e.Property(x => x.DepartmentCode).HasMaxLength(32);
        e.Property(x => x.WindowCode).HasMaxLength(32);
        e.Property(x => x.StaffCode).HasMaxLength(32);
        e.Property(x => x.ServiceItemCode).HasMaxLength(32);
        e.Property(x => x.RaterName).HasMaxLength(50);
        e.Property(x => x.RaterPhoneMasked).HasMaxLength(32);
        e.Property(x => x.ReasonCodes).HasDefaultValueSql("'{}'");
        e.Property(x => x.Theme).HasMaxLength(32);
        e.Property(x => x.ThemeSecond).HasMaxLength(32);
        e.Property(x => x.ThemeThird).HasMaxLength(32);
        e.Property(x => x.CorrectedTheme).HasMaxLength(32);
        e.Property(x => x.ThemeSignal).HasMaxLength(32);
        e.Property(x => x.ModelVersion).HasMaxLength(64);
        e.Property(x => x.Polarity).HasMaxLength(16);
        e.Property(x => x.PolarityModelVersion).HasMaxLength(64);
        e.Property(x => x.NeedsReview).HasDefaultValue(false);
        // One first rating and one follow-up per transaction: retries and re-imports become no-ops.
        e.HasIndex(x => new { x.CaseNumber, x.AssessNumber }).IsUnique().HasFilter("case_number IS NOT NULL");
        // Ratings arrive roughly in time order, so a BRIN index serves weekly ranges at almost no cost per insert;
        // list filters by department ride the primary key's order instead of a third B-tree on the hot path.
        e.HasIndex(x => x.EvaluatedAt).HasMethod("brin");
        e.ToTable(t =>
        {
            t.HasCheckConstraint("ck_evaluations_rating", "rating BETWEEN 1 AND 5");
            t.HasCheckConstraint("ck_evaluations_assess_number", "assess_number IN (1, 2)");
        });
    }
}
