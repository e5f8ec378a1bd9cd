using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Feedback.Tests.Sms;

/// <summary>How the gateway behaves for the next requests.</summary>
public enum GatewayMood
{
    Up,
    /// <summary>Answers 500 without taking the message.</summary>
    Failing,
    /// <summary>Answers nothing for longer than the service waits.</summary>
    Hanging,
    /// <summary>Takes the message, then answers 500, as a gateway that crashes before its answer leaves.</summary>
    TakesThenFails,
}

/// <summary>One request the gateway got: its headers, body, whether the signature verified and whether it was a repeat.</summary>
public sealed record GatewayRequest(IReadOnlyDictionary<string, string> Headers, string Body, bool SignatureValid, bool Repeat)
{
    public string Key => Headers["Idempotency-Key"];

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// A real HTTP SMS gateway on a loopback port (Kestrel): verifies the signature with the app secret, de-duplicates by
/// Idempotency-Key like a real one, and fails, hangs or recovers as told.
/// </summary>
public sealed class SmsGatewayReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _taken = new();

    public SmsGatewayReceiver(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/sms/send", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body, Encoding.UTF8).ReadToEndAsync();
            var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var valid = Verify(secret, headers, body);
            var key = headers.GetValueOrDefault("Idempotency-Key") ?? "";
            var mood = Mood;
            if (mood == GatewayMood.Hanging)
                await Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted).ContinueWith(_ => { });
            var repeat = _taken.ContainsKey(key);
            Requests.Enqueue(new(headers, body, valid, repeat));
            if (!valid)
                return Results.StatusCode(401);
            if (mood is GatewayMood.Failing or GatewayMood.Hanging)
                return Results.StatusCode(500);
            var id = _taken.GetOrAdd(key, _ => $"gw-{Guid.NewGuid():N}");
            if (!repeat)
                Delivered.Enqueue(key);
            return mood == GatewayMood.TakesThenFails ? Results.StatusCode(500) : Results.Json(new { messageId = id });
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/sms/send";
    }

    public string Url { get; }

    public GatewayMood Mood { get; set; } = GatewayMood.Up;

    public ConcurrentQueue<GatewayRequest> Requests { get; } = new();

    /// <summary>The keys of the messages the gateway took, each once: what its subscribers' phones received.</summary>
    public ConcurrentQueue<string> Delivered { get; } = new();

    public IEnumerable<GatewayRequest> For(string key) => Requests.Where(r => r.Key == key);

    public static bool Verify(string secret, IReadOnlyDictionary<string, string> headers, string body)
    {
        if (!headers.TryGetValue("X-Sms-Timestamp", out var timestamp) || !headers.TryGetValue("X-Sms-Nonce", out var nonce)
            || !headers.TryGetValue("X-Sms-Signature", out var signature))
            return false;
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{body}")));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
