namespace Feedback.Web.Organization;

/// <summary>
/// One record of the register as the import file, the API (GET and PUT /api/org/{kind}) and the pages exchange it.
/// Upserts match on <see cref="Code"/>; <see cref="Active"/> false retires the record (never deletes it).
/// </summary>
public interface IOrgRow
{
    string Code { get; }
    string Name { get; }
    bool Active { get; }
    IOrgRow WithActive(bool active);
}

/// <param name="CreditCode">统一社会信用代码, 18 characters (GB 32100 check character), optional.</param>
/// <param name="AreaCode">行政区划代码, six digits, optional.</param>
public sealed record DepartmentRow(string Code, string Name, string? CreditCode = null, string? AreaCode = null, bool Active = true) : IOrgRow
{
    public IOrgRow WithActive(bool active) => this with { Active = active };
}

/// <param name="Number">The number painted above the window, e.g. A01.</param>
/// <param name="Hall">Hall or floor, e.g. 一楼A区.</param>
/// <param name="Active">False: the window is closed.</param>
public sealed record WindowRow(string Code, string Number, string Name, string DepartmentCode, string? Hall = null, bool Active = true) : IOrgRow
{
    public IOrgRow WithActive(bool active) => this with { Active = active };
}

/// <param name="Code">The job number (工号).</param>
/// <param name="WindowCode">The window the person works at now, of the same department; optional.</param>
/// <param name="Active">False: the person has left.</param>
public sealed record StaffRow(string Code, string Name, string DepartmentCode, string? WindowCode = null, bool Active = true) : IOrgRow
{
    public IOrgRow WithActive(bool active) => this with { Active = active };
}

/// <param name="Code">事项编码.</param>
/// <param name="Kind">immediate (即办件) or promised (承诺件).</param>
/// <param name="PromisedDays">Working days promised for a 承诺件 (1-365); none for a 即办件.</param>
public sealed record ServiceItemRow(string Code, string Name, string DepartmentCode, string Kind = ServiceItemKinds.Immediate, int? PromisedDays = null,
    bool Active = true) : IOrgRow
{
    public IOrgRow WithActive(bool active) => this with { Active = active };
}

/// <summary>The whole register (GET /api/org).</summary>
public sealed record OrgDto(
    IReadOnlyList<DepartmentRow> Departments,
    IReadOnlyList<WindowRow> Windows,
    IReadOnlyList<StaffRow> Staff,
    IReadOnlyList<ServiceItemRow> ServiceItems);
