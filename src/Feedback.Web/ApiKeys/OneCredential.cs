using Feedback.Web.Accounts;
using Feedback.Web.Infrastructure;

namespace Feedback.Web.ApiKeys;

/// <summary>
/// A request is either a machine's (an API key) or a person's (the sign-in cookie), never both: with both, a policy
/// would accept the union of two identities' rights, and a department officer plus any key would read every department.
/// Refusing the pair is the one rule that cannot be read two ways.
/// </summary>
public static class OneCredential
{
    public static IApplicationBuilder UseOneCredential(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
            || !context.Request.Cookies.ContainsKey(AccountsExtensions.CookieName))
        {
            await next(context);
            return;
        }
        await Refusal.WriteAsync(context, StatusCodes.Status400BadRequest, "Send either an API key or a sign-in cookie, not both.",
            ApiKeyAuthenticationHandler.HeaderName, "Not allowed with a sign-in cookie.");
    });
}
