using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Feedback.Tests.Cases;

namespace Feedback.Tests.Notifications;

/// <summary>Webhook delivery to a real HTTP receiver: signed, retried with back-off while it is down, delivered once when it is back.</summary>
public sealed class WebhookDeliveryTests(WebhookApp app) : IClassFixture<WebhookApp>, IDisposable
{
    private WebhookReceiver Receiver => app.Receiver;

    [Fact]
    public async Task Deliver_Webhook_IsSignedWithTheSecretOverTimestampAndBody()
    {
        var id = await app.OpenCaseAsync();

        await app.DeliverAsync();

        var request = Assert.Single(Receiver.Received, r => r.Body.Contains($"\"caseId\":{id},", StringComparison.Ordinal));
        var timestamp = request.Headers["X-Feedback-Timestamp"];
        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(), timestamp);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookApp.Secret), Encoding.UTF8.GetBytes($"{timestamp}.{request.Body}")));
        Assert.Equal(expected, request.Headers["X-Feedback-Signature"]);
        var wrongKey = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("other"u8, Encoding.UTF8.GetBytes($"{timestamp}.{request.Body}")));
        Assert.NotEqual(wrongKey, request.Headers["X-Feedback-Signature"]);
        Assert.Equal("opened", request.Headers["X-Feedback-Event"]);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal(($"case:{id}:opened", "opened", "D01", $"新差评工单 #{id}"),
            (root.GetProperty("eventKey").GetString(), root.GetProperty("kind").GetString(), root.GetProperty("departmentCode").GetString(), root.GetProperty("title").GetString()));
        Assert.Equal(request.Headers["X-Feedback-Delivery"], root.GetProperty("id").GetInt64().ToString());
        Assert.Equal(await WebhookIdAsync(id), root.GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Deliver_ReceiverFailingOrDown_RetriesWithBackOffThenDeliversExactlyOnce(bool listening)
    {
        var id = await app.OpenCaseAsync();
        var webhook = await WebhookIdAsync(id);
        Receiver.Answer = HttpStatusCode.InternalServerError;
        Receiver.Up = listening;

        await app.DeliverAsync();
        var first = await StateAsync(webhook);
        await app.DeliverAsync();
        var notYetDue = await StateAsync(webhook);
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        await app.DeliverAsync();
        var second = await StateAsync(webhook);
        Receiver.Answer = HttpStatusCode.OK;
        Receiver.Up = true;
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        await app.DeliverAsync();
        await app.DeliverAsync();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.DeliverAsync();
        var delivered = await StateAsync(webhook);

        var start = app.Clock.GetUtcNow().AddHours(-1).AddSeconds(-30);
        Assert.Equal((1, false, start.AddSeconds(10)), (first.Attempts, first.Delivered, first.NextAttemptAt));
        Assert.NotNull(first.LastError);
        if (listening)
        {
            Assert.Equal("HTTP 500", first.LastError);
        }
        Assert.Equal(first, notYetDue);
        Assert.Equal((2, false, start.AddSeconds(30)), (second.Attempts, second.Delivered, second.NextAttemptAt));
        Assert.Equal((3, true, null), (delivered.Attempts, delivered.Delivered, delivered.LastError));
        Assert.Equal(listening ? 3 : 1, Receiver.Received.Count(r => r.Headers["X-Feedback-Delivery"] == webhook.ToString()));
        Assert.Equal([webhook.ToString()], Receiver.Accepted.Where(a => a == webhook.ToString()));
        Assert.Equal(Receiver.Accepted.Distinct(), Receiver.Accepted);
    }

    [Fact]
    public async Task Deliver_ReceiverDown_OneFailureStopsTheRunsOtherWebhooksButNotTheInbox()
    {
        var first = await app.OpenCaseAsync();
        var second = await app.OpenCaseAsync();
        Receiver.Answer = HttpStatusCode.ServiceUnavailable;

        await app.DeliverAsync();

        var attempts = new[] { (await StateAsync(await WebhookIdAsync(first))).Attempts, (await StateAsync(await WebhookIdAsync(second))).Attempts };
        Assert.Equal([0, 1], attempts.Order());
        Assert.Equal(2L, (await app.QueryAsync(
            "SELECT count(*) FROM inbox_messages WHERE case_id = ANY($1)", r => r.GetInt64(0), new[] { first, second }))[0]);
    }

    [Fact]
    public async Task Deliver_AfterMaxAttemptsFailures_GivesUpAndKeepsTheLastError()
    {
        var id = await app.OpenCaseAsync();
        var webhook = await WebhookIdAsync(id);
        Receiver.Answer = HttpStatusCode.BadGateway;
        for (var i = 0; i < WebhookApp.MaxAttempts + 2; i++)
        {
            await app.DeliverAsync();
            app.Clock.Advance(TimeSpan.FromHours(1));
        }
        Receiver.Answer = HttpStatusCode.OK;

        await app.DeliverAsync();

        var state = await StateAsync(webhook);
        Assert.Equal((WebhookApp.MaxAttempts, false, "HTTP 502"), (state.Attempts, state.Delivered, state.LastError));
        Assert.Equal(WebhookApp.MaxAttempts, Receiver.Received.Count(r => r.Headers["X-Feedback-Delivery"] == webhook.ToString()));
    }

    public void Dispose()
    {
        // Leave the receiver up and nothing owed for the next test of the class.
        Receiver.Answer = HttpStatusCode.OK;
        Receiver.Up = true;
        app.Clock.Advance(TimeSpan.FromHours(2));
        app.DeliverAsync().GetAwaiter().GetResult();
    }

    private async Task<long> WebhookIdAsync(long caseId) =>
        (await app.QueryAsync("SELECT id FROM notifications WHERE case_id = $1 AND target = 'webhook'", r => r.GetInt64(0), caseId)).Single();

    private async Task<(int Attempts, bool Delivered, DateTimeOffset NextAttemptAt, string? LastError)> StateAsync(long notificationId) =>
        (await app.QueryAsync("SELECT attempts, delivered_at IS NOT NULL, next_attempt_at, last_error FROM notifications WHERE id = $1",
            r => (r.GetInt32(0), r.GetBoolean(1), r.GetFieldValue<DateTimeOffset>(2), r.IsDBNull(3) ? null : r.GetString(3)), notificationId)).Single();
}
