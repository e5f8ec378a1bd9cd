using Feedback.Tests.Infrastructure;
using Feedback.Tests.Qr;
using Feedback.Web.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Sms;

/// <summary>A <see cref="PhoneBrowser"/> whose service texts citizens through a <see cref="SmsGatewayReceiver"/>.</summary>
public sealed class SmsPhoneBrowser() : PhoneBrowser(new GatewayApp())
{
    public SmsGatewayReceiver Gateway => ((GatewayApp)App).Gateway;

    /// <summary>Delivers the outbox now, as the job server's timer would.</summary>
    public Task<int> DeliverAsync() => App.Services.GetRequiredService<NotificationDelivery>().RunAsync(TestContext.Current.CancellationToken);

    private sealed class GatewayApp : FeedbackApp
    {
        public SmsGatewayReceiver Gateway { get; } = new(SmsApp.Secret);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sms:GatewayUrl", Gateway.Url);
            builder.UseSetting("Sms:AppKey", SmsApp.AppKey);
            builder.UseSetting("Sms:AppSecret", SmsApp.Secret);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Gateway.DisposeAsync();
        }
    }
}
