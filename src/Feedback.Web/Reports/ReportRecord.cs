using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Reports;

/// <summary>The index of rendered reports: one row per week, replaced when the week is rendered again.</summary>
public sealed class ReportRecord
{
    /// <summary>"2026-W47".</summary>
    public required string Week { get; init; }
    public DateTimeOffset GeneratedAt { get; set; }
    /// <summary>The week's folder under <see cref="ReportOptions.OutputDirectory"/>.</summary>
    public required string Directory { get; set; }
    public int PageCount { get; set; }
    /// <summary>JSON array of {name, bytes}: report.pdf, summary.png and the charts.</summary>
    public required string Files { get; set; }
    /// <summary>JSON object of indicator code to value (null = no data), for lists and trends without opening the PDF.</summary>
    public required string Figures { get; set; }
    public int RenderMilliseconds { get; set; }
}

internal static class ReportModel
{
    public static void Configure(ModelBuilder model) => model.Entity<ReportRecord>(e =>
    {
        e.ToTable("reports");
        e.HasKey(x => x.Week);
        e.Property(x => x.Week).HasMaxLength(8);
        e.Property(x => x.Directory).HasMaxLength(500);
        e.Property(x => x.Files).HasColumnType("jsonb");
        e.Property(x => x.Figures).HasColumnType("jsonb");
    });
}
