using Microsoft.AspNetCore.Authentication;

namespace Feedback.Web.ApiKeys;

public static class ApiKeyExtensions
{
    // Aliases for Evaluations/, which another branch is reworking now: switch it to Policies.* after the merge and delete these.
    public const string IngestPolicy = Authorization.Policies.Ingest;
    public const string ReadPolicy = Authorization.Policies.Read;
    public const string AdminPolicy = Authorization.Policies.Admin;

    /// <summary>Machines authenticate with API keys; an admin key may do everything (policies: Authorization/Policies).</summary>
    public static IHostApplicationBuilder AddApiKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        return builder;
    }
}
