using System.Globalization;
using Feedback.Web.Organization.Import;

namespace Feedback.Web.Organization;

public enum OrgKind { Departments, Windows, Staff, ServiceItems }

/// <summary>A column of a sheet: its Chinese header, the row's field (camelCase, as in the API) and its length limit.</summary>
public sealed record OrgColumn(string Header, string Field, int MaxLength);

/// <summary>
/// One kind of record as a sheet (.xlsx) or file (.csv): Chinese sheet and column names, how cells become a row and
/// back, and the template's example row. The import, the export, the template and the API share these.
/// </summary>
public sealed record OrgSheet(
    OrgKind Kind, string Name, string Path, string AuditKind, string ActiveLabel, string RetiredLabel, OrgColumn[] Columns,
    Func<OrgCells, IOrgRow> Read, Func<IOrgRow, string?[]> Write, IOrgRow Example)
{
    public int MaxLength(string field) => Columns.First(c => c.Field == field).MaxLength;
    public OrgColumn Column(string field) => Columns.First(c => c.Field == field);
    public string Status(bool active) => active ? ActiveLabel : RetiredLabel;
}

public static class OrgLayout
{
    public const int CodeLength = 32;

    public static readonly OrgSheet Departments = new(OrgKind.Departments, "部门", "departments", "department", "正常", "撤销",
        [new("部门编码", "code", CodeLength), new("部门名称", "name", 100), new("统一社会信用代码", "creditCode", 18),
         new("行政区划代码", "areaCode", 6), new("状态", "active", 8)],
        c => new DepartmentRow(c["code"]!, c["name"]!, c["creditCode"], c["areaCode"], c.Active()),
        r => r is DepartmentRow d ? [d.Code, d.Name, d.CreditCode, d.AreaCode, Departments!.Status(d.Active)] : [],
        new DepartmentRow("D01", "示范市人力资源和社会保障局", "11330100002500001X", "330100"));

    public static readonly OrgSheet Windows = new(OrgKind.Windows, "窗口", "windows", "window", "开放", "停用",
        [new("窗口编码", "code", CodeLength), new("窗口号", "number", 16), new("窗口名称", "name", 100),
         new("所属部门编码", "departmentCode", CodeLength), new("大厅楼层", "hall", 50), new("状态", "active", 8)],
        c => new WindowRow(c["code"]!, c["number"]!, c["name"]!, c["departmentCode"]!, c["hall"], c.Active()),
        r => r is WindowRow w ? [w.Code, w.Number, w.Name, w.DepartmentCode, w.Hall, Windows!.Status(w.Active)] : [],
        new WindowRow("W001", "A01", "社保综合窗口", "D01", "一楼A区"));

    public static readonly OrgSheet Staff = new(OrgKind.Staff, "人员", "staff", "staff", "在岗", "离岗",
        [new("工号", "code", CodeLength), new("姓名", "name", 50), new("所属部门编码", "departmentCode", CodeLength),
         new("当前窗口编码", "windowCode", CodeLength), new("状态", "active", 8)],
        c => new StaffRow(c["code"]!, c["name"]!, c["departmentCode"]!, c["windowCode"], c.Active()),
        r => r is StaffRow s ? [s.Code, s.Name, s.DepartmentCode, s.WindowCode, Staff!.Status(s.Active)] : [],
        new StaffRow("S001", "王丽", "D01", "W001"));

    public static readonly OrgSheet ServiceItems = new(OrgKind.ServiceItems, "事项", "service-items", "service_item", "启用", "停用",
        [new("事项编码", "code", CodeLength), new("事项名称", "name", 200), new("所属部门编码", "departmentCode", CodeLength),
         new("办件类型", "kind", 8), new("承诺时限（工作日）", "promisedDays", 3), new("状态", "active", 8)],
        c => new ServiceItemRow(c["code"]!, c["name"]!, c["departmentCode"]!, c.Kind(), c.Days(), c.Active()),
        r => r is ServiceItemRow i
            ? [i.Code, i.Name, i.DepartmentCode, ServiceItemKinds.Label(i.Kind), i.PromisedDays?.ToString(CultureInfo.InvariantCulture), ServiceItems!.Status(i.Active)]
            : [],
        new ServiceItemRow("I001", "社会保障卡申领", "D01", ServiceItemKinds.Promised, 5));

    /// <summary>In the order of the file and of applying (departments before what belongs to them).</summary>
    public static readonly OrgSheet[] All = [Departments, Windows, Staff, ServiceItems];

    public static OrgSheet Of(OrgKind kind) => All[(int)kind];

    public static OrgSheet? ByPath(string path) => All.FirstOrDefault(s => s.Path == path);

    /// <summary>Words accepted in a 状态 cell, for any sheet; blank means active.</summary>
    public static readonly string[] ActiveWords = ["正常", "开放", "在岗", "启用", "在职", "有效", "是"];
    public static readonly string[] RetiredWords = ["撤销", "停用", "离岗", "离职", "关闭", "注销", "无效", "否"];
}
