using Npgsql;
using NpgsqlTypes;

namespace Feedback.Web.Organization.Import;

/// <summary>
/// Writes a plan's records: per kind, the changed rows are copied (binary COPY) into a temporary table and upserted
/// by code in one statement, departments first so that what belongs to them finds them. Runs inside the caller's
/// transaction: all kinds commit together or not at all.
/// </summary>
internal static class OrgWriter
{
    private sealed record Table(string Name, string Columns, string Updates, Action<NpgsqlBinaryImporter, IOrgRow> Write);

    private static readonly Table[] Tables =
    [
        new("departments", "code, name, credit_code, area_code", "name = excluded.name, credit_code = excluded.credit_code, area_code = excluded.area_code",
            (w, r) => { var d = (DepartmentRow)r; Text(w, d.Code, d.Name, d.CreditCode, d.AreaCode); }),
        new("windows", "code, number, name, department_code, hall",
            "number = excluded.number, name = excluded.name, department_code = excluded.department_code, hall = excluded.hall",
            (w, r) => { var x = (WindowRow)r; Text(w, x.Code, x.Number, x.Name, x.DepartmentCode, x.Hall); }),
        new("staff", "code, name, department_code, window_code", "name = excluded.name, department_code = excluded.department_code, window_code = excluded.window_code",
            (w, r) => { var s = (StaffRow)r; Text(w, s.Code, s.Name, s.DepartmentCode, s.WindowCode); }),
        new("service_items", "code, name, department_code, kind, promised_days",
            "name = excluded.name, department_code = excluded.department_code, kind = excluded.kind, promised_days = excluded.promised_days",
            (w, r) =>
            {
                var i = (ServiceItemRow)r;
                Text(w, i.Code, i.Name, i.DepartmentCode, i.Kind);
                if (i.PromisedDays is { } days)
                    w.Write((short)days, NpgsqlDbType.Smallint);
                else
                    w.WriteNull();
            }),
    ];

    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OrgPlan plan, CancellationToken ct)
    {
        foreach (var sheet in OrgLayout.All)
        {
            var changes = plan.Changes.Where(c => c.Kind == sheet.Kind).ToList();
            if (changes.Count > 0)
                await UpsertAsync(connection, transaction, Tables[(int)sheet.Kind], changes, ct);
        }
    }

    private static async Task UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Table table, List<OrgChange> changes, CancellationToken ct)
    {
        var staging = $"org_upsert_{table.Name}";
        var columns = $"{table.Columns}, retired_at";
        await ExecuteAsync(connection, transaction, $"CREATE TEMP TABLE {staging} (LIKE {table.Name} INCLUDING DEFAULTS) ON COMMIT DROP", ct);
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY {staging} ({columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var change in changes)
            {
                await writer.StartRowAsync(ct);
                table.Write(writer, change.After);
                if (change.RetiredAt is { } retired)
                    writer.Write(retired.UtcDateTime, NpgsqlDbType.TimestampTz);
                else
                    writer.WriteNull();
            }
            await writer.CompleteAsync(ct);
        }
        await ExecuteAsync(connection, transaction, $"""
            INSERT INTO {table.Name} ({columns}) SELECT {columns} FROM {staging}
            ON CONFLICT (code) DO UPDATE SET {table.Updates}, retired_at = excluded.retired_at;
            DROP TABLE {staging};
            """, ct);
    }

    private static void Text(NpgsqlBinaryImporter writer, params string?[] values)
    {
        foreach (var value in values)
        {
            if (value is null)
                writer.WriteNull();
            else
                writer.Write(value, NpgsqlDbType.Text);
        }
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
