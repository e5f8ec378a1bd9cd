using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Feedback.Web.Accounts;

/// <summary>
/// A person signed in with a temporary password (new account, or reset by an admin) may only choose a new one: every
/// page that needs a sign-in sends them to /account/password, and the API answers 403 until it is done.
/// </summary>
internal static class ForcedPasswordChange
{
    public static IApplicationBuilder UseForcedPasswordChange(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (await MustChangeFirstAsync(context))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                {
                    HttpContext = context,
                    ProblemDetails = { Status = 403, Title = "Password change required", Detail = $"Choose a new password at {PasswordPages.Path} first." },
                });
                return;
            }
            var back = HttpMethods.IsGet(context.Request.Method) ? context.Request.PathBase + context.Request.Path + context.Request.QueryString : "/";
            context.Response.Redirect(PasswordPages.PathFor(back));
            return;
        }
        await next(context);
    });

    // Only endpoints that need a sign-in: public pages (the QR rating page) stay as they are.
    private static async Task<bool> MustChangeFirstAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata is null || (metadata.GetMetadata<IAuthorizeData>() is null && metadata.GetMetadata<AuthorizationPolicy>() is null)
            || context.Request.Path.StartsWithSegments(PasswordPages.Path) || context.Request.Path.StartsWithSegments("/signout"))
            return false;
        var cookie = await context.AuthenticateAsync(AccountsExtensions.CookieScheme);
        return cookie.Principal?.HasClaim(c => c.Type == UserPrincipal.MustChangePasswordClaim) == true;
    }
}
