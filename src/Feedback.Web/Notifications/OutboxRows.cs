using Npgsql;
using NpgsqlTypes;

namespace Feedback.Web.Notifications;

/// <summary>A batch of undelivered notifications, locked (FOR UPDATE SKIP LOCKED) in an open transaction until completed.</summary>
internal sealed class OutboxRows : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly List<Notification> _rows;
    private readonly DateTimeOffset _now;

    private OutboxRows(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Notification> rows, DateTimeOffset now) =>
        (_connection, _transaction, _rows, _now) = (connection, transaction, rows, now);

    public int Count => _rows.Count;

    public IEnumerable<Notification> Webhooks => _rows.Where(r => r.Target == NotificationTargets.Webhook);

    public static async Task<OutboxRows> LockAsync(NpgsqlDataSource dataSource, DateTimeOffset now, NotificationOptions options, bool includeWebhook, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT {NotificationMap.Map.SelectList} FROM notifications
            WHERE delivered_at IS NULL AND next_attempt_at <= $1 AND attempts < $2 AND ($3 OR target <> 'webhook')
            ORDER BY next_attempt_at LIMIT $4
            FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        command.Parameters.Add(new() { Value = now.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = options.MaxAttempts });
        command.Parameters.Add(new() { Value = includeWebhook });
        command.Parameters.Add(new() { Value = options.BatchSize });
        var rows = new List<Notification>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add(NotificationMap.Map.Read(reader));
            }
        }
        return new OutboxRows(connection, transaction, rows, now);
    }

    /// <summary>Writes the inbox messages of this batch; a message already written (same notification) is not repeated.</summary>
    public async Task<List<DeliveryResult>> DeliverInboxAsync(CancellationToken ct)
    {
        var results = new List<DeliveryResult>();
        var roles = new List<(Notification Message, string Role, string? Department)>();
        var people = new List<(Notification Message, int UserId)>();
        foreach (var row in _rows.Where(r => r.Target != NotificationTargets.Webhook))
        {
            if (NotificationTargets.TryParseInbox(row.Target, out var role, out var department))
                roles.Add((row, role, department));
            else if (NotificationTargets.TryParsePerson(row.Target, out var userId))
                people.Add((row, userId));
            else
                results.Add(new(row, $"Unknown target {row.Target}."));
        }
        if (roles.Count > 0)
            await InsertForRolesAsync(roles, ct);
        if (people.Count > 0)
            await InsertForPeopleAsync(people, ct);
        results.AddRange(roles.Select(i => new DeliveryResult(i.Message, null)));
        results.AddRange(people.Select(i => new DeliveryResult(i.Message, null)));
        return results;
    }

    private async Task InsertForRolesAsync(List<(Notification Message, string Role, string? Department)> inbox, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO inbox_messages (notification_id, role, department_code, case_id, kind, title, body, created_at)
            SELECT n.id, t.role, t.department_code, n.case_id, n.kind, n.title, n.body, n.created_at
            FROM unnest($1::bigint[], $2::text[], $3::text[]) AS t(id, role, department_code) JOIN notifications n ON n.id = t.id
            ON CONFLICT (notification_id) DO NOTHING
            """, _connection, _transaction);
        command.Parameters.Add(new() { Value = inbox.Select(i => i.Message.Id).ToArray() });
        command.Parameters.Add(new() { Value = inbox.Select(i => i.Role).ToArray() });
        command.Parameters.Add(new() { Value = inbox.Select(i => i.Department).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A message for one person carries their role and department as they are now, and their id, which alone decides who sees it.</summary>
    private async Task InsertForPeopleAsync(List<(Notification Message, int UserId)> inbox, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO inbox_messages (notification_id, role, department_code, user_id, case_id, kind, title, body, created_at)
            SELECT n.id, u.role, u.department_code, u.id, n.case_id, n.kind, n.title, n.body, n.created_at
            FROM unnest($1::bigint[], $2::int[]) AS t(id, user_id) JOIN notifications n ON n.id = t.id JOIN users u ON u.id = t.user_id
            ON CONFLICT (notification_id) DO NOTHING
            """, _connection, _transaction);
        command.Parameters.Add(new() { Value = inbox.Select(i => i.Message.Id).ToArray() });
        command.Parameters.Add(new() { Value = inbox.Select(i => i.UserId).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Marks what was delivered, schedules the retry of what failed, and commits.</summary>
    public async Task CompleteAsync(List<DeliveryResult> results, Func<int, TimeSpan> backoff, CancellationToken ct)
    {
        if (results.Count > 0)
        {
            await using var command = new NpgsqlCommand("""
                UPDATE notifications n SET attempts = n.attempts + 1, last_error = t.error, next_attempt_at = t.next_attempt_at,
                       delivered_at = CASE WHEN t.error IS NULL THEN $4 END
                FROM unnest($1::bigint[], $2::text[], $3::timestamptz[]) AS t(id, error, next_attempt_at)
                WHERE n.id = t.id
                """, _connection, _transaction);
            command.Parameters.Add(new() { Value = results.Select(r => r.Message.Id).ToArray() });
            command.Parameters.Add(new() { Value = results.Select(r => r.Error).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = results.Select(r => (_now + backoff(r.Message.Attempts + 1)).UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new() { Value = _now.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await command.ExecuteNonQueryAsync(ct);
        }
        await _transaction.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
