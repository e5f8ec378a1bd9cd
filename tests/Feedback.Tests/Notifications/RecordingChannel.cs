using System.Collections.Concurrent;
using Feedback.Tests.Cases;
using Feedback.Web.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Notifications;

/// <summary>
/// A third channel, as SMS or a provincial sync would be: it takes a copy of every event (targets "recorder") and
/// records what it is given.
/// </summary>
internal sealed class RecordingChannel : INotificationChannel
{
    public const string Target = "recorder";

    public ConcurrentQueue<Notification> Received { get; } = new();

    public string Name => Target;

    public IEnumerable<string> CopiesFor(IReadOnlyList<string> audience) => [Target];

    public Task<ChannelResult> SendAsync(OutboxBatch outbox, IReadOnlyList<Notification> messages, CancellationToken ct)
    {
        foreach (var message in messages)
        {
            Received.Enqueue(message);
        }
        return Task.FromResult(new ChannelResult([.. messages.Select(m => new DeliveryResult(m, null))]));
    }
}

/// <summary>The service with <see cref="RecordingChannel"/> registered the way a new channel is: one line.</summary>
public sealed class RecordingChannelApp : CasesApp
{
    internal RecordingChannel Channel => Services.GetRequiredService<RecordingChannel>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddNotificationChannel<RecordingChannel>());
    }
}
