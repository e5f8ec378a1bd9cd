using Feedback.Tests.Infrastructure;
using Feedback.Web.Cli;
using Feedback.Web.Data;
using Feedback.Web.Demo;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Feedback.Tests.Cases.Enforcement;

/// <summary>One handled alert as the database recorded it.</summary>
public sealed record HandledAlert(long CaseId, string Kind, DateTimeOffset ScheduledAt, DateTimeOffset HandledAt, bool Skipped);

/// <summary>
/// A database with open cases whose alerts fall due within the next minutes, for tests that watch real Hangfire
/// servers enforce them, and what the servers recorded.
/// </summary>
public sealed class EnforcementDatabase(string connectionString)
{
    public const int Cases = 24;
    private static readonly TimeSpan MaxLateness = TimeSpan.FromSeconds(30);
    // Due 100-130 s out: alerts of one case are at least 25 s apart, more than a restart plus one sweep interval.
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(100);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(130);

    /// <summary>Reminders at half and three quarters of the time allowed: three alerts per case, at least a quarter of it apart.</summary>
    public static readonly IReadOnlyDictionary<string, string> ServerEnvironment = new Dictionary<string, string>
    {
        ["Jobs__RunServer"] = "true",
        ["Cases__Reminders"] = "50%,75%",
    };

    public string ConnectionString => connectionString;

    public static async Task<EnforcementDatabase> CreateAsync(string prefix, CancellationToken ct)
    {
        var connectionString = await (await TestPostgres.SharedAsync()).CreateDatabaseAsync(prefix);
        await using var app = await ToolHost.StartAsync(ct, connectionString, TestKeys.Master);
        await using var scope = app.Services.CreateAsyncScope();
        await DemoSeeder.SeedOrganizationAsync(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>(), ct);
        return new EnforcementDatabase(connectionString);
    }

    /// <summary>Opens <see cref="Cases"/> cases now, due 100-130 s from now, as the case opener would: rating, case, first alert at 50 %.</summary>
    public Task<DateTimeOffset> OpenCasesAsync(CancellationToken ct) => OpenCasesAsync(Shortest, Longest, ct);

    /// <summary>Opens <see cref="Cases"/> cases now, due between <paramref name="shortest"/> and <paramref name="longest"/> from now.</summary>
    public async Task<DateTimeOffset> OpenCasesAsync(TimeSpan shortest, TimeSpan longest, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var now = DateTimeOffset.UtcNow;
        await using var command = new NpgsqlCommand("""
            WITH e AS (
                INSERT INTO evaluations (channel, rating, department_code, assess_number, anonymous, evaluated_at, received_at, is_default, needs_review)
                SELECT 'web', 1, 'D0' || (1 + g % 8), 1, true, $1, $1, false, false FROM generate_series(0, $2 - 1) g
                RETURNING id, department_code)
            INSERT INTO cases (evaluation_id, department_code, state, opened_at, due_at, next_alert_at, updated_at, extensions)
            SELECT id, department_code, 'open', $1, due, $1 + (due - $1) / 2, $1, 0
            FROM (SELECT id, department_code, $1 + $3 * interval '1 second' + ($4 - $3) * interval '1 second' * (row_number() OVER (ORDER BY id) - 1) / greatest($2 - 1, 1) AS due FROM e) d
            """, connection);
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = Cases });
        command.Parameters.Add(new() { Value = shortest.TotalSeconds });
        command.Parameters.Add(new() { Value = longest.TotalSeconds });
        await command.ExecuteNonQueryAsync(ct);
        return now;
    }

    public async Task WaitForEscalationsAsync(DateTimeOffset openedAt, CancellationToken ct)
    {
        var deadline = openedAt + Longest + MaxLateness + TimeSpan.FromSeconds(15);
        while (DateTimeOffset.UtcNow < deadline && await CountAsync("SELECT count(*) FROM cases WHERE escalated_at IS NULL", ct) > 0)
        {
            await Task.Delay(1000, ct);
        }
        // The outbox is delivered every 5 s: give it one more round for the last escalations.
        for (var i = 0; i < 15 && (await DeliveriesAsync(ct)).Undelivered > 0; i++)
        {
            await Task.Delay(1000, ct);
        }
    }

    public async Task AssertEnforcedOnceAsync(CancellationToken ct)
    {
        var alerts = await AlertsAsync(ct);
        var escalations = await EscalationEventsAsync(ct);
        var (inbox, undelivered) = await DeliveriesAsync(ct);
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"alerts {alerts.Count}, lateness max {alerts.Select(a => (a.HandledAt - a.ScheduledAt).TotalSeconds).DefaultIfEmpty().Max():F1} s");

        // Three alerts a case, none superseded: every one was sent, once.
        Assert.Equal(Cases * 3, alerts.Count);
        Assert.All(alerts.GroupBy(a => a.CaseId), c => Assert.Equal(["remind-50%", "remind-75%", "escalate"], c.Select(a => a.Kind)));
        Assert.All(alerts, a => Assert.False(a.Skipped, $"case {a.CaseId} {a.Kind} was superseded"));
        Assert.All(alerts, a => Assert.InRange(a.HandledAt - a.ScheduledAt, TimeSpan.Zero, MaxLateness));
        Assert.Equal(Cases, escalations.Count);
        Assert.All(escalations.Values, count => Assert.Equal(1, count));
        // Each reminder reached the department's inbox once; each escalation the head's and the quality office's.
        Assert.Equal(0, undelivered);
        Assert.All(alerts.Select(a => a.CaseId).Distinct(), id =>
        {
            Assert.Equal(2, inbox.GetValueOrDefault((id, "reminder")));
            Assert.Equal(2, inbox.GetValueOrDefault((id, "escalated")));
        });
    }

    public async Task<List<HandledAlert>> AlertsAsync(CancellationToken ct) =>
        await QueryAsync("SELECT case_id, kind, scheduled_at, handled_at, skipped FROM case_alerts ORDER BY case_id, scheduled_at",
            r => new HandledAlert(r.GetInt64(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3), r.GetBoolean(4)), ct);

    /// <summary>How often each case was escalated in its audit log (the log has no unique key, so it shows any repeat).</summary>
    public async Task<Dictionary<long, long>> EscalationEventsAsync(CancellationToken ct) =>
        (await QueryAsync("SELECT case_id, count(*) FROM case_events WHERE action = 'escalate' GROUP BY case_id",
            r => (r.GetInt64(0), r.GetInt64(1)), ct)).ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>
    /// Inbox messages per (case, kind); notifications still undelivered. Messages of no case (a job server's start
    /// renders missed weekly reports and announces them) are not the deadlines' business.
    /// </summary>
    public async Task<(Dictionary<(long, string), long> Inbox, long Undelivered)> DeliveriesAsync(CancellationToken ct)
    {
        var inbox = (await QueryAsync("SELECT case_id, kind, count(*) FROM inbox_messages WHERE case_id IS NOT NULL GROUP BY case_id, kind",
            r => (r.GetInt64(0), r.GetString(1), r.GetInt64(2)), ct)).ToDictionary(x => (x.Item1, x.Item2), x => x.Item3);
        var undelivered = (await QueryAsync("SELECT count(*) FROM notifications WHERE delivered_at IS NULL", r => r.GetInt64(0), ct))[0];
        return (inbox, undelivered);
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A statement on the cluster's postgres database (e.g. ALTER DATABASE on this one).</summary>
    public async Task ExecuteAsAdminAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<long> CountAsync(string sql, CancellationToken ct) => (await QueryAsync(sql, r => r.GetInt64(0), ct))[0];

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
            rows.Add(read(reader));
        return rows;
    }
}
