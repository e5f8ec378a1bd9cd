using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Sms;

/// <summary>What the gateway made of one message: accepted (with its id, if it gave one) or why not.</summary>
public readonly record struct GatewayAnswer(bool Accepted, string? MessageId, string? Error);

/// <summary>
/// POSTs one message as JSON <c>{"to","sender","text","messageId"}</c> to <see cref="SmsOptions.GatewayUrl"/>, signed:
/// X-Sms-AppKey (the key), X-Sms-Timestamp (unix seconds), X-Sms-Nonce (random, new per request) and X-Sms-Signature =
/// hex(HMAC-SHA256(AppSecret, timestamp + "\n" + nonce + "\n" + body)). Idempotency-Key is the same on every attempt of
/// a message: the gateway should drop one it has accepted, since a crash between its answer and our commit sends
/// the message again. Any 2xx is accepted; an optional JSON answer <c>{"messageId": "…"}</c> is kept.
/// </summary>
public sealed class SmsGateway(HttpClient http, TimeProvider time, IOptions<SmsOptions> options)
{
    public const string AppKeyHeader = "X-Sms-AppKey";
    public const string TimestampHeader = "X-Sms-Timestamp";
    public const string NonceHeader = "X-Sms-Nonce";
    public const string SignatureHeader = "X-Sms-Signature";
    public const string IdempotencyHeader = "Idempotency-Key";
    private const int MaxError = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string IdempotencyKey(long notificationId) => $"feedback-sms-{notificationId.ToString(CultureInfo.InvariantCulture)}";

    public async Task<GatewayAnswer> SendAsync(long notificationId, string phone, string text, CancellationToken ct)
    {
        var settings = options.Value;
        var key = IdempotencyKey(notificationId);
        var body = JsonSerializer.Serialize(new { to = phone, sender = settings.SenderId, text, messageId = key }, Json);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.GatewayUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(AppKeyHeader, settings.AppKey);
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(NonceHeader, nonce);
        request.Headers.Add(SignatureHeader, Sign(settings.AppSecret ?? "", timestamp, nonce, body));
        request.Headers.Add(IdempotencyHeader, key);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(settings.Timeout);
            using var response = await http.SendAsync(request, timeout.Token);
            var answer = await response.Content.ReadAsStringAsync(timeout.Token);
            return response.IsSuccessStatusCode
                ? new(true, GatewayId(answer), null)
                : new(false, null, Masked(answer.Length == 0 ? $"HTTP {(int)response.StatusCode}" : $"HTTP {(int)response.StatusCode}: {answer}", phone));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new(false, null, Masked(ex is TaskCanceledException ? $"no answer within {settings.Timeout.TotalSeconds:0.#} s" : ex.Message, phone));
        }
    }

    public static string Sign(string secret, string timestamp, string nonce, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{body}")));

    /// <summary>A gateway may quote the number back in its error: the reason is logged and stored, so it gets the mask.</summary>
    private static string Masked(string reason, string phone)
    {
        var masked = reason.Replace(phone, Evaluations.PhoneProtector.Mask(phone), StringComparison.Ordinal).Trim();
        return masked.Length <= MaxError ? masked : masked[..MaxError];
    }

    private static string? GatewayId(string answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString() is { Length: <= 100 } value ? value : null
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
