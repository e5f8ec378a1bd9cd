using System.Security.Claims;
using Feedback.Web.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Accounts;

/// <summary>/account/password: a person changes their own password, and must before anything else after a reset.</summary>
public static class PasswordPages
{
    public const string Path = "/account/password";

    public static string PathFor(string returnUrl) => returnUrl == "/" ? Path : $"{Path}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static IEndpointRouteBuilder MapPasswordPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup(Path).ExcludeFromDescription().RequireAuthorization(Policies.SignedIn);
        pages.MapGet("", Show);
        // Each wrong current password is a guess: the sign-in limit per client address applies here too.
        pages.MapPost("", ChangeAsync).RequireRateLimiting(AccountsExtensions.SignInRateLimit);
        return routes;
    }

    private static RazorComponentResult<PasswordPage> Show(ClaimsPrincipal user, string? returnUrl, bool? changed, IOptions<AccountOptions> options) =>
        new(new { Forced = IsForced(user), ReturnUrl = returnUrl, Changed = changed == true, Rule = PasswordRule.Describe(options.Value.MinPasswordLength) });

    private static async Task<IResult> ChangeAsync(
        [FromForm] string? currentPassword, [FromForm] string? newPassword, [FromForm] string? confirmPassword, [FromForm] string? returnUrl,
        HttpContext context, UserPasswords passwords, IOptions<AccountOptions> options, CancellationToken ct)
    {
        var forced = IsForced(context.User);
        try
        {
            var user = await passwords.ChangeAsync(UserPrincipal.Id(context.User) ?? 0, currentPassword ?? "", newPassword ?? "", confirmPassword ?? "", ct);
            // A fresh cookie with the new password's stamp: this session stays, the person's other sessions end.
            await context.SignInAsync(AccountsExtensions.CookieScheme, UserPrincipal.Create(user));
            var target = AccountsApi.IsLocalUrl(returnUrl) ? returnUrl! : "/";
            return Results.Redirect(forced ? target : $"{Path}?changed=true");
        }
        catch (RefusedInputException refused)
        {
            var rule = PasswordRule.Describe(options.Value.MinPasswordLength);
            return new RazorComponentResult<PasswordPage>(new { Forced = forced, ReturnUrl = returnUrl, Error = refused.Chinese, Field = refused.Field, Rule = rule })
            {
                StatusCode = StatusCodes.Status400BadRequest,
            };
        }
    }

    private static bool IsForced(ClaimsPrincipal user) => user.HasClaim(c => c.Type == UserPrincipal.MustChangePasswordClaim);
}
