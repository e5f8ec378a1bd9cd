using System.Security.Claims;
using Feedback.Web.Accounts;

namespace Feedback.Web.Pages;

/// <summary>The signed-in person as the pages see them, and the places their role may go.</summary>
public sealed record PageUser(string UserName, string DisplayName, string Role, string? DepartmentCode)
{
    public static PageUser? From(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true, AuthenticationType: AccountsExtensions.CookieScheme })
            return null;
        var name = user.Identity.Name ?? "";
        return new(name, user.FindFirstValue(AccountsExtensions.DisplayNameClaim) ?? name, user.FindFirstValue(ClaimTypes.Role) ?? "",
            user.FindFirstValue(AccountsExtensions.DepartmentClaim));
    }

    public string RoleLabel => Roles.Label(Role);

    public bool IsIn(params string[] roles) => roles.Contains(Role);

    /// <summary>Quality officers, leaders and admins see the whole centre; department roles their own department.</summary>
    public bool SeesWholeCentre => !Roles.NeedsDepartment(Role);

    /// <summary>The navigation, in the order people use it; each entry only for the roles its endpoints allow.</summary>
    public IEnumerable<NavLink> Navigation()
    {
        yield return new("/cases", "工单");
        yield return new("/inbox", "消息");
        if (IsIn(Roles.DepartmentHead, Roles.DepartmentOfficer))
        {
            yield return new("/department", "本部门");
            yield return new("/reports/department", "本部门周报");
        }
        else
            yield return new("/department", "部门概况");
        if (IsIn(Policies.LeaderRoles))
        {
            yield return new("/overview", "总览");
            yield return new("/reports", "周报");
        }
        if (IsIn(Roles.Admin))
            yield return new("/admin", "管理");
    }
}

public sealed record NavLink(string Href, string Label);
