using System.Security.Claims;
using Feedback.Web.Data;
using Feedback.Web.Infrastructure;
using Feedback.Web.Organization;
using Feedback.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
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
        pages.MapPost("/signout", SignOut).RequireAuthorization(Policies.SignedIn);
        pages.MapGet("/", Home).RequireAuthorization(Policies.SignedIn);
        routes.MapPasswordPages();
        return routes;
    }

    private static async Task<RazorComponentResult<SignInPage>> ShowSignIn(string? returnUrl, FirstRun firstRun, CancellationToken ct) =>
        new(new { ReturnUrl = returnUrl, NoUsers = !await firstRun.HasUsersAsync(ct) });

    // [FromForm] makes the framework check the antiforgery token before this runs.
    private static async Task<IResult> SignIn(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext context, UserService users, FirstRun firstRun, CentreTime centre, CancellationToken ct)
    {
        // The address as the forwarded-headers middleware leaves it: the client's, behind a configured proxy.
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var attempt = await users.SignInAsync(userName?.Trim() ?? "", password ?? "", address, ct);
        if (attempt.User is not { } user)
        {
            var error = attempt.LockedUntil is { } until
                ? $"登录失败次数过多，请于 {centre.ToLocal(until):HH:mm} 后重试"
                : WrongCredentials;
            return new RazorComponentResult<SignInPage>(new { ReturnUrl = returnUrl, UserName = userName, Error = error, NoUsers = !await firstRun.HasUsersAsync(ct) });
        }
        await context.SignInAsync(AccountsExtensions.CookieScheme, UserPrincipal.Create(user));
        var target = IsLocalUrl(returnUrl) ? AsciiUrl(returnUrl!) : "/";
        // A temporary password (new account, or reset by an admin) is exchanged for the person's own before anything else.
        return Results.Redirect(user.MustChangePassword ? PasswordPages.PathFor(target) : target);
    }

    private static async Task<IResult> SignOut(
        HttpContext context, IAntiforgery antiforgery, FeedbackDbContext db, TimeProvider time, IOptions<AccountOptions> options, CancellationToken ct)
    {
        // No form fields are bound here, so the token is checked by hand.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }
        // Deleting the cookie only affects this browser: the session is ended on the server too, so a copy of the
        // cookie is refused from now on.
        if (UserPrincipal.Session(context.User) is { } session)
        {
            var now = time.GetUtcNow();
            await db.EndedSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(ct);
            db.EndedSessions.Add(new EndedSession { Id = session, EndedAt = now, ExpiresAt = now + options.Value.SessionLifetime });
            await db.SaveChangesAsync(ct);
        }
        await context.SignOutAsync(AccountsExtensions.CookieScheme);
        return Results.Redirect("/signin");
    }

    private static async Task<RazorComponentResult<HomePage>> Home(ClaimsPrincipal user, OrgDirectory org, CancellationToken ct)
    {
        var person = PageUser.From(user)!;
        var names = (await org.GetAsync(ct)).Names.Departments;
        return new(new { User = person, DepartmentName = person.DepartmentCode is { } d ? names.GetValueOrDefault(d) : null });
    }

    /// <summary>A Location header is ASCII: other characters (a path typed in Chinese) are percent-encoded.</summary>
    internal static string AsciiUrl(string url)
    {
        var ascii = new System.Text.StringBuilder(url.Length);
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii)
                ascii.Append((char)rune.Value);
            else
                ascii.Append(Uri.EscapeDataString(rune.ToString()));
        }
        return ascii.ToString();
    }

    /// <summary>Only paths on this site, so that a crafted link cannot send someone elsewhere after signing in.</summary>
    internal static bool IsLocalUrl(string? url) =>
        url is ['/', ..] && (url.Length == 1 || url[1] is not ('/' or '\\')) && !url.Any(char.IsControl);
}
