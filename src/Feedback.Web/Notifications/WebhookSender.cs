using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Notifications;

/// <summary>
/// POSTs a notification as JSON. The receiver checks X-Feedback-Signature = "sha256=" + hex(HMAC-SHA256(secret,
/// timestamp + "." + body)) and should ignore an X-Feedback-Delivery id it has seen: a crash between its answer and
/// our commit makes us send that message again.
/// </summary>
public sealed class WebhookSender(HttpClient http, TimeProvider time, IOptions<NotificationOptions> options)
{
    public const string SignatureHeader = "X-Feedback-Signature";
    public const string TimestampHeader = "X-Feedback-Timestamp";
    public const string DeliveryHeader = "X-Feedback-Delivery";
    public const string EventHeader = "X-Feedback-Event";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>Null when the receiver accepted it (2xx), else why not.</returns>
    public async Task<string?> SendAsync(Notification message, CancellationToken ct)
    {
        var settings = options.Value;
        var body = JsonSerializer.Serialize(new
        {
            message.Id, message.EventKey, message.Kind, message.CaseId, message.DepartmentCode, message.Title, message.Body, message.CreatedAt,
        }, Json);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(DeliveryHeader, message.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(EventHeader, message.Kind);
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Sign(settings.WebhookSecret ?? "", timestamp, body));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(settings.WebhookTimeout);
            using var response = await http.SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return ex.Message;
        }
    }

    public static string Sign(string secret, string timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }
}
