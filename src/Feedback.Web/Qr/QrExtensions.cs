
namespace Feedback.Web.Qr;

public static class QrExtensions
{
    /// <summary>
    /// Signed QR links, the citizens' rating page, posters. Needs AddEvaluations, AddAccounts (antiforgery) and AddCases
    /// (the thank-you page promises the configured reply time).
    /// </summary>
    public static IHostApplicationBuilder AddQr(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<QrOptions>().BindConfiguration("Qr").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<QrKeyRing>();
        builder.Services.AddSingleton<QrPlaces>();
        builder.Services.AddSingleton<QrDevices>();
        builder.Services.AddSingleton<QrSubmission>();
        builder.Services.AddSingleton<QrServices>();
        builder.Services.AddSingleton<QrPosterMaker>();
        builder.Services.AddSingleton<QrRateLimits>();
        builder.Services.AddSingleton<QrDeviceSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QrDeviceSweeper>());
        return builder;
    }
}
