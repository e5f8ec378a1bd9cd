using Feedback.Tests.Cases;
using Feedback.Web.Cases;

namespace Feedback.Tests.Notifications;

/// <summary>Outbox rows for the in-app inbox become exactly one inbox message each, however often delivery runs.</summary>
public sealed class InboxDeliveryTests(CasesApp app) : IClassFixture<CasesApp>
{
    [Fact]
    public async Task Deliver_RunTwice_WritesEachInboxMessageOnce()
    {
        var id = await app.OpenCaseAsync();
        await app.Admin.ActOkAsync(id, CaseAction.Appeal, "误评");

        await app.DeliverAsync();
        await app.DeliverAsync();

        Assert.Equal(["opened -> department_officer/D01", "appeal -> quality_officer/-"], await InboxAsync(id));
        Assert.Equal([(1, true), (1, true)], await OutboxStateAsync(id));
    }

    [Fact]
    public async Task Deliver_AgainAfterACrashBeforeTheMark_AddsNoSecondMessage()
    {
        var id = await app.OpenCaseAsync();
        await app.DeliverAsync();
        // As if the process had died after the inbox insert but before the row was marked delivered.
        await app.ExecuteAsync("UPDATE notifications SET delivered_at = NULL, attempts = 0, next_attempt_at = created_at WHERE case_id = $1", id);

        await Task.WhenAll(app.DeliverAsync(), app.DeliverAsync(), app.DeliverAsync());

        Assert.Equal(["opened -> department_officer/D01"], await InboxAsync(id));
        Assert.True((await OutboxStateAsync(id)).Single().Delivered);
    }

    [Fact]
    public async Task Deliver_UnknownTarget_IsNotDeliveredAndRetriedLater()
    {
        var id = await app.OpenCaseAsync();
        await app.ExecuteAsync(
            "INSERT INTO notifications (event_key, target, kind, case_id, title, body, created_at, next_attempt_at, attempts) VALUES ($1, 'inbox:nobody', 'opened', $2, 't', 'b', $3, $3, 0)",
            $"test:{id}", id, app.Clock.GetUtcNow());

        await app.DeliverAsync();

        var row = (await app.QueryAsync("SELECT attempts, delivered_at IS NULL, last_error, next_attempt_at FROM notifications WHERE event_key = $1",
            r => (r.GetInt32(0), r.GetBoolean(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3)), $"test:{id}")).Single();
        Assert.Equal((1, true), (row.Item1, row.Item2));
        Assert.Contains("inbox:nobody", row.Item3);
        Assert.Equal(app.Clock.GetUtcNow().AddSeconds(10), row.Item4);
    }

    private Task<List<string>> InboxAsync(long caseId) => app.QueryAsync(
        "SELECT kind || ' -> ' || role || '/' || coalesce(department_code, '-') FROM inbox_messages WHERE case_id = $1 ORDER BY id", r => r.GetString(0), caseId);

    private Task<List<(int Attempts, bool Delivered)>> OutboxStateAsync(long caseId) => app.QueryAsync(
        "SELECT attempts, delivered_at IS NOT NULL FROM notifications WHERE case_id = $1 ORDER BY id", r => (r.GetInt32(0), r.GetBoolean(1)), caseId);
}
