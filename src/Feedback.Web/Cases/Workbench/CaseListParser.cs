using System.Globalization;
using Feedback.Web.Classification;
using Feedback.Web.Infrastructure;
using Feedback.Web.Organization;

namespace Feedback.Web.Cases.Workbench;

/// <summary>A value of the filter that cannot be used: the field as named in the URL, a message for the API and one for the page.</summary>
public sealed record CaseListError(string Field, string Message, string Chinese);

/// <summary>
/// Turns the query string into <see cref="CaseListCriteria"/> or names every bad field. Codes must exist in the
/// organisation (an unknown one reloads it once), dates are local dates of the centre, and the caller's department
/// scope is applied here so that no query can forget it.
/// </summary>
public sealed class CaseListParser(OrgDirectory org, CentreTime clock)
{
    public const int MaxSearchLength = 100;
    public const int MaxDueWithinHours = 24 * 366;
    private const int MaxCodeLength = 64;

    public async Task<(CaseListCriteria? Criteria, IReadOnlyList<CaseListError> Errors)> ParseAsync(CaseListFilter filter, Caller actor, CancellationToken ct)
    {
        var errors = new List<CaseListError>();
        var snapshot = await org.GetAsync(ct);
        if (!Known(snapshot, filter))
            snapshot = await org.RefreshAsync(ct);
        var sort = ParseSort(filter.Sort, errors);
        var (states, review) = ParseStates(filter, errors);
        var (from, to) = (ParseDate(filter.From, "from", "开始日期", errors), ParseDate(filter.To, "to", "结束日期", errors));
        if (from > to)
            errors.Add(new("to", "'to' is before 'from'.", "结束日期早于开始日期。"));
        var (assigneeId, unassigned) = ParseAssignee(filter.Assignee, actor, errors);
        var criteria = new CaseListCriteria
        {
            States = states, IncludesReview = review, ScopeDepartment = actor.DepartmentCode,
            Department = Code(filter.Department, "department", "部门", snapshot.Departments.Contains, errors),
            Window = Code(filter.Window, "window", "窗口", snapshot.WindowDepartments.ContainsKey, errors),
            Staff = Code(filter.Staff, "staff", "人员", snapshot.StaffDepartments.ContainsKey, errors),
            Theme = Code(filter.Theme, "theme", "主题", Themes.Labels.ContainsKey, errors),
            Overdue = ParseBool(filter.Overdue, errors),
            DueWithinHours = ParseHours(filter.DueWithinHours, errors),
            From = from, To = to,
            ReceivedFrom = from is { } f ? clock.StartOfDay(f) : null,
            ReceivedBefore = to is { } t ? clock.StartOfDay(t.AddDays(1)) : null,
            Assignee = Clean(filter.Assignee), AssigneeId = assigneeId, Unassigned = unassigned,
            Search = ParseSearch(filter.Q, errors),
            Sort = sort,
            Cursor = ParseCursor(filter.Cursor, sort, errors),
        };
        return errors.Count == 0 ? (criteria, errors) : (null, errors);
    }

    private static bool Known(OrgSnapshot snapshot, CaseListFilter f) =>
        (Clean(f.Department) is not { } d || snapshot.Departments.Contains(d))
        && (Clean(f.Window) is not { } w || snapshot.WindowDepartments.ContainsKey(w))
        && (Clean(f.Staff) is not { } s || snapshot.StaffDepartments.ContainsKey(s));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool Readable(string value, string field, string label, List<CaseListError> errors, int maxLength = MaxCodeLength)
    {
        if (value.Any(char.IsControl))
            errors.Add(new(field, $"'{field}' contains control characters.", $"{label}含有无效字符。"));
        else if (value.Length > maxLength)
            errors.Add(new(field, $"'{field}' is longer than {maxLength} characters.", $"{label}不能超过 {maxLength} 个字。"));
        else
            return true;
        return false;
    }

    private static string? Code(string? raw, string field, string label, Func<string, bool> exists, List<CaseListError> errors)
    {
        if (Clean(raw) is not { } code || !Readable(code, field, label, errors))
            return null;
        if (exists(code))
            return code;
        errors.Add(new(field, $"Unknown {field} '{code}'.", $"没有代码为“{code}”的{label}。"));
        return null;
    }

    private static CaseListSort ParseSort(string? raw, List<CaseListError> errors)
    {
        switch (Clean(raw))
        {
            case null or "due": return CaseListSort.Due;
            case "received": return CaseListSort.Received;
            case "department": return CaseListSort.Department;
            default:
                errors.Add(new("sort", "Sort is due, received or department.", "排序方式只能是按剩余时间、按收到时间或按部门。"));
                return CaseListSort.Due;
        }
    }

    private static (IReadOnlyList<string>, bool) ParseStates(CaseListFilter filter, List<CaseListError> errors)
    {
        var states = new List<string>();
        var review = false;
        foreach (var state in filter.StateValues())
        {
            if (state == CaseListCriteria.Review)
                review = true;
            else if (CaseStates.All.Contains(state))
                states.Add(state);
            else if (Readable(state, "state", "状态", errors))
                errors.Add(new("state", $"Unknown state '{state}'. Use: {string.Join(", ", CaseStates.All)}, {CaseListCriteria.Review}.", $"未知的状态“{state}”。"));
        }
        return (states, review);
    }

    private static bool? ParseBool(string? raw, List<CaseListError> errors)
    {
        if (Clean(raw) is not { } value)
            return null;
        if (bool.TryParse(value, out var parsed))
            return parsed;
        errors.Add(new("overdue", "Overdue is true or false.", "“是否超期”只能选是或否。"));
        return null;
    }

    private static int? ParseHours(string? raw, List<CaseListError> errors)
    {
        if (Clean(raw) is not { } value)
            return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours <= MaxDueWithinHours)
            return hours;
        errors.Add(new("dueWithinHours", $"Must be a whole number of hours from 0 to {MaxDueWithinHours}.", $"剩余时间须为 0 到 {MaxDueWithinHours} 之间的整数小时。"));
        return null;
    }

    private static DateOnly? ParseDate(string? raw, string field, string label, List<CaseListError> errors)
    {
        if (Clean(raw) is not { } value)
            return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2999)
            return date;
        errors.Add(new(field, $"'{field}' is a date like 2026-11-23.", $"{label}应为日期，例如 2026-11-23。"));
        return null;
    }

    private static (int? Id, bool Unassigned) ParseAssignee(string? raw, Caller actor, List<CaseListError> errors)
    {
        switch (Clean(raw))
        {
            case null: return (null, false);
            case "none": return (null, true);
            case "me" when actor.UserId is { } me: return (me, false);
            case "me":
                errors.Add(new("assignee", "'me' needs a signed-in person.", "“我负责的”只对登录的人员有效。"));
                return (null, false);
            case var value when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0:
                return (id, false);
            default:
                errors.Add(new("assignee", "Assignee is 'me', 'none' or a user id.", "承办人只能是“我”、“未分配”或人员编号。"));
                return (null, false);
        }
    }

    private static string? ParseSearch(string? raw, List<CaseListError> errors) =>
        Clean(raw) is { } q && Readable(q, "q", "搜索内容", errors, MaxSearchLength) ? q : null;

    private static CaseCursor? ParseCursor(string? raw, CaseListSort sort, List<CaseListError> errors)
    {
        if (Clean(raw) is not { } value)
            return null;
        if (CaseCursor.TryDecode(value, out var cursor) && cursor!.Sort == sort)
            return cursor;
        errors.Add(new("cursor", "The cursor is not one of this list's nextCursor values.", "翻页位置无效，请回到第一页。"));
        return null;
    }
}
