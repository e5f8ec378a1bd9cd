namespace Feedback.Web.Authorization;

/// <summary>
/// The roles a person signs in with (User.Role). Department roles see their own department only (<see cref="Caller"/>);
/// which role may do what is in <see cref="Policies"/>.
/// </summary>
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
