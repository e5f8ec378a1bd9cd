using Feedback.Web.Infrastructure;
using Feedback.Web.Infrastructure.Spreadsheets;
using Feedback.Web.Pages;

namespace Feedback.Web.Cases.Workbench;

/// <summary>
/// One line of the export, in Chinese columns: the .xlsx and the CSV writers both read <see cref="Columns"/>, so both
/// files have the same columns. Text cells are neutralised (<see cref="Cell"/>); times are the centre's.
/// The rater's phone exists only masked, so it can only be exported masked.
/// </summary>
public sealed class CaseExportRow
{
    public long Id { get; init; }
    public string? CaseNumber { get; init; }
    public DateTime ReceivedAt { get; init; }
    public DateTime DueAt { get; init; }
    public string State { get; init; } = "";
    public string Overdue { get; init; } = "";
    public string DepartmentCode { get; init; } = "";
    public string Department { get; init; } = "";
    public string? WindowCode { get; init; }
    public string? Window { get; init; }
    public string? StaffCode { get; init; }
    public string? Staff { get; init; }
    public string Rating { get; init; } = "";
    public string? Comment { get; init; }
    public string? Theme { get; init; }
    public string? Assignee { get; init; }
    public string? ReplyNote { get; init; }
    public DateTime? RepliedAt { get; init; }
    public DateTime? ClosedAt { get; init; }
    public string? PhoneMasked { get; init; }

    /// <summary>The columns in file order: the header, the width in characters, and the cell.</summary>
    public static readonly IReadOnlyList<SheetColumn<CaseExportRow>> Columns =
    [
        new("工单编号", 10, r => r.Id), new("办件编号", 22, r => r.CaseNumber), new("收到时间", 17, r => r.ReceivedAt),
        new("反馈期限", 17, r => r.DueAt), new("状态", 14, r => r.State), new("是否超期", 9, r => r.Overdue),
        new("部门代码", 12, r => r.DepartmentCode), new("部门", 22, r => r.Department), new("窗口代码", 10, r => r.WindowCode),
        new("窗口", 26, r => r.Window), new("人员代码", 10, r => r.StaffCode), new("人员", 10, r => r.Staff),
        new("评价", 11, r => r.Rating), new("评价内容", 50, r => r.Comment), new("主题", 11, r => r.Theme),
        new("承办人", 10, r => r.Assignee), new("整改反馈", 50, r => r.ReplyNote), new("反馈时间", 17, r => r.RepliedAt),
        new("办结时间", 17, r => r.ClosedAt), new("评价人电话（脱敏）", 16, r => r.PhoneMasked),
    ];

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
