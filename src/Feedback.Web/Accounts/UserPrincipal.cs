using System.Globalization;
using System.Security.Claims;

namespace Feedback.Web.Accounts;

/// <summary>The claims a sign-in cookie carries for a person.</summary>
internal static class UserPrincipal
{
    /// <summary>Present while the person must choose a new password (see <see cref="ForcedPasswordChange"/>).</summary>
    public const string MustChangePasswordClaim = "must_change_password";
    /// <summary>When the password last changed; the session check ends sessions issued before a reset or change.</summary>
    public const string PasswordStampClaim = "password_stamp";
    /// <summary>The session's own id, so that signing out ends this session on the server too (<see cref="EndedSession"/>).</summary>
    public const string SessionClaim = "session";

    public static ClaimsPrincipal Create(User user)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(AccountsExtensions.DisplayNameClaim, user.DisplayName),
            new(ClaimTypes.Role, user.Role),
            new(SessionClaim, Guid.NewGuid().ToString("N")),
        ];
        if (user.DepartmentCode is { } department)
            claims.Add(new(AccountsExtensions.DepartmentClaim, department));
        if (Stamp(user.PasswordChangedAt) is { } stamp)
            claims.Add(new(PasswordStampClaim, stamp));
        if (user.MustChangePassword)
            claims.Add(new(MustChangePasswordClaim, "true"));
        return new(new ClaimsIdentity(claims, AccountsExtensions.CookieScheme));
    }

    public static string? Stamp(DateTimeOffset? changedAt) => changedAt?.UtcTicks.ToString(CultureInfo.InvariantCulture);

    public static Guid? Session(ClaimsPrincipal principal) =>
        Guid.TryParseExact(principal.FindFirstValue(SessionClaim), "N", out var id) ? id : null;

    public static int? Id(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : null;
}
