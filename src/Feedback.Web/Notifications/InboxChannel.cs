using Npgsql;
using NpgsqlTypes;

namespace Feedback.Web.Notifications;

/// <summary>
/// The officers' in-app inbox: "inbox:ROLE[:DEPARTMENT]" and "person:USERID" targets become inbox messages, written in
/// the transaction that marks them delivered, so each arrives exactly once.
/// </summary>
internal sealed class InboxChannel : INotificationChannel
{
    public string Name => "inbox";

    public IReadOnlyCollection<string> Schemes { get; } = [NotificationTargets.InboxScheme, NotificationTargets.PersonScheme];

    public async Task<ChannelResult> SendAsync(OutboxBatch outbox, IReadOnlyList<Notification> messages, CancellationToken ct)
    {
        var results = new List<DeliveryResult>();
        var roles = new List<(Notification Message, string Role, string? Department)>();
        var people = new List<(Notification Message, int UserId)>();
        foreach (var row in messages)
        {
            if (NotificationTargets.TryParseInbox(row.Target, out var role, out var department))
                roles.Add((row, role, department));
            else if (NotificationTargets.TryParsePerson(row.Target, out var userId))
                people.Add((row, userId));
            else
                results.Add(new(row, $"Unknown target {row.Target}."));
        }
        if (roles.Count > 0)
            await InsertForRolesAsync(outbox, roles, ct);
        if (people.Count > 0)
            await InsertForPeopleAsync(outbox, people, ct);
        results.AddRange(roles.Select(i => new DeliveryResult(i.Message, null)));
        results.AddRange(people.Select(i => new DeliveryResult(i.Message, null)));
        return new(results);
    }

    /// <summary>A message already written (same notification) is not repeated.</summary>
    private static async Task InsertForRolesAsync(OutboxBatch outbox, List<(Notification Message, string Role, string? Department)> inbox, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO inbox_messages (notification_id, role, department_code, case_id, kind, title, body, created_at)
            SELECT n.id, t.role, t.department_code, n.case_id, n.kind, n.title, n.body, n.created_at
            FROM unnest($1::bigint[], $2::text[], $3::text[]) AS t(id, role, department_code) JOIN notifications n ON n.id = t.id
            ON CONFLICT (notification_id) DO NOTHING
            """, outbox.Connection, outbox.Transaction);
        command.Parameters.Add(new() { Value = inbox.Select(i => i.Message.Id).ToArray() });
        command.Parameters.Add(new() { Value = inbox.Select(i => i.Role).ToArray() });
        command.Parameters.Add(new() { Value = inbox.Select(i => i.Department).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A message for one person carries their role and department as they are now, and their id, which alone decides who sees it.</summary>
    private static async Task InsertForPeopleAsync(OutboxBatch outbox, List<(Notification Message, int UserId)> inbox, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO inbox_messages (notification_id, role, department_code, user_id, case_id, kind, title, body, created_at)
            SELECT n.id, u.role, u.department_code, u.id, n.case_id, n.kind, n.title, n.body, n.created_at
            FROM unnest($1::bigint[], $2::int[]) AS t(id, user_id) JOIN notifications n ON n.id = t.id JOIN users u ON u.id = t.user_id
            ON CONFLICT (notification_id) DO NOTHING
            """, outbox.Connection, outbox.Transaction);
        command.Parameters.Add(new() { Value = inbox.Select(i => i.Message.Id).ToArray() });
        command.Parameters.Add(new() { Value = inbox.Select(i => i.UserId).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }
}
