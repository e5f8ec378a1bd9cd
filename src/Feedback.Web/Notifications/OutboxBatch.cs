using Feedback.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Feedback.Web.Notifications;

/// <summary>
/// A batch of due notifications for the given channels, locked (FOR UPDATE SKIP LOCKED) in an open transaction until
/// completed, so that two servers never deliver the same row at once and a channel may write in the same transaction.
/// </summary>
internal sealed class OutboxBatch : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly IDbContextTransaction _transaction;
    private readonly DateTimeOffset _now;

    private OutboxBatch(AsyncServiceScope scope, IDbContextTransaction transaction, List<Notification> rows, DateTimeOffset now)
    {
        (_scope, _transaction, Rows, _now) = (scope, transaction, rows, now);
        Connection = (NpgsqlConnection)transaction.GetDbTransaction().Connection!;
        Transaction = (NpgsqlTransaction)transaction.GetDbTransaction();
    }

    public IReadOnlyList<Notification> Rows { get; }

    /// <summary>The batch's connection and transaction, for a channel that delivers by writing to the database.</summary>
    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    /// <summary>The context whose transaction this is, for a channel that keeps its own records with EF.</summary>
    public FeedbackDbContext Db => _scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();

    /// <summary>The rows whose target has one of <paramref name="schemes"/>.</summary>
    public List<Notification> For(IReadOnlyCollection<string> schemes) =>
        [.. Rows.Where(r => schemes.Contains(NotificationTargets.Scheme(r.Target)))];

    public static async Task<OutboxBatch> LockAsync(IServiceScopeFactory scopes, DateTimeOffset now, NotificationOptions options, string[] schemes, CancellationToken ct)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var transaction = await db.Database.BeginTransactionAsync(ct);
            // The whole row through the EF model, so this statement lists no columns of its own.
            var rows = await db.Notifications.FromSql($"""
                SELECT * FROM notifications
                WHERE delivered_at IS NULL AND next_attempt_at <= {now} AND attempts < {options.MaxAttempts}
                  AND split_part(target, ':', 1) = ANY({schemes})
                ORDER BY next_attempt_at LIMIT {options.BatchSize}
                FOR UPDATE SKIP LOCKED
                """).AsNoTracking().ToListAsync(ct);
            return new OutboxBatch(scope, transaction, rows, now);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
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
                """, Connection, Transaction);
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
        await _scope.DisposeAsync();
    }
}
