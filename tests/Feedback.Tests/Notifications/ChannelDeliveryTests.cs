using Feedback.Tests.Cases;

namespace Feedback.Tests.Notifications;

/// <summary>Delivery goes through the registered channels: a channel added in one line gets its copies, once each.</summary>
public sealed class ChannelDeliveryTests(RecordingChannelApp app) : IClassFixture<RecordingChannelApp>
{
    [Fact]
    public async Task Deliver_RegisteredChannel_ReceivesTheMessagesAddressedToIt()
    {
        var id = await app.OpenCaseAsync();

        await app.DeliverAsync();

        var message = Assert.Single(app.Channel.Received, m => m.CaseId == id);
        Assert.Equal(($"case:{id}:opened", RecordingChannel.Target, "opened", $"新差评工单 #{id}"), (message.EventKey, message.Target, message.Kind, message.Title));
        Assert.Equal(["opened -> department_officer/D01"], await InboxAsync(id));
    }

    [Fact]
    public async Task Deliver_RunTwice_GivesTheChannelEachMessageOnce()
    {
        var id = await app.OpenCaseAsync();

        await app.DeliverAsync();
        await app.DeliverAsync();

        Assert.Single(app.Channel.Received, m => m.CaseId == id);
        Assert.Equal([(RecordingChannel.Target, 1, true)], await OutboxStateAsync(id, RecordingChannel.Target));
    }

    [Fact]
    public async Task Deliver_TargetOfNoRegisteredChannel_WaitsUntried()
    {
        var id = await app.OpenCaseAsync();
        await app.ExecuteAsync(
            "INSERT INTO notifications (event_key, target, kind, case_id, title, body, created_at, next_attempt_at, attempts) VALUES ($1, 'sms:13800000000', 'opened', $2, 't', 'b', $3, $3, 0)",
            $"case:{id}:opened", id, app.Clock.GetUtcNow());

        await app.DeliverAsync();

        Assert.Equal([("sms:13800000000", 0, false)], await OutboxStateAsync(id, "sms:13800000000"));
        Assert.DoesNotContain(app.Channel.Received, m => m.Target.StartsWith("sms:", StringComparison.Ordinal));
    }

    private Task<List<string>> InboxAsync(long caseId) => app.QueryAsync(
        "SELECT kind || ' -> ' || role || '/' || coalesce(department_code, '-') FROM inbox_messages WHERE case_id = $1 ORDER BY id", r => r.GetString(0), caseId);

    private Task<List<(string Target, int Attempts, bool Delivered)>> OutboxStateAsync(long caseId, string target) => app.QueryAsync(
        "SELECT target, attempts, delivered_at IS NOT NULL FROM notifications WHERE case_id = $1 AND target = $2",
        r => (r.GetString(0), r.GetInt32(1), r.GetBoolean(2)), caseId, target);
}
