using Feedback.Web.Accounts;
using Feedback.Web.ApiKeys;

namespace Feedback.Web.Admin;

/// <summary>Chinese names of the audit log's kinds, actions and JSON fields, for the pages.</summary>
public static class AdminLabels
{
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["user"] = "人员账号", [ApiKeyRecord.Kind] = "API 密钥", ["department"] = "部门", ["window"] = "窗口",
        ["staff"] = "工作人员", ["service_item"] = "服务事项", ["org_import"] = "组织机构导入",
    };

    private static readonly Dictionary<string, string> Actions = new()
    {
        ["created"] = "新建", ["updated"] = "修改", ["retired"] = "撤销", ["restored"] = "恢复", ["disabled"] = "停用",
        ["enabled"] = "启用", ["password_reset"] = "重置密码", ["password_changed"] = "本人修改密码", ["revoked"] = "吊销", ["imported"] = "导入",
    };

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["userName"] = "用户名", ["displayName"] = "姓名", ["role"] = "角色", ["departmentCode"] = "部门", ["disabled"] = "已停用",
        ["mustChangePassword"] = "须修改密码", ["scope"] = "范围", ["revokedAt"] = "吊销时间", ["code"] = "编码", ["name"] = "名称",
        ["number"] = "窗口号", ["windowCode"] = "窗口", ["retiredAt"] = "撤销时间", ["active"] = "在用",
    };

    public static string Kind(string kind) => Kinds.GetValueOrDefault(kind, kind);

    public static string Action(string action) => Actions.GetValueOrDefault(action, action);

    public static string Field(string field) => Fields.GetValueOrDefault(field, field);

    /// <summary>A JSON value as a person reads it: 是/否, a role's name, an empty mark for null.</summary>
    public static string Value(string field, string? value) => (field, value) switch
    {
        (_, null) => "—",
        (_, "true") => "是",
        (_, "false") => "否",
        ("role", _) => Roles.Label(value),
        ("scope", _) => value,
        _ => value,
    };
}
