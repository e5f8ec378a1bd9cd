using Feedback.Web.Reports;
using Npgsql;
using NpgsqlTypes;

namespace Feedback.Tests.Reports;

public sealed record RawEvaluation(
    long Id, DateTimeOffset EvaluatedAt, string Channel, short Rating, bool IsDefault, short AssessNumber, string Department,
    string? Window, string? Staff, string? Theme, string? CorrectedTheme, string? Signal, string? Comment, string? RaterName);

public sealed record RawCase(
    long Id, long EvaluationId, string Department, string State, DateTimeOffset OpenedAt, DateTimeOffset DueAt,
    DateTimeOffset? RepliedAt, DateTimeOffset? ClosedAt, DateTimeOffset? EscalatedAt, short? Satisfaction)
{
    /// <summary>Appealed: every case under review or judged invalid, and one in five others (appeal rejected).</summary>
    public bool Appealed => State is "appealed" or "invalid" || (State is "in_progress" or "rectified" or "closed" && Id % 5 == 0);
}

/// <summary>
/// Raw rows for report tests, written with COPY straight into the tables (never through the intake, which would open
/// cases by itself). The demo organisation must exist: D01-D08, W001-W040 (5 per department), S001-S120 (3 per window).
/// </summary>
public sealed class ReportRows
{
    public const string Phone = "13812345678";
    public const string IdNumber = "110101199003077777";
    public const string StaffName = "测试员甲乙";

    private static readonly string[] Channels = ["web", "mobile", "qr", "pad", "phone"];
    private static readonly string[] Themes = ["attitude", "competence", "timeliness", "queue", "other"];
    private static readonly string[] States = ["open", "in_progress", "rectified", "closed", "appealed", "invalid", "cannot_fix"];

    public List<RawEvaluation> Evaluations { get; } = [];
    public List<RawCase> Cases { get; } = [];

    /// <summary>
    /// Random ratings over <paramref name="weeks"/> weeks ending with <paramref name="week"/> (or at <paramref name="until"/>,
    /// for a week still running), a case for every 差评, and edge rows.
    /// </summary>
    public static ReportRows Generate(ReportWeek week, int perWeek, int weeks, int seed, DateTimeOffset? until = null)
    {
        var random = new Random(seed);
        var rows = new ReportRows();
        var start = week.Start.AddDays(-7 * (weeks - 1));
        var seconds = (int)((until ?? week.End) - start).TotalSeconds;
        for (var i = 0; i < perWeek * weeks; i++)
            rows.AddRandom(random, start.AddSeconds(random.Next(seconds)));
        // Edges: the last second before the week, the first second of the next, a follow-up rating inside it.
        rows.Add(week.Start.AddSeconds(-1), "qr", 1, false, 1, 1, null, null, null);
        rows.Add(week.End, "qr", 1, false, 1, 1, null, null, null);
        rows.Add(week.Start.AddHours(30), "qr", 1, false, 2, 2, null, null, null);
        rows.Add(week.Start.AddHours(31), "qr", 2, false, 1, 3, "attitude", $"窗口{StaffName}态度差，我的电话{Phone}，身份证{IdNumber}，这是本周最长最详细的一条差评记录，已经第三次来办理了还是没有办好，希望相关部门尽快给出明确答复并改进服务", null);
        return rows;
    }

    private void AddRandom(Random random, DateTimeOffset at)
    {
        var isDefault = random.NextDouble() < 0.08;
        var rating = (short)(isDefault ? 3 : random.NextDouble() < 0.15 ? random.Next(1, 3) : random.Next(3, 6));
        var staff = random.Next(1, 121);
        var theme = random.NextDouble() < 0.9 ? Themes[random.Next(Themes.Length)] : null;
        var corrected = random.NextDouble() < 0.1 ? Themes[random.Next(Themes.Length)] : null;
        var signal = rating >= 3 && random.NextDouble() < 0.05 ? "suspected_bad" : null;
        var comment = random.NextDouble() < 0.6 ? $"{Themes[random.Next(Themes.Length)]}意见{random.Next(100000)}" : null;
        Add(at, isDefault ? "default" : Channels[random.Next(Channels.Length)], rating, isDefault, 1, staff, theme, comment, signal, corrected,
            random.NextDouble() < 0.1 ? $"用户{random.Next(10)}" : null);
        if (Evaluations[^1] is { Rating: <= 2, IsDefault: false } bad)
            Cases.Add(RandomCase(random, bad));
    }

