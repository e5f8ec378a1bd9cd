using Npgsql;
using NpgsqlTypes;

namespace Feedback.Web.Organization.Import;

/// <summary>
/// Writes a plan's records, departments first so that what belongs to them finds them: new records by binary COPY
/// straight into their table (the importer's lock keeps anyone else from adding the same code meanwhile), changed
/// ones by COPY into a temporary table and one UPDATE joined on the code. Runs inside the caller's transaction: all
/// kinds commit together or not at all.
/// </summary>
internal static class OrgWriter
{
    private sealed record Table(string Name, string Columns, Action<NpgsqlBinaryImporter, IOrgRow> Write);

    private static readonly Table[] Tables =
    [
        new("departments", "code, name, credit_code, area_code",
            (w, r) => { var d = (DepartmentRow)r; Text(w, d.Code, d.Name, d.CreditCode, d.AreaCode); }),
        new("windows", "code, number, name, department_code, hall",
            (w, r) => { var x = (WindowRow)r; Text(w, x.Code, x.Number, x.Name, x.DepartmentCode, x.Hall); }),
        new("staff", "code, name, department_code, window_code",
            (w, r) => { var s = (StaffRow)r; Text(w, s.Code, s.Name, s.DepartmentCode, s.WindowCode); }),
        new("service_items", "code, name, department_code, kind, promised_days",
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
            var table = Tables[(int)sheet.Kind];
            var changes = plan.Changes.Where(c => c.Kind == sheet.Kind).ToLookup(c => c.Action == OrgAction.Created);
            if (changes[true].Any())
                await CopyAsync(connection, table.Name, table, changes[true], ct);
            if (changes[false].Any())
                await UpdateAsync(connection, transaction, table, changes[false], ct);
        }
    }

    private static async Task UpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Table table, IEnumerable<OrgChange> changes, CancellationToken ct)
    {
        var staging = $"org_update_{table.Name}";
        await ExecuteAsync(connection, transaction, $"CREATE TEMP TABLE {staging} (LIKE {table.Name} INCLUDING DEFAULTS) ON COMMIT DROP", ct);
        await CopyAsync(connection, staging, table, changes, ct);
        var set = string.Join(", ", table.Columns.Split(", ").Skip(1).Append("retired_at").Select(c => $"{c} = s.{c}"));
        await ExecuteAsync(connection, transaction, $"UPDATE {table.Name} t SET {set} FROM {staging} s WHERE t.code = s.code; DROP TABLE {staging};", ct);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string into, Table table, IEnumerable<OrgChange> changes, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {into} ({table.Columns}, retired_at) FROM STDIN (FORMAT BINARY)", ct);
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
