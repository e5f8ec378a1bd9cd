using Npgsql;

namespace Feedback.Web.Data;

/// <summary>Ids drawn ahead of a COPY, which cannot return the ids it assigns.</summary>
internal static class SequenceValues
{
    public static async Task<long[]> NextAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sequence, int count, CancellationToken ct)
    {
        // One array rather than a row per id: 5,000 rows cost PostgreSQL and Npgsql more than the nextval calls.
        await using var command = new NpgsqlCommand($"SELECT array_agg(nextval('{sequence}')) FROM generate_series(1, $1)", connection, transaction);
        command.Parameters.Add(new() { Value = count });
        return (long[])(await command.ExecuteScalarAsync(ct))!;
    }
}
