using Feedback.Web.Admin;
using Feedback.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Accounts;

/// <summary>What a person's account must satisfy; each refusal names the field, in English for the CLI and Chinese for the pages.</summary>
internal static class UserRules
{
    public const int MaxUserName = 64;
    public const int MaxDisplayName = 100;

    public static async Task ValidateNewAsync(FeedbackDbContext db, NewUser request, int minPasswordLength, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > MaxUserName || request.UserName.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new RefusedInputException("userName", $"User name must be 1-{MaxUserName} characters without spaces.", $"用户名须为 1-{MaxUserName} 个字符，不能含空格。");
        if (request.DisplayName.Length > MaxDisplayName)
            throw new RefusedInputException("displayName", $"Display name must be at most {MaxDisplayName} characters.", $"姓名最多 {MaxDisplayName} 个字符。");
        await ValidateRoleAsync(db, request.Role, request.DepartmentCode, ct);
        PasswordRule.Check(request.Password, request.UserName, minPasswordLength);
        if (await db.Users.AnyAsync(u => u.UserName == request.UserName, ct))
            throw new RefusedInputException("userName", $"A user named '{request.UserName}' exists already.", $"用户名“{request.UserName}”已被使用，请换一个。");
    }

    public static async Task ValidateChangeAsync(FeedbackDbContext db, User user, UserRecord before, CancellationToken ct)
    {
        if (user.DisplayName.Length > MaxDisplayName)
            throw new RefusedInputException("displayName", $"Display name must be at most {MaxDisplayName} characters.", $"姓名最多 {MaxDisplayName} 个字符。");
        await ValidateRoleAsync(db, user.Role, user.DepartmentCode, ct);
        if (before.IsActiveAdmin && !UserRecord.Of(user).IsActiveAdmin
            && !await db.Users.AnyAsync(u => u.Id != user.Id && u.Role == Roles.Admin && !u.Disabled, ct))
            throw new RefusedInputException(user.Disabled ? "disabled" : "role", $"{user.UserName} is the last active admin; there must always be one.",
                "这是最后一名启用的系统管理员，不能停用或改为其他角色：系统必须始终保留至少一名管理员。请先为另一人设置管理员角色。");
    }

    private static async Task ValidateRoleAsync(FeedbackDbContext db, string role, string? department, CancellationToken ct)
    {
        if (!Roles.All.Contains(role))
            throw new RefusedInputException("role", $"Role must be one of: {string.Join(", ", Roles.All)}.", "请选择一个有效的角色。");
        if (Roles.NeedsDepartment(role) && string.IsNullOrEmpty(department))
            throw new RefusedInputException("departmentCode", $"Role {role} needs --department.", $"“{Roles.Label(role)}”必须选择所属部门。");
        if (department is { } code && !await db.Departments.AnyAsync(d => d.Code == code, ct))
            throw new RefusedInputException("departmentCode", $"Unknown department '{code}'.", $"部门编码“{code}”不存在。");
    }
}
