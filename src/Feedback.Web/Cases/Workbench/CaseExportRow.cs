using System.Reflection;
using Feedback.Web.Infrastructure;
using Feedback.Web.Pages;
using MiniExcelLibs.Attributes;

namespace Feedback.Web.Cases.Workbench;

/// <summary>
/// One line of the export, in Chinese columns: MiniExcel reads the attributes for the .xlsx, the CSV writer reads the same
/// ones, so both files have the same columns. Text cells are neutralised (<see cref="Cell"/>); times are the centre's.
/// The rater's phone exists only masked, so it can only be exported masked.
/// </summary>
public sealed class CaseExportRow
{
    private const string Minutes = "yyyy-MM-dd HH:mm";

    [ExcelColumn(Name = "工单编号", Width = 10)] public long Id { get; init; }
    [ExcelColumn(Name = "办件编号", Width = 22)] public string? CaseNumber { get; init; }
    [ExcelColumn(Name = "收到时间", Width = 17, Format = Minutes)] public DateTime ReceivedAt { get; init; }
    [ExcelColumn(Name = "反馈期限", Width = 17, Format = Minutes)] public DateTime DueAt { get; init; }
    [ExcelColumn(Name = "状态", Width = 14)] public string State { get; init; } = "";
    [ExcelColumn(Name = "是否超期", Width = 9)] public string Overdue { get; init; } = "";
    [ExcelColumn(Name = "部门代码", Width = 12)] public string DepartmentCode { get; init; } = "";
    [ExcelColumn(Name = "部门", Width = 22)] public string Department { get; init; } = "";
    [ExcelColumn(Name = "窗口代码", Width = 10)] public string? WindowCode { get; init; }
    [ExcelColumn(Name = "窗口", Width = 26)] public string? Window { get; init; }
    [ExcelColumn(Name = "人员代码", Width = 10)] public string? StaffCode { get; init; }
    [ExcelColumn(Name = "人员", Width = 10)] public string? Staff { get; init; }
    [ExcelColumn(Name = "评价", Width = 11)] public string Rating { get; init; } = "";
    [ExcelColumn(Name = "评价内容", Width = 50)] public string? Comment { get; init; }
    [ExcelColumn(Name = "主题", Width = 11)] public string? Theme { get; init; }
    [ExcelColumn(Name = "承办人", Width = 10)] public string? Assignee { get; init; }
    [ExcelColumn(Name = "整改反馈", Width = 50)] public string? ReplyNote { get; init; }
    [ExcelColumn(Name = "反馈时间", Width = 17, Format = Minutes)] public DateTime? RepliedAt { get; init; }
    [ExcelColumn(Name = "办结时间", Width = 17, Format = Minutes)] public DateTime? ClosedAt { get; init; }
    [ExcelColumn(Name = "评价人电话（脱敏）", Width = 16)] public string? PhoneMasked { get; init; }

    /// <summary>The columns in file order: the header and the property that fills it.</summary>
    public static readonly IReadOnlyList<(string Header, PropertyInfo Property)> Columns =
        [.. typeof(CaseExportRow).GetProperties().Select(p => (p.GetCustomAttribute<ExcelColumnAttribute>()!.Name, p))];

    public static CaseExportRow From(CaseListItem c, CentreTime clock) => new()
    {
        Id = c.Id, CaseNumber = Cell(c.CaseNumber), ReceivedAt = clock.ToLocal(c.OpenedAt), DueAt = clock.ToLocal(c.DueAt),
        State = c.StateLabel + (c.RequestedExtensionDays is null ? "" : "（延期待审核）"), Overdue = c.Overdue ? "是" : "否",
        DepartmentCode = Cell(c.DepartmentCode)!, Department = Cell(c.DepartmentName)!,
        WindowCode = Cell(c.WindowCode), Window = Cell(c.WindowNumber is null ? c.WindowCode : $"{c.WindowNumber} {c.WindowName}"),
        StaffCode = Cell(c.StaffCode), Staff = Cell(c.StaffName), Rating = c.RatingLabel, Comment = Cell(c.Comment),
        Theme = c.ThemeLabel, Assignee = Cell(c.AssigneeName), ReplyNote = Cell(c.ReplyNote),
        RepliedAt = c.RepliedAt is { } replied ? clock.ToLocal(replied) : null, ClosedAt = c.ClosedAt is { } closed ? clock.ToLocal(closed) : null,
        PhoneMasked = Cell(c.RaterPhoneMasked),
    };

    /// <summary>
    /// Text a spreadsheet could take for a formula (= + - @, or a leading tab or carriage return) gets a leading
    /// apostrophe, so a citizen's comment can never run as a formula on an officer's computer (CSV injection); bidi and
/// zero-width characters are shown as marks (<see cref="InvisibleText"/>).
    /// </summary>
    public static string? Cell(string? raw) => InvisibleText.Visible(raw) is var text &&
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
