using Feedback.Web.Organization.Import;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Organization;

/// <summary>The register's tables. Codes are keys and never change; names and the rest may, history keeps the code.</summary>
internal static class OrgModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<Department>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(OrgLayout.CodeLength);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.CreditCode).HasMaxLength(CreditCode.Length);
            e.Property(x => x.AreaCode).HasMaxLength(6);
        });
        model.Entity<ServiceWindow>(e =>
        {
            e.ToTable("windows");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(OrgLayout.CodeLength);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Number).HasMaxLength(16);
            e.Property(x => x.Hall).HasMaxLength(50);
            e.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentCode);
        });
        model.Entity<Staff>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(OrgLayout.CodeLength);
            e.Property(x => x.Name).HasMaxLength(50);
            e.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentCode);
            e.HasOne<ServiceWindow>().WithMany().HasForeignKey(x => x.WindowCode);
        });
        model.Entity<ServiceItem>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(OrgLayout.CodeLength);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Kind).HasMaxLength(16).HasDefaultValue(ServiceItemKinds.Immediate);
            e.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentCode);
            e.ToTable(t => t.HasCheckConstraint("ck_service_items_promised_days",
                $"(kind = '{ServiceItemKinds.Immediate}' AND promised_days IS NULL) OR (kind = '{ServiceItemKinds.Promised}' AND promised_days BETWEEN 1 AND {ServiceItemKinds.MaxPromisedDays})"));
        });
        model.Entity<OrgUpload>(e =>
        {
            e.ToTable("org_uploads");
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.UploadedBy).HasMaxLength(100);
        });
    }
}
