using Npgsql;

namespace Feedback.Web.Data;

/// <summary>Ids drawn ahead of a COPY, which cannot return the ids it assigns.</summary>
internal static class SequenceValues
{
    public static async Task<long[]> NextAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sequence, int count, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT nextval('{sequence}') FROM generate_series(1, $1)", connection, transaction);
        command.Parameters.Add(new() { Value = count });
        var values = new long[count];
        await using var reader = await command.ExecuteReaderAsync(ct);
        for (var i = 0; await reader.ReadAsync(ct); i++)
            values[i] = reader.GetInt64(0);
        return values;
    }
}
