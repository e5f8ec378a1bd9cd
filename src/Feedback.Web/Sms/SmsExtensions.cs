using Feedback.Web.Notifications;
using Feedback.Web.Organization;
using Feedback.Web.Tracking;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Sms;

public static class SmsExtensions
{
    /// <summary>
    /// Text messages to the citizen of a case, through the outbox and an HTTP gateway, and the encrypted number they
    /// need. Off until Sms:GatewayUrl is set. Needs AddNotifications, AddOrganization and AddTracking.
    /// </summary>
    public static IHostApplicationBuilder AddSms(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SmsOptions>().BindConfiguration("Sms").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ContactPhones>();
        services.AddSingleton(sp => new CitizenSms(sp.GetRequiredService<TrackingLinks>(), sp.GetRequiredService<OrgDirectory>(), sp.GetRequiredService<IOptions<SmsOptions>>()));
        services.AddHttpClient<SmsGateway>();
        services.AddNotificationChannel<SmsChannel>();
        return builder;
    }
}
