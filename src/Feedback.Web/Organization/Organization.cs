namespace Feedback.Web.Organization;

// Codes are stable identifiers supplied by the centre: ratings, cases and reports keep them for ever, and names are
// looked up in this register. Nothing is deleted: a department abolished, a window closed, a person who left or an
// item withdrawn gets a retired_at and keeps its name for the history.

public sealed class Department
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    /// <summary>统一社会信用代码 (GB 32100): 18 characters with a check character.</summary>
    public string? CreditCode { get; set; }
    /// <summary>行政区划代码 (GB/T 2260): six digits.</summary>
    public string? AreaCode { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
}

public sealed class ServiceWindow
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    /// <summary>The number painted above the window (e.g. "A12").</summary>
    public required string Number { get; set; }
    public required string DepartmentCode { get; set; }
    /// <summary>Hall or floor, as signposted (e.g. "一楼A区").</summary>
    public string? Hall { get; set; }
    /// <summary>When the window closed; a closed window takes no new ratings and its posters stop working.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

/// <summary>A member of staff; the code is the job number (工号).</summary>
public sealed class Staff
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string DepartmentCode { get; set; }
    public string? WindowCode { get; set; }
    /// <summary>When the person left (inactive).</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

/// <summary>A service item (政务服务事项); the code is its 事项编码.</summary>
public sealed class ServiceItem
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string DepartmentCode { get; set; }
    /// <summary><see cref="ServiceItemKinds.Immediate"/> (即办件) or <see cref="ServiceItemKinds.Promised"/> (承诺件).</summary>
    public string Kind { get; set; } = ServiceItemKinds.Immediate;
    /// <summary>Promised working days of a 承诺件; null for a 即办件.</summary>
    public short? PromisedDays { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
}

public static class ServiceItemKinds
{
    public const string Immediate = "immediate";
    public const string Promised = "promised";
    public const int MaxPromisedDays = 365;

    public static string Label(string kind) => kind == Promised ? "承诺件" : "即办件";
}
