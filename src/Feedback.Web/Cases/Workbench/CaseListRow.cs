using Npgsql;

namespace Feedback.Web.Cases.Workbench;

/// <summary>A case of the list as <see cref="CaseListSql.Page"/> reads it: the case, its rating and its assignee's name.</summary>
public sealed record CaseListRow(
    int Phase, long Id, long EvaluationId, string DepartmentCode, string State, DateTimeOffset OpenedAt, DateTimeOffset DueAt,
    DateTimeOffset? EscalatedAt, DateTimeOffset? RepliedAt, DateTimeOffset? ClosedAt, short? RequestedExtensionDays, short Extensions,
    int? AssigneeId, string? ReplyNote, string? CaseNumber, short Rating, string? Comment, string? WindowCode, string? StaffCode,
    string? Theme, string? RaterPhoneMasked, string? AssigneeName)
{
    internal static CaseListRow Read(NpgsqlDataReader r) => new(
        r.GetInt32(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5), r.GetFieldValue<DateTimeOffset>(6),
        Nullable<DateTimeOffset>(r, 7), Nullable<DateTimeOffset>(r, 8), Nullable<DateTimeOffset>(r, 9), Nullable<short>(r, 10), r.GetInt16(11),
        Nullable<int>(r, 12), Text(r, 13), Text(r, 14), r.GetInt16(15), Text(r, 16), Text(r, 17), Text(r, 18),
        Text(r, 19), Text(r, 20), Text(r, 21));

    /// <summary>The cursor of the page that starts after this row.</summary>
    public CaseCursor After(CaseListSort sort) => sort switch
    {
        CaseListSort.Due when Phase == 0 => new(sort, 0, null, DueAt, Id),
        CaseListSort.Department => new(sort, 1, DepartmentCode, OpenedAt, Id),
        _ => new(sort, 1, null, OpenedAt, Id),
    };

    public bool ClockRuns => CaseStates.ClockRuns(State);

    public bool IsOverdue(DateTimeOffset now) => EscalatedAt is not null || (ClockRuns && now > DueAt);

    private static T? Nullable<T>(NpgsqlDataReader r, int ordinal) where T : struct => r.IsDBNull(ordinal) ? null : r.GetFieldValue<T>(ordinal);

    private static string? Text(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
