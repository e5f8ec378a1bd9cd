using System.Collections.Concurrent;
using System.Net;
using Feedback.Tests.Cases;
using Feedback.Web.Infrastructure;

namespace Feedback.Tests.Notifications;

/// <summary>One request the receiver got, and what it answered.</summary>
public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, string Body, HttpStatusCode Answer);

/// <summary>A webhook endpoint on a loopback port that records every request and answers as told.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();

    public WebhookReceiver()
    {
        Url = $"http://127.0.0.1:{LoopbackPort.Free()}/hook/";
        _listener.Prefixes.Add(Url);
        Up = true;
    }

    public string Url { get; }

    /// <summary>False: nothing listens on the port, so connections are refused.</summary>
    public bool Up
    {
        get => _listener.IsListening;
        set
        {
            if (value && !_listener.IsListening)
            {
                _listener.Start();
                _ = Task.Run(ListenAsync);
            }
            else if (!value && _listener.IsListening)
            {
                _listener.Stop();
            }
        }
    }

    /// <summary>The status to answer with while <see cref="Up"/>.</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The X-Feedback-Delivery ids of the requests answered with a success.</summary>
    public List<string> Accepted => [.. Received.Where(r => (int)r.Answer < 300).Select(r => r.Headers["X-Feedback-Delivery"])];

    public void Dispose() => _listener.Close();

    private async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, context.Request.ContentEncoding);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var answer = Answer;
            Received.Enqueue(new(headers, body, answer));
            context.Response.StatusCode = (int)answer;
            context.Response.Close();
        }
    }
}

/// <summary><see cref="CasesApp"/> whose notifications also go to a <see cref="WebhookReceiver"/>, signed with <see cref="Secret"/>.</summary>
public sealed class WebhookApp : CasesApp
{
    public const string Secret = "webhook-test-secret";
    public const int MaxAttempts = 4;

    public WebhookReceiver Receiver { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Notifications:WebhookUrl", Receiver.Url), new("Notifications:WebhookSecret", Secret), new("Notifications:MaxAttempts", MaxAttempts.ToString())];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Receiver.Dispose();
    }
}
