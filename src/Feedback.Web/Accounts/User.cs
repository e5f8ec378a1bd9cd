namespace Feedback.Web.Accounts;

/// <summary>A person who signs in to the pages. Machines use API keys instead.</summary>
public sealed class User
{
    public int Id { get; init; }
    public required string UserName { get; init; }
    public required string DisplayName { get; set; }
    public required string Role { get; set; }
    /// <summary>Required for department officers and heads, whose view is limited to their own department.</summary>
    public string? DepartmentCode { get; set; }
    public string PasswordHash { get; set; } = "";
    /// <summary>A disabled account cannot sign in, and its open sessions end (see SessionValidator).</summary>
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Set when an admin creates the account or resets its password: the next sign-in leads to /account/password.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>When the password last changed after creation; sessions carry it, so a reset or a change ends the other sessions.</summary>
    public DateTimeOffset? PasswordChangedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
}

public static class Roles
{
    public const string Admin = "admin";
    public const string QualityOfficer = "quality_officer";
    public const string DepartmentOfficer = "department_officer";
    public const string DepartmentHead = "department_head";
    public const string Leader = "leader";

    public static readonly string[] All = [Admin, QualityOfficer, DepartmentOfficer, DepartmentHead, Leader];

    public static bool NeedsDepartment(string role) => role is DepartmentOfficer or DepartmentHead;

    public static string Label(string role) => role switch
    {
        Admin => "系统管理员",
        QualityOfficer => "中心质量专员",
        DepartmentOfficer => "部门专员",
        DepartmentHead => "部门负责人",
        Leader => "领导",
        "system" => "系统",
        Cases.CitizenFollowUps.Role => "群众",
        _ => role,
    };
}
