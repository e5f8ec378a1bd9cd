using Feedback.Web.Data;
using Feedback.Web.Keys;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.Accounts;

public static class AccountsExtensions
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string CookieName = "feedback.auth";
    public const string DepartmentClaim = "department";
    public const string DisplayNameClaim = "display_name";

    public const string SignInRateLimit = "signin";

    /// <summary>
    /// People sign in with a cookie; API keys stay the default scheme, so the API answers exactly as before and
    /// only endpoints with a people policy (Authorization/Policies) look at the cookie.
    /// </summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPeople();
        builder.Services.AddSingleton<FirstRun>();
        builder.Services.StartAfterDatabase(s => s.AddHostedService<FirstRunNotice>());
        builder.Services.AddKeyRing();
        // Antiforgery's own default is never Secure; like the sign-in cookie it is Secure whenever the client spoke HTTPS
        // (to us, or to a configured proxy: Infrastructure/ForwardedHeadersExtensions).
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.SignInAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
        builder.Services.AddAuthentication().AddCookie(CookieScheme);
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<IOptions<AccountOptions>>(ConfigureCookie);
        return builder;
    }

    /// <summary>
    /// The data-protection key ring (cookies, antiforgery tokens, protected payloads) in the database, shared by every
    /// process; its secrets stored encrypted under a key sealed with the master key, so a dump signs no cookie.
    /// Needs an <see cref="NpgsqlDataSource"/> and the <see cref="SecretStore"/>.
    /// </summary>
    internal static IServiceCollection AddKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("feedback");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((keys, sp) =>
        {
            keys.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<NpgsqlDataSource>());
            keys.XmlEncryptor = new KeyRingEncryptor(sp.GetRequiredService<SecretStore>());
        });
        return services;
    }

    /// <summary>Creating and changing people, without the web: also all that the `user` commands start.</summary>
    internal static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration("Accounts").ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<UserService>();
        services.AddScoped<SignInLockout>();
        services.AddScoped<UserPasswords>();
        services.AddScoped<Admin.AdminAudit>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        return services;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, IOptions<AccountOptions> accounts)
    {
        cookie.Cookie.Name = CookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = accounts.Value.SessionLifetime;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = "/signin";
        cookie.LogoutPath = "/signout";
        cookie.ReturnUrlParameter = "returnUrl";
        cookie.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
        // The API answers 401 to a missing or expired cookie; pages send people to the sign-in page.
        cookie.Events.OnRedirectToLogin = context =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            else
                // The path only: an absolute address would be built from the request's Host header, which a client chooses.
                context.Response.Redirect(new Uri(context.RedirectUri).PathAndQuery);
            return Task.CompletedTask;
        };
        // A signed-in person without the role gets a plain 403, not a redirect to a page that does not exist.
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}
