using Feedback.Web.Cli;
using Npgsql;
using NpgsqlTypes;

namespace Feedback.Bench;

/// <summary>
/// The history `bench pages` runs on: ratings spread over the past two years in arrival order, every one with a
/// case number, a comment on every 差评 (distinct, so search cannot hit a handful of texts), and a case per 差评 in
/// a realistic mix of states: most finished, a few hundred running.
/// </summary>
internal static class PagesBenchData
{
    private static readonly string[] Themes = ["attitude", "competence", "timeliness", "requirements", "runaround", "online", "queue", "environment", "discipline", "other"];

    public static async Task LoadAsync(BenchCluster cluster, long ratings, DateTimeOffset now, CancellationToken ct)
    {
        await CopyRatingsAsync(cluster, ratings, now, ct);
        Console.Error.WriteLine("bench pages: opening a case per 差评…");
        await cluster.ExecuteAsync(OpenCasesSql, ct);
        await cluster.ExecuteAsync("VACUUM ANALYZE evaluations", ct);
        await cluster.ExecuteAsync("VACUUM ANALYZE cases", ct);
    }

    private static async Task CopyRatingsAsync(BenchCluster cluster, long rows, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(12);
        var progress = new ConsoleProgress("bench pages: COPY", rows);
        var start = now.AddDays(-730);
        var span = (now - start).TotalSeconds;
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(ct);
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY evaluations (case_number, evaluated_at, received_at, channel, rating, is_default, assess_number, department_code,
                              window_code, staff_code, theme, theme_confidence, comment, anonymous) FROM STDIN (FORMAT BINARY)
            """, ct);
        for (long i = 0; i < rows; i++)
        {
            var at = start.AddSeconds(span * i / rows);
            await WriteRatingAsync(copy, random, i, at, ct);
            if (i % 100_000 == 0)
                progress.Report(i, i);
        }
        await copy.CompleteAsync(ct);
        progress.Report(rows, rows);
        progress.Done();
    }

    private static async Task WriteRatingAsync(NpgsqlBinaryImporter copy, Random random, long i, DateTimeOffset at, CancellationToken ct)
    {
        var rating = (short)(random.NextDouble() < 0.05 ? random.Next(1, 3) : random.Next(3, 6));
        var staff = random.Next(1, 121);
        var window = (staff - 1) / 3 + 1;
        var bad = rating <= 2;
        await copy.StartRowAsync(ct);
        await copy.WriteAsync($"BJ{at:yyyyMMdd}{i:D9}", NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(at.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync(at.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync("qr", NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(rating, NpgsqlDbType.Smallint, ct);
        await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
        await copy.WriteAsync((short)1, NpgsqlDbType.Smallint, ct);
        await copy.WriteAsync($"D{(window - 1) / 5 + 1:00}", NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync($"W{window:000}", NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync($"S{staff:000}", NpgsqlDbType.Varchar, ct);
        if (bad)
        {
            await copy.WriteAsync(Themes[random.Next(Themes.Length)], NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync((float)(0.5 + random.NextDouble() / 2), NpgsqlDbType.Real, ct);
            var text = Feedback.Web.Demo.DemoData.Complaints[random.Next(Feedback.Web.Demo.DemoData.Complaints.Length)];
            await copy.WriteAsync($"{text}（第{i % 100_000}号）", NpgsqlDbType.Varchar, ct);
        }
        else
        {
            await copy.WriteNullAsync(ct);
            await copy.WriteNullAsync(ct);
            await copy.WriteNullAsync(ct);
        }
        await copy.WriteAsync(true, NpgsqlDbType.Boolean, ct);
    }

    // States by age: the last day's cases still run, the rest are finished (mostly closed), as at a working centre.
    private const string OpenCasesSql = """
        INSERT INTO cases (evaluation_id, department_code, state, opened_at, due_at, next_alert_at, replied_at, closed_at, escalated_at,
                           reply_note, follow_up_satisfaction, extensions, updated_at)
        SELECT id, department_code, s.state, received_at, received_at + interval '24 hours',
               CASE WHEN s.state IN ('open', 'in_progress') THEN received_at + interval '12 hours' END,
               CASE WHEN s.state IN ('rectified', 'closed') THEN received_at + (id % 20) * interval '1 hour' END,
               CASE WHEN s.state IN ('closed', 'invalid', 'cannot_fix') THEN received_at + interval '60 hours' END,
               CASE WHEN id % 17 = 0 THEN received_at + interval '25 hours' END,
               CASE WHEN s.state IN ('rectified', 'closed') THEN '已联系群众并整改：' || (id % 997)::text || '号整改措施已落实' END,
               CASE WHEN s.state = 'closed' THEN (1 + id % 5)::smallint END,
               0, received_at
        FROM evaluations,
             LATERAL (SELECT CASE
                 WHEN received_at > now() - interval '1 day' THEN (ARRAY['open', 'in_progress'])[1 + id % 2]
                 WHEN received_at > now() - interval '3 days' THEN (ARRAY['rectified', 'appealed', 'cannot_fix_review', 'closed'])[1 + id % 4]
                 ELSE (ARRAY['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'invalid', 'cannot_fix'])[1 + id % 8] END AS state) s
        WHERE rating <= 2 AND NOT is_default
        """;
}
