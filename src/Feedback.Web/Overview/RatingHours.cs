using Feedback.Web.Reports;
using Npgsql;

namespace Feedback.Web.Overview;

/// <summary>
/// The overview's rating counts of a stretch of time, per department, as <see cref="WeeklyQueries.DepartmentCountsAsync"/>
/// returns them, but read from rating_hours (first ratings counted per hour and department) for the whole hours and
/// from the ratings themselves for the hour under way and the edges: a few hundred small rows instead of a million.
/// The writer does not maintain the table (ingestion pays nothing): every read recounts the last hours first, which
/// covers ratings as they arrive, and <see cref="RatingHoursRefresh"/> recounts both weeks every
/// <see cref="FullRefreshInterval"/>, which covers late uploads, imports and reclassified ratings. 差评 are counted
/// live: low ratings minus those whose case is judged invalid now (few rows, through the cases' opened_at index).
/// </summary>
internal sealed class RatingHours(NpgsqlDataSource dataSource, TimeProvider time)
{
    public static readonly TimeSpan FullRefreshInterval = TimeSpan.FromMinutes(10);
    // Recounted on every read: ratings arrive within seconds, a terminal back online within these hours.
    private static readonly TimeSpan RecentHours = TimeSpan.FromHours(2);
    private const long RefreshLock = 0x4645_4544_484f_5552; // "FEEDHOUR"
    // UTC ticks of the last full recount; the timer writes it while requests read it, hence Volatile (a DateTimeOffset could tear).
    private long _fullAt;

    private const string Counts = """
        count(*), count(*) FILTER (WHERE is_default), count(*) FILTER (WHERE rating >= 3),
        count(*) FILTER (WHERE rating <= 2 AND NOT is_default), count(*) FILTER (WHERE theme_signal IS NOT DISTINCT FROM 'suspected_bad')
        """;

    /// <summary>Recounts every hour of last week and this week so far.</summary>
    public async Task RefreshAllAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await RecountAsync(ReportWeek.Containing(now).Previous.Start, Hour(now), ct);
        Volatile.Write(ref _fullAt, now.UtcTicks);
    }

    /// <summary>
    /// Before reading: recounts the last hours, or both weeks when the timer has not done so lately (it runs only where
    /// the job server does, and may have failed): a read then costs a full count rather than shows stale hours.
    /// </summary>
    public async Task PrepareAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now.UtcTicks - Volatile.Read(ref _fullAt) > (2 * FullRefreshInterval).Ticks)
            await RefreshAllAsync(ct);
        else
            await RecountAsync(Hour(now) - RecentHours, Hour(now), ct);
    }

    /// <summary>
    /// Rating counts of [from, to) in total and per department (<see cref="BreakdownSets"/> Whole and ByDepartment),
    /// after <see cref="PrepareAsync"/>.
    /// </summary>
    public async Task<List<BreakdownRow>> CountsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var (first, last) = (Ceiling(from), Hour(to));
        if (first >= last)
            (first, last) = (to, to);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT department_code, sum(total)::bigint, sum(defaults)::bigint, sum(good)::bigint, sum(low)::bigint, sum(suspected)::bigint FROM (
                SELECT department_code, total, defaults, good, low, suspected FROM rating_hours WHERE hour >= @first AND hour < @last
                -- The edges apart: with OR between the ranges PostgreSQL reads the whole table instead of two BRIN ranges.
                UNION ALL
                SELECT department_code, {Counts} FROM evaluations WHERE assess_number = 1 AND evaluated_at >= @from AND evaluated_at < @first GROUP BY department_code
                UNION ALL
                SELECT department_code, {Counts} FROM evaluations WHERE assess_number = 1 AND evaluated_at >= @last AND evaluated_at < @to GROUP BY department_code
                UNION ALL
                -- 差评 whose case is judged invalid are no 差评. A case opens when its rating is received, which is no
                -- earlier than a day before the rating's time (the intake refuses times in the future).
                -- Each case's rating looked up by its key (OFFSET 0 keeps the subquery apart): joined, PostgreSQL would
                -- rather read the window's million ratings through the BRIN index.
                SELECT e.department_code, 0, 0, 0, -count(*), 0 FROM cases c CROSS JOIN LATERAL (
                    SELECT department_code FROM evaluations e WHERE e.id = c.evaluation_id AND e.evaluated_at >= @from AND e.evaluated_at < @to
                      AND e.assess_number = 1 AND e.rating <= 2 AND NOT e.is_default OFFSET 0
                ) e
                WHERE c.state = 'invalid' AND c.opened_at >= @from - interval '1 day'
                GROUP BY e.department_code
            ) parts GROUP BY department_code
            """, connection);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        command.Parameters.AddWithValue("first", first.ToUniversalTime());
        command.Parameters.AddWithValue("last", last.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<BreakdownRow>();
        while (await reader.ReadAsync(ct))
        {
            var counts = new WeekCounts
            {
                Total = reader.GetInt64(1), Default = reader.GetInt64(2), Good = reader.GetInt64(3), Bad = reader.GetInt64(4), SuspectedBad = reader.GetInt64(5),
            };
            if (counts.Total > 0)
                rows.Add(new BreakdownRow(BreakdownSets.ByDepartment, 0, null, reader.GetString(0), null, null, null, counts));
        }
        return [Whole(rows), .. rows];
    }

    /// <summary>Counts the hours of [from, to) again, replacing their rows, one refresh at a time across servers.</summary>
    private async Task RecountAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT pg_advisory_xact_lock({RefreshLock});
            DELETE FROM rating_hours WHERE hour >= @from AND hour < @to;
            INSERT INTO rating_hours (hour, department_code, total, defaults, good, low, suspected, refreshed_at)
            SELECT date_trunc('hour', evaluated_at, 'UTC'), department_code, {Counts}, now() FROM evaluations
            WHERE evaluated_at >= @from AND evaluated_at < @to AND assess_number = 1 GROUP BY 1, 2;
            """, connection, transaction) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static BreakdownRow Whole(List<BreakdownRow> rows) => new(BreakdownSets.Whole, 0, null, null, null, null, null, new WeekCounts
    {
        Total = rows.Sum(r => r.Counts.Total), Default = rows.Sum(r => r.Counts.Default), Good = rows.Sum(r => r.Counts.Good),
        Bad = rows.Sum(r => r.Counts.Bad), SuspectedBad = rows.Sum(r => r.Counts.SuspectedBad),
    });

    /// <summary>The whole UTC hour an instant falls in (hours are counted in UTC, so zones with half hours work too).</summary>
    private static DateTimeOffset Hour(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private static DateTimeOffset Ceiling(DateTimeOffset instant) => Hour(instant) == instant.ToUniversalTime() ? Hour(instant) : Hour(instant).AddHours(1);
}

/// <summary>Recounts <see cref="RatingHours"/> on every server's own timer, so that overview reads only count the last hours.</summary>
internal sealed class RatingHoursRefresh(RatingHours hours, TimeProvider time, ILogger<RatingHoursRefresh> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Jobs.ServerTimer.RepeatAsync("Overview rating hours", RatingHours.FullRefreshInterval, hours.RefreshAllAsync, time, logger, stoppingToken);
}