    private void Add(DateTimeOffset at, string channel, short rating, bool isDefault, short assess, int staff, string? theme, string? comment,
        string? signal, string? corrected = null, string? rater = null)
    {
        var window = (staff - 1) / 3 + 1;
        var department = (window - 1) / 5 + 1;
        Evaluations.Add(new(Evaluations.Count + 1, at, channel, rating, isDefault, assess, $"D{department:00}", $"W{window:000}", $"S{staff:000}",
            theme, corrected, signal, comment, rater));
    }

    private RawCase RandomCase(Random random, RawEvaluation e)
    {
        var state = States[random.Next(States.Length)];
        var due = e.EvaluatedAt.AddHours(24);
        DateTimeOffset? replied = state is "rectified" or "closed" ? e.EvaluatedAt.AddHours(random.Next(1, 48)) : null;
        DateTimeOffset? closed = state == "closed" ? replied!.Value.AddHours(5) : null;
        DateTimeOffset? escalated = random.NextDouble() < 0.3 ? due.AddMinutes(1) : null;
        return new(Cases.Count + 1, e.Id, e.Department, state, e.EvaluatedAt, due, replied, closed, escalated,
            closed is null ? null : (short)random.Next(1, 6));
    }

    public async Task InsertAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY evaluations (id, evaluated_at, received_at, channel, rating, is_default, assess_number, department_code, window_code, staff_code,
                              theme, corrected_theme, theme_signal, comment, rater_name, anonymous) FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var e in Evaluations)
            {
                await copy.WriteRowAsync(default, e.Id, e.EvaluatedAt.ToUniversalTime(), e.EvaluatedAt.ToUniversalTime(), e.Channel, e.Rating, e.IsDefault,
                    e.AssessNumber, e.Department, e.Window, e.Staff, e.Theme, e.CorrectedTheme, e.Signal, e.Comment, e.RaterName, false);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY cases (id, evaluation_id, department_code, state, opened_at, due_at, replied_at, closed_at, escalated_at, follow_up_satisfaction, extensions, updated_at)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var c in Cases)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(c.Id);
                await copy.WriteAsync(c.EvaluationId);
                await copy.WriteAsync(c.Department);
                await copy.WriteAsync(c.State);
                await copy.WriteAsync(c.OpenedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(c.DueAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await WriteNullableAsync(copy, c.RepliedAt);
                await WriteNullableAsync(copy, c.ClosedAt);
                await WriteNullableAsync(copy, c.EscalatedAt);
                if (c.Satisfaction is { } s) await copy.WriteAsync(s); else await copy.WriteNullAsync();
                await copy.WriteAsync((short)0);
                await copy.WriteAsync(c.OpenedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY case_events (case_id, at, actor, actor_role, action, from_state, to_state) FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var c in Cases.Where(c => c.Appealed))
            {
                await copy.WriteRowAsync(default, c.Id, c.OpenedAt.AddHours(1).ToUniversalTime(), "test", "department_officer", "appeal", "open", "appealed");
            }
            await copy.CompleteAsync();
        }
        await using var sequences = new NpgsqlCommand("""
            SELECT setval(pg_get_serial_sequence('evaluations', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM evaluations), false);
            SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM cases), false);
            """, connection);
        await sequences.ExecuteNonQueryAsync();
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, DateTimeOffset? value) =>
        value is { } v ? copy.WriteAsync(v.ToUniversalTime(), NpgsqlDbType.TimestampTz) : copy.WriteNullAsync();
}
