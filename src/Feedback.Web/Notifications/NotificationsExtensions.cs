using Feedback.Web.Data;
using Feedback.Web.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Feedback.Web.Notifications;

public static class NotificationsExtensions
{
    /// <summary>
    /// The outbox and its channels: features queue notifications in their own transaction (<see cref="OutboxWriter"/>);
    /// each job server delivers them through the registered channels, the in-app inbox and the webhook.
    /// </summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NotificationOptions>().BindConfiguration("Notifications").ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Inbox>();
        services.AddHttpClient<WebhookSender>();
        services.AddNotificationChannel<InboxChannel>();
        services.AddNotificationChannel<WebhookChannel>();
        services.AddSingleton(sp => new NotificationRouting(sp.GetServices<INotificationChannel>()));
        services.AddSingleton<NotificationDelivery>();
        if (builder.RunsJobServer())
            services.StartAfterDatabase(s => s.AddHostedService<NotificationSchedules>());
        return builder;
    }

    /// <summary>A way to deliver notifications; delivery takes the targets of its <see cref="INotificationChannel.Schemes"/>.</summary>
    internal static IServiceCollection AddNotificationChannel<T>(this IServiceCollection services) where T : class, INotificationChannel
    {
        services.TryAddSingleton<T>();
        services.AddSingleton<INotificationChannel>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>The inbox: its API and its page.</summary>
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder routes)
    {
        routes.MapInbox();
        routes.MapInboxPages();
        return routes;
    }
}
