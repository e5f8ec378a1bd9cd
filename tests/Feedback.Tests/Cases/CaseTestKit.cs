using System.Net;
using System.Net.Http.Json;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Cases;
using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Evaluations;
using Feedback.Web.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Feedback.Tests.Cases;

/// <summary>
/// The service over its own database whose clock is a <see cref="FakeTimeProvider"/>: ratings are received, actions
/// taken and sweeps run at <see cref="Clock"/>'s time. The clock only moves forward, so tests of one class measure
/// from "now" rather than from fixed instants.
/// </summary>
public class CasesApp : FeedbackApp
{
    /// <summary>Monday 2026-11-23 09:00 in Beijing, a working day.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    public CasesApp() : this(DefaultStart)
    {
    }

    protected CasesApp(DateTimeOffset start) => Clock = new FakeTimeProvider(start.ToUniversalTime());

    public FakeTimeProvider Clock { get; }

    /// <summary>Configuration on top of <see cref="FeedbackApp"/>'s.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Moves the clock on to <paramref name="at"/>; a time already passed leaves it where it is.</summary>
    public void MoveTo(DateTimeOffset at)
    {
        if (at > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(at.ToUniversalTime());
        }
    }

    /// <summary>Moves the clock on to <paramref name="at"/> and sweeps twice: an alert must happen once however often the sweep runs.</summary>
    public async Task SweepTwiceAtAsync(DateTimeOffset at)
    {
        MoveTo(at);
        await SweepAsync();
        await SweepAsync();
    }

    public Task<SweepResult> SweepAsync() => Services.GetRequiredService<DeadlineSweep>().RunAsync(TestContext.Current.CancellationToken);

    public Task<int> DeliverAsync() => Services.GetRequiredService<NotificationDelivery>().RunAsync(TestContext.Current.CancellationToken);
}

/// <summary>Opening cases, acting on them and reading the database behind them.</summary>
public static class CaseKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A bad rating for <paramref name="department"/> (D01 with its window, else the department only); returns the id of its case.</summary>
    public static async Task<long> OpenCaseAsync(this FeedbackApp app, string department = "D01", string? comment = null)
    {
        var body = TestRatings.Valid(rating: 1);
        if (department != "D01")
        {
            body.Remove("windowCode");
            body.Remove("staffCode");
            body.Remove("serviceItemCode");
            body["departmentCode"] = department;
        }
        if (comment is not null)
        {
            body["comment"] = comment;
        }
        var response = await app.Ingest.PostRatingAsync(body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var evaluation = await response.Content.ReadFromJsonAsync<EvaluationResponse>(Ct);
        return Assert.Single(await app.CaseIdsAsync(evaluation!.Id));
    }

    public static Task<List<long>> CaseIdsAsync(this FeedbackApp app, long evaluationId) =>
        app.QueryAsync("SELECT id FROM cases WHERE evaluation_id = $1", r => r.GetInt64(0), evaluationId);

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, long caseId, string action, string? note = null, short? satisfaction = null, int? workingDays = null) =>
        client.PostAsJsonAsync($"/api/cases/{caseId}/actions", new CaseActionRequest(action, note, satisfaction, workingDays), Ct);

    /// <summary>Takes an action that must succeed and returns the case as the response shows it.</summary>
    public static async Task<CaseDetail> ActOkAsync(this HttpClient client, long caseId, string action, string? note = null, short? satisfaction = null, int? workingDays = null)
    {
        var response = await client.ActAsync(caseId, action, note, satisfaction, workingDays);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<CaseDetail>(Ct))!;
    }

    public static async Task<CaseDetail> GetCaseAsync(this HttpClient client, long caseId) =>
        (await client.GetFromJsonAsync<CaseDetail>($"/api/cases/{caseId}", Ct))!;

    /// <summary>A signed-in browser of a new user with <paramref name="role"/>.</summary>
    public static async Task<HttpClient> SignedInAsAsync(this FeedbackApp app, string role, string? department = null)
    {
        var name = $"{role}.{department ?? "all"}.{Guid.NewGuid():N}";
        await Browser.CreateUserAsync(app, name, role, department);
        return await Browser.SignedInAsync(app, name);
    }

    public static async Task<List<T>> QueryAsync<T>(this FeedbackApp app, string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    public static async Task ExecuteAsync(this FeedbackApp app, string sql, params object[] parameters)
    {
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }
        await command.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>
    /// Runs <paramref name="act"/> while a trigger makes the database refuse (check_violation) the rows inserted into
    /// <paramref name="table"/> for which <paramref name="condition"/> (SQL over NEW) holds.
    /// </summary>
    public static async Task WhileRefusingAsync(this FeedbackApp app, string table, string condition, Func<Task> act)
    {
        var name = $"refuse_{Guid.NewGuid():N}";
        await app.ExecuteAsync($"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN IF {condition} THEN RAISE EXCEPTION 'refused by the test' USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER {name} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION {name}();
            """);
        try
        {
            await act();
        }
        finally
        {
            await app.ExecuteAsync($"DROP TRIGGER {name} ON {table}; DROP FUNCTION {name}();");
        }
    }

    /// <summary>The outbox rows of a case as "kind → target", in the order they were queued.</summary>
    public static Task<List<string>> NotificationsAsync(this FeedbackApp app, long caseId) =>
        app.QueryAsync("SELECT kind || ' -> ' || target FROM notifications WHERE case_id = $1 ORDER BY id", r => r.GetString(0), caseId);

    /// <summary>The case's handled alerts, in the order they were due.</summary>
    public static Task<List<HandledAlert>> AlertsAsync(this FeedbackApp app, long caseId) => app.QueryAsync(
        "SELECT kind, skipped, scheduled_at, due_at FROM case_alerts WHERE case_id = $1 ORDER BY scheduled_at, kind",
        r => new HandledAlert(r.GetString(0), r.GetBoolean(1), r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3)), caseId);

    public static async Task<DateTimeOffset?> NextAlertAtAsync(this FeedbackApp app, long caseId) =>
        (await app.QueryAsync("SELECT next_alert_at FROM cases WHERE id = $1", r => r.IsDBNull(0) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(0), caseId))[0];

    public static Task<List<string>> EventActionsAsync(this FeedbackApp app, long caseId) =>
        app.QueryAsync("SELECT action FROM case_events WHERE case_id = $1 ORDER BY id", r => r.GetString(0), caseId);
}

public sealed record HandledAlert(string Kind, bool Skipped, DateTimeOffset ScheduledAt, DateTimeOffset DueAt);
