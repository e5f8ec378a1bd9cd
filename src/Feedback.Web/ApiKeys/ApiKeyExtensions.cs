using Microsoft.AspNetCore.Authentication;

namespace Feedback.Web.ApiKeys;

public static class ApiKeyExtensions
{
    /// <summary>Machines authenticate with API keys; an admin key may do everything (policies: Authorization/Policies).</summary>
    public static IHostApplicationBuilder AddApiKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        return builder;
    }
}
