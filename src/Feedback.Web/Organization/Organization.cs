namespace Feedback.Web.Organization;

// Codes are stable identifiers supplied by the centre (a department's is often its 18-digit credit code).
public sealed class Department
{
    public required string Code { get; init; }
    public required string Name { get; set; }
}

public sealed class ServiceWindow
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    /// <summary>The number painted above the window (e.g. "A12").</summary>
    public required string Number { get; set; }
    public required string DepartmentCode { get; set; }
}

public sealed class Staff
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string DepartmentCode { get; set; }
    public string? WindowCode { get; set; }
}

public sealed class ServiceItem
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string DepartmentCode { get; set; }
}

public sealed record DepartmentDto(string Code, string Name);
public sealed record WindowDto(string Code, string Name, string Number, string DepartmentCode);
public sealed record StaffDto(string Code, string Name, string DepartmentCode, string? WindowCode);
public sealed record ServiceItemDto(string Code, string Name, string DepartmentCode);
public sealed record OrgDto(
    IReadOnlyList<DepartmentDto> Departments,
    IReadOnlyList<WindowDto> Windows,
    IReadOnlyList<StaffDto> Staff,
    IReadOnlyList<ServiceItemDto> ServiceItems);
