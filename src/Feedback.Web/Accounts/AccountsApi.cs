using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Accounts;

public static class AccountsApi
{
    private const string WrongCredentials = "用户名或密码错误";

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/signin", ShowSignIn);
        pages.MapPost("/signin", SignIn).RequireRateLimiting(AccountsExtensions.SignInRateLimit);
        pages.MapPost("/signout", SignOut).RequireAuthorization(AccountsExtensions.SignedInPolicy);
        pages.MapGet("/", Home).RequireAuthorization(AccountsExtensions.SignedInPolicy);
        return routes;
    }

    private static IResult ShowSignIn(HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
        Html(AccountPages.SignIn(antiforgery.GetAndStoreTokens(context), returnUrl, null, null));

    // [FromForm] makes the framework check the antiforgery token before this runs.
    private static async Task<IResult> SignIn(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext context, UserService users, IAntiforgery antiforgery, IOptions<AccountOptions> options, CancellationToken ct)
    {
        var attempt = await users.SignInAsync(userName?.Trim() ?? "", password ?? "", ct);
        if (attempt.User is not { } user)
        {
            var error = attempt.LockedUntil is { } until
                ? $"账户已锁定，请于 {AccountClock.ToLocal(until, options.Value.TimeZone):HH:mm} 后重试"
                : WrongCredentials;
            return Html(AccountPages.SignIn(antiforgery.GetAndStoreTokens(context), returnUrl, userName, error));
        }
        await context.SignInAsync(AccountsExtensions.CookieScheme, Principal(user));
        return Results.Redirect(IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }

    private static async Task<IResult> SignOut(HttpContext context, IAntiforgery antiforgery)
    {
        // No form fields are bound here, so the token is checked by hand.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }
        await context.SignOutAsync(AccountsExtensions.CookieScheme);
        return Results.Redirect("/signin");
    }

    private static IResult Home(HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal user) =>
        Html(AccountPages.Home(
            user.FindFirstValue(AccountsExtensions.DisplayNameClaim) ?? user.Identity!.Name!,
            user.FindFirstValue(ClaimTypes.Role) ?? "",
            antiforgery.GetAndStoreTokens(context)));

    private static ClaimsPrincipal Principal(User user)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(AccountsExtensions.DisplayNameClaim, user.DisplayName),
            new(ClaimTypes.Role, user.Role),
        ];
        if (user.DepartmentCode is { } department)
        {
            claims.Add(new(AccountsExtensions.DepartmentClaim, department));
        }
        return new(new ClaimsIdentity(claims, AccountsExtensions.CookieScheme));
    }

    /// <summary>Only paths on this site, so that a crafted link cannot send someone elsewhere after signing in.</summary>
    internal static bool IsLocalUrl(string? url) =>
        url is ['/', ..] && (url.Length == 1 || url[1] is not ('/' or '\\')) && !url.Any(char.IsControl);

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");
}
