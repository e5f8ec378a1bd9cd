using System.Text.Json;
using Feedback.Web.Data;
using Feedback.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Feedback.Web.Reports;

/// <summary>The reports table: one row per rendered week.</summary>
internal sealed class ReportIndex(FeedbackDbContext db)
{
    /// <summary>Indexes a rendered week and queues <paramref name="notices"/> in the same transaction: announced exactly when listed.</summary>
    public async Task SaveAsync(RenderedReport rendered, string directory, IReadOnlyCollection<Notification> notices, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var files = JsonSerializer.Serialize(rendered.Files.Select(f => new { name = f.Name, bytes = f.Bytes }));
        var values = JsonSerializer.Serialize(Indicators.All.ToDictionary(i => i.Code, i => i.Compute(rendered.Report.Current)));
        var week = rendered.Week.ToString();
        var milliseconds = (int)(rendered.QueryTime + rendered.RenderTime).TotalMilliseconds;
        // An upsert, so a re-render (or two at once) replaces the row instead of failing on the key.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO reports (week, generated_at, directory, page_count, files, figures, render_milliseconds)
            VALUES ({week}, {rendered.Report.GeneratedAt.ToUniversalTime()}, {directory}, {rendered.PageCount}, {files}::jsonb, {values}::jsonb, {milliseconds})
            ON CONFLICT (week) DO UPDATE SET generated_at = excluded.generated_at, directory = excluded.directory, page_count = excluded.page_count,
                files = excluded.files, figures = excluded.figures, render_milliseconds = excluded.render_milliseconds
            """, ct);
        await OutboxWriter.AddAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction(), notices, ct);
        await transaction.CommitAsync(ct);
    }

    public Task<List<ReportRecord>> ListAsync(CancellationToken ct) => db.Reports.AsNoTracking().OrderByDescending(r => r.Week).ToListAsync(ct);

    public Task<ReportRecord?> FindAsync(ReportWeek week, CancellationToken ct) => db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Week == week.ToString(), ct);

    public async Task<HashSet<ReportWeek>> WeeksAsync(CancellationToken ct) =>
        [.. (await db.Reports.Select(r => r.Week).ToListAsync(ct)).Select(ReportWeek.Parse)];
}
