using Feedback.Web.Accounts;
using Feedback.Web.ApiKeys;
using Microsoft.AspNetCore.Authorization;

namespace Feedback.Web.Authorization;

public static class AuthorizationExtensions
{
    /// <summary>
    /// Every policy of the service, in one place. API keys stay the default scheme, so the API answers exactly as
    /// before; the people policies authenticate with the cookie only.
    /// </summary>
    public static IHostApplicationBuilder AddFeedbackAuthorization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => PeopleOnly(p))
            .AddPolicy(Policies.Officer, p => PeopleOnly(p).RequireRole(Policies.OfficerRoles))
            .AddPolicy(Policies.Leader, p => PeopleOnly(p).RequireRole(Policies.LeaderRoles))
            .AddPolicy(Policies.AdminUser, p => PeopleOnly(p).RequireRole(Roles.Admin))
            .AddPolicy(Policies.PosterMaker, p => PeopleOnly(p).RequireRole(Policies.PosterMakerRoles))
            .AddPolicy(Policies.ReportRenderer, p => PeopleOnly(p).RequireRole(Policies.ReportRendererRoles))
            .AddPolicy(Policies.Ingest, p => p.RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiKeyScopes.Ingest, ApiKeyScopes.Admin))
            .AddPolicy(Policies.Read, p => p.RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiKeyScopes.Read, ApiKeyScopes.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiKeyScopes.Admin))
            .AddPolicy(Policies.Cases, p => p
                .AddAuthenticationSchemes(AccountsExtensions.CookieScheme, ApiKeyAuthenticationHandler.SchemeName)
                .RequireAssertion(context => Roles.All.Any(context.User.IsInRole)
                    || context.User.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiKeyScopes.Read)
                    || context.User.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiKeyScopes.Admin)));
        return builder;
    }

    private static AuthorizationPolicyBuilder PeopleOnly(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(AccountsExtensions.CookieScheme).RequireAuthenticatedUser();
}
