using Feedback.Web.Cases;
using Feedback.Web.Infrastructure;
using Feedback.Web.Departments;
using Feedback.Web.Reports;
using Npgsql;

namespace Feedback.Web.Overview;

/// <summary>
/// Reads a <see cref="CentreOverview"/> over [Monday 00:00, now) and the same stretch a week earlier: ratings counted by
/// the report's definitions from <see cref="RatingHours"/> (tested against the report on the same data), cases with
/// the report's own statement (<see cref="WeeklyQueries.CaseWeeksAsync"/>); only the cases owed now are counted here,
/// as the department overview counts them.
/// </summary>
internal sealed class CentreOverviewQuery(WeeklyQueries weekly, RatingHours hours, NpgsqlDataSource dataSource, CentreTime centre, TimeProvider time)
{
    public async Task<CentreOverview> ReadAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var week = ReportWeek.Containing(now);
        var sameTimeLastWeek = now.AddDays(-7);
        var cases = weekly.CaseWeeksAsync(week.Start, now, null, ct);
        var casesBefore = weekly.CaseWeeksAsync(week.Previous.Start, sameTimeLastWeek, null, ct);
        var load = LoadAsync(now, centre.EndOfDay(now), ct);
        // The case statements run meanwhile; the rating counts read the hours once they are recounted.
        await hours.PrepareAsync(ct);
        var ratings = hours.CountsAsync(week.Start, now, ct);
        var ratingsBefore = hours.CountsAsync(week.Previous.Start, sameTimeLastWeek, ct);
        var names = await weekly.NamesAsync(ct);
        await Task.WhenAll(ratings, ratingsBefore, cases, casesBefore, load);

        WeekCounts Counts(List<BreakdownRow> rows, List<(int Week, string? Department, WeekCounts Counts)> caseRows, string? department) =>
            WeeklyFigures.Merge(
                rows.SingleOrDefault(r => department is null ? r.Set == BreakdownSets.Whole : r.Set == BreakdownSets.ByDepartment && r.Department == department)?.Counts
                    ?? WeekCounts.Empty,
                caseRows.FirstOrDefault(c => c.Week == 0 && c.Department == department).Counts ?? WeekCounts.Empty);

        var heads = names.Heads.ToDictionary(h => h.Code, h => h.Name);
        var departments = names.Departments.OrderBy(d => d.Code, StringComparer.Ordinal)
            .Select(d => new DepartmentLine(d.Code, d.Name, heads.GetValueOrDefault(d.Code),
                Counts(ratings.Result, cases.Result, d.Code), Counts(ratingsBefore.Result, casesBefore.Result, d.Code), load.Result.GetValueOrDefault(d.Code) ?? CaseLoad.None))
            .ToList();
        return new CentreOverview(week, now, Counts(ratings.Result, cases.Result, null), Counts(ratingsBefore.Result, casesBefore.Result, null),
            load.Result.Values.Aggregate(CaseLoad.None, (sum, l) => sum + l), departments);
    }

    /// <summary>Cases owed now (待核实, 整改中) per department: all, due before the local day ends and not overdue, overdue.</summary>
    private async Task<Dictionary<string, CaseLoad>> LoadAsync(DateTimeOffset now, DateTimeOffset dayEnds, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT department_code, count(*)::int,
                   count(*) FILTER (WHERE escalated_at IS NULL AND due_at >= $1 AND due_at < $2)::int,
                   count(*) FILTER (WHERE escalated_at IS NOT NULL OR due_at < $1)::int
            FROM cases WHERE state = ANY($3) GROUP BY department_code
            """);
        command.Parameters.Add(new() { Value = now.ToUniversalTime() });
        command.Parameters.Add(new() { Value = dayEnds.ToUniversalTime() });
        command.Parameters.Add(new() { Value = new[] { CaseStates.Open, CaseStates.InProgress } });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var load = new Dictionary<string, CaseLoad>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
            load[reader.GetString(0)] = new CaseLoad(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
        return load;
    }
}

/// <summary>The overview and its charts, read at most once a minute however many leaders look: the figures are "so far" anyway.</summary>
internal sealed class CentreOverviewCache(CentreOverviewQuery query, ReportFonts fonts, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Entry? _entry;

    public async Task<CachedOverview> GetAsync(CancellationToken ct)
    {
        if (Fresh() is { } cached)
            return cached;
        await _gate.WaitAsync(ct);
        try
        {
            if (Fresh() is { } again)
                return again;
            var overview = await query.ReadAsync(ct);
            var font = fonts.For(OverviewCharts.Texts(overview));
            var value = new CachedOverview(overview, OverviewCharts.GoodRates(overview, font), OverviewCharts.Cases(overview, font));
            _entry = new Entry(value, time.GetUtcNow() + Lifetime);
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private CachedOverview? Fresh() => _entry is { } e && time.GetUtcNow() < e.Until ? e.Value : null;

    private sealed record Entry(CachedOverview Value, DateTimeOffset Until);
}

/// <summary>The overview with its two charts as SVG documents.</summary>
internal sealed record CachedOverview(CentreOverview Overview, string GoodRatesSvg, string CasesSvg);
