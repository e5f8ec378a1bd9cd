using Npgsql;

namespace Feedback.Web.Organization.Import;

/// <summary>A stored record and when it was retired (null: active).</summary>
internal sealed record OrgRecord(IOrgRow Row, DateTimeOffset? RetiredAt);

/// <summary>The register as stored, by kind and code: what an input is validated and compared against.</summary>
internal sealed class OrgState
{
    private readonly Dictionary<string, OrgRecord>[] _kinds = [.. OrgLayout.All.Select(_ => new Dictionary<string, OrgRecord>(StringComparer.Ordinal))];

    public Dictionary<string, OrgRecord> this[OrgKind kind] => _kinds[(int)kind];

    public static async Task<OrgState> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        var state = new OrgState();
        await ReadAsync(connection, transaction, "SELECT code, name, credit_code, area_code, retired_at FROM departments ORDER BY code", state[OrgKind.Departments],
            r => new DepartmentRow(r.GetString(0), r.GetString(1), Text(r, 2), Text(r, 3), r.IsDBNull(4)), ct);
        await ReadAsync(connection, transaction, "SELECT code, number, name, department_code, hall, retired_at FROM windows ORDER BY code", state[OrgKind.Windows],
            r => new WindowRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Text(r, 4), r.IsDBNull(5)), ct);
        await ReadAsync(connection, transaction, "SELECT code, name, department_code, window_code, retired_at FROM staff ORDER BY code", state[OrgKind.Staff],
            r => new StaffRow(r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3), r.IsDBNull(4)), ct);
        await ReadAsync(connection, transaction, "SELECT code, name, department_code, kind, promised_days, retired_at FROM service_items ORDER BY code", state[OrgKind.ServiceItems],
            r => new ServiceItemRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetInt16(4), r.IsDBNull(5)), ct);
        return state;
    }

    private static async Task ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Dictionary<string, OrgRecord> into,
        Func<NpgsqlDataReader, IOrgRow> read, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var retired = reader.GetOrdinal("retired_at");
        while (await reader.ReadAsync(ct))
        {
            var row = read(reader);
            into[row.Code] = new OrgRecord(row, reader.IsDBNull(retired) ? null : reader.GetFieldValue<DateTimeOffset>(retired));
        }
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
