using Microsoft.AspNetCore.Authentication;

namespace Feedback.Web.ApiKeys;

public static class ApiKeyExtensions
{
    public const string IngestPolicy = "ingest";
    public const string ReadPolicy = "read";
    public const string AdminPolicy = "admin";

    /// <summary>Machines authenticate with API keys; an admin key may do everything.</summary>
    public static IHostApplicationBuilder AddApiKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(IngestPolicy, p => p.RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiKeyScopes.Ingest, ApiKeyScopes.Admin))
            .AddPolicy(ReadPolicy, p => p.RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiKeyScopes.Read, ApiKeyScopes.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiKeyScopes.Admin));
        return builder;
    }
}
