using System.Globalization;
using System.Security.Claims;
using Feedback.Web.Accounts;
using Feedback.Web.ApiKeys;

namespace Feedback.Web.Authorization;

/// <summary>
/// Who is calling, and what they may see: department roles see their own department only; an admin API key acts as
/// an admin, a read key as a read-only leader. <c>UserId</c> and <c>DisplayName</c> are the signed-in person's; null
/// for API keys. Every feature that scopes data by department (cases, theme corrections) asks this rule.
/// </summary>
public sealed record Caller(string Name, string Role, string? DepartmentCode, int? UserId = null, string? DisplayName = null)
{
    public static Caller From(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "unknown";
        if (user.FindFirstValue(ApiKeyAuthenticationHandler.ScopeClaim) is { } scope)
            return new($"apikey:{name}", scope == ApiKeyScopes.Admin ? Roles.Admin : Roles.Leader, null);
        var role = user.FindFirstValue(ClaimTypes.Role) ?? "";
        var id = int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        // A department role without its department claim sees no department at all ("-" matches none).
        return new(name, role, Roles.NeedsDepartment(role) ? user.FindFirstValue(AccountsExtensions.DepartmentClaim) ?? "-" : null, id,
            user.FindFirstValue(AccountsExtensions.DisplayNameClaim));
    }

    /// <summary>Null <see cref="DepartmentCode"/>: every department.</summary>
    public bool CanSee(string departmentCode) => DepartmentCode is null || DepartmentCode == departmentCode;
}
