using Feedback.Web.Cases;
using Npgsql;

namespace Feedback.Web.Tracking;

/// <summary>Reads a rating, its case and its follow-up for the tracking page: two indexed lookups.</summary>
internal sealed class TrackingQueries(NpgsqlDataSource dataSource)
{
    public async Task<TrackedRating?> FindAsync(long id, long reference, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // The explanation of 无法整改 is the request's note, and it reaches the citizen only once the quality office approved it.
        await using var command = new NpgsqlCommand($"""
            SELECT e.rating, e.assess_number, e.received_at, e.case_number, e.department_code, e.window_code, e.staff_code, e.service_item_code,
                   c.id, c.state, c.opened_at, c.due_at, c.replied_at, c.reply_note, c.closed_at, c.follow_up_satisfaction, c.follow_up_channel,
                   (SELECT min(v.at) FROM case_events v WHERE v.case_id = c.id AND v.action = '{CaseAction.Start}'),
                   r.at, CASE WHEN c.state = '{CaseStates.CannotFix}' THEN r.note END,
                   f.rating, f.received_at
            FROM evaluations e
            LEFT JOIN cases c ON c.evaluation_id = e.id
            LEFT JOIN LATERAL (SELECT v.at, v.note FROM case_events v WHERE v.case_id = c.id
                               AND v.action IN ('{CaseAction.Appeal}', '{CaseAction.RequestCannotFix}') ORDER BY v.id DESC LIMIT 1) r ON true
            LEFT JOIN evaluations f ON e.assess_number = 1 AND f.case_number = COALESCE(e.case_number, $2) AND f.assess_number = 2
            WHERE e.id = $1
            """, connection);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = TrackedRating.FollowUpCaseNumber(null, reference) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return null;
        return new(id, reader.GetInt16(0), reader.GetInt16(1), reader.GetFieldValue<DateTimeOffset>(2), Text(reader, 3), reader.GetString(4),
            Text(reader, 5), Text(reader, 6), Text(reader, 7), Case(reader),
            reader.IsDBNull(20) ? null : new(reader.GetInt16(20), reader.GetFieldValue<DateTimeOffset>(21)));
    }

    private static TrackedCase? Case(NpgsqlDataReader r) => r.IsDBNull(8) ? null : new(
        r.GetInt64(8), r.GetString(9), r.GetFieldValue<DateTimeOffset>(10), r.GetFieldValue<DateTimeOffset>(11), At(r, 17), At(r, 12), Text(r, 13),
        At(r, 14), r.IsDBNull(15) ? null : r.GetInt16(15), Text(r, 16), At(r, 18), Text(r, 19));

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? At(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}
