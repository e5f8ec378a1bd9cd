using System.Globalization;
using System.Security.Claims;
using Feedback.Web.Accounts;
using Feedback.Web.ApiKeys;

namespace Feedback.Web.Cases;

/// <summary>
/// Who is looking at or acting on cases. Department roles see their own department only; an admin API key acts as
/// an admin, a read key as a read-only leader. <c>UserId</c> and <c>DisplayName</c> are the signed-in person's; null for API keys.
/// </summary>
public sealed record CaseActor(string Name, string Role, string? DepartmentCode, int? UserId = null, string? DisplayName = null)
{
    public static CaseActor From(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "unknown";
        if (user.FindFirstValue(ApiKeyAuthenticationHandler.ScopeClaim) is { } scope)
            return new($"apikey:{name}", scope == ApiKeyScopes.Admin ? Roles.Admin : Roles.Leader, null);
        var role = user.FindFirstValue(ClaimTypes.Role) ?? "";
        var id = int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        return new(name, role, Roles.NeedsDepartment(role) ? user.FindFirstValue(AccountsExtensions.DepartmentClaim) ?? "-" : null, id,
            user.FindFirstValue(AccountsExtensions.DisplayNameClaim));
    }

    /// <summary>Null: every department.</summary>
    public bool CanSee(string departmentCode) => DepartmentCode is null || DepartmentCode == departmentCode;
}
