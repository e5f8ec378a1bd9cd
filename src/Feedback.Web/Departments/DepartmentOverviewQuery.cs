using Feedback.Web.Cases;
using Feedback.Web.Data;
using Feedback.Web.Infrastructure;
using Feedback.Web.Organization;
using Feedback.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Departments;

/// <summary>
/// Reads a <see cref="DepartmentOverview"/>. The week's figures come from the weekly report's own statements scoped to
/// the department (<see cref="WeeklyQueries"/>), so they cannot drift from the report; only the cases owed now are
/// counted here.
/// </summary>
internal sealed class DepartmentOverviewQuery(FeedbackDbContext db, WeeklyQueries weekly, CentreTime centre, TimeProvider time)
{
    private static readonly string[] Running = [CaseStates.Open, CaseStates.InProgress];

    public Task<List<Department>> DepartmentsAsync(CancellationToken ct) => db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);

    /// <summary>The overview of the week containing now; null for an unknown department.</summary>
    public async Task<DepartmentOverview?> ReadAsync(string code, CancellationToken ct)
    {
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct);
        if (department is null)
            return null;
        var now = time.GetUtcNow();
        var (week, dayEnds) = (ReportWeek.Containing(now), centre.EndOfDay(now));
        // The report's statements run on their own connections while EF reads the cases and the organisation.
        var ratings = weekly.BreakdownAsync(week.Start, week.End, 0, code, ct);
        var cases = weekly.CaseWeeksAsync(week.Start, week.End, code, ct);
        var load = await LoadAsync(code, now, dayEnds, ct);
        var windows = await WindowsAsync(code, ct);
        var staff = await StaffAsync(code, windows, ct);
        var rows = await ratings;
        var caseCounts = (await cases).FirstOrDefault(c => c.Week == 0 && c.Department == code).Counts ?? WeekCounts.Empty;
        var rated = rows.SingleOrDefault(r => r.Set == BreakdownSets.ByDepartment && r.Department == code)?.Counts ?? WeekCounts.Empty;
        return new DepartmentOverview(
            department.Code, department.Name, week, now, DateOnly.FromDateTime(centre.ToLocal(now)), dayEnds,
            load.Aggregate(CaseLoad.None, (sum, l) => sum + l.Load),
            WeeklyFigures.Merge(rated, caseCounts),
            Units(windows, rows, BreakdownSets.ByWindow, r => r.Window, load, l => l.Window),
            Units(staff, rows, BreakdownSets.ByStaff, r => r.Staff, load, l => l.Staff),
            [.. rows.Where(r => r.Set == BreakdownSets.ByDepartmentTheme && r.Theme is not null && r.Counts.Bad > 0)
                .OrderByDescending(r => r.Counts.Bad).ThenBy(r => r.Theme, StringComparer.Ordinal).Select(r => new ThemeTally(r.Theme!, r.Counts.Bad))]);
    }

    /// <summary>Running cases per window and staff member of the rating that opened them.</summary>
    private Task<List<LoadRow>> LoadAsync(string code, DateTimeOffset now, DateTimeOffset dayEnds, CancellationToken ct) => db.Cases.AsNoTracking()
        .Where(c => c.DepartmentCode == code && Running.Contains(c.State))
        .Join(db.Evaluations, c => c.EvaluationId, e => e.Id, (c, e) => new { e.WindowCode, e.StaffCode, c.DueAt, c.EscalatedAt })
        .GroupBy(x => new { x.WindowCode, x.StaffCode })
        .Select(g => new LoadRow(g.Key.WindowCode, g.Key.StaffCode, new CaseLoad(
            g.Count(),
            g.Count(x => x.EscalatedAt == null && x.DueAt >= now && x.DueAt < dayEnds),
            g.Count(x => x.EscalatedAt != null || x.DueAt < now))))
        .ToListAsync(ct);

    private async Task<List<UnitName>> WindowsAsync(string code, CancellationToken ct) =>
    [
        .. (await db.Windows.AsNoTracking().Where(w => w.DepartmentCode == code).ToListAsync(ct))
            .OrderBy(w => w.Number, StringComparer.Ordinal).ThenBy(w => w.Code, StringComparer.Ordinal)
            .Select(w => new UnitName(w.Code, $"{w.Number} {w.Name}", null)),
    ];

    private async Task<List<UnitName>> StaffAsync(string code, List<UnitName> windows, CancellationToken ct)
    {
        var order = windows.Select((w, i) => (w.Code, i)).ToDictionary(w => w.Code, w => w.i);
        var labels = windows.ToDictionary(w => w.Code, w => w.Name);
        return [.. (await db.Staff.AsNoTracking().Where(s => s.DepartmentCode == code).ToListAsync(ct))
            .OrderBy(s => s.WindowCode is { } w && order.TryGetValue(w, out var i) ? i : int.MaxValue).ThenBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new UnitName(s.Code, s.Name, s.WindowCode is { } w ? labels.GetValueOrDefault(w, w) : null))];
    }

    /// <summary>The organisation's units in their order, then any code met only in the data (moved or removed since).</summary>
    private static List<UnitOverview> Units(List<UnitName> known, List<BreakdownRow> rows, int set,
        Func<BreakdownRow, string?> key, List<LoadRow> load, Func<LoadRow, string?> loadKey)
    {
        var rated = rows.Where(r => r.Set == set && key(r) is not null).ToDictionary(r => key(r)!, r => r.Counts);
        var owed = load.Where(l => loadKey(l) is not null).GroupBy(l => loadKey(l)!)
            .ToDictionary(g => g.Key, g => g.Aggregate(CaseLoad.None, (sum, l) => sum + l.Load));
        var others = rated.Keys.Union(owed.Keys).Except(known.Select(u => u.Code)).Order(StringComparer.Ordinal).Select(c => new UnitName(c, c, null));
        return [.. known.Concat(others).Select(u => new UnitOverview(u.Code, u.Name, u.Window,
            rated.GetValueOrDefault(u.Code) ?? WeekCounts.Empty, owed.GetValueOrDefault(u.Code) ?? CaseLoad.None))];
    }

    private sealed record UnitName(string Code, string Name, string? Window);

    private sealed record LoadRow(string? Window, string? Staff, CaseLoad Load);
}
