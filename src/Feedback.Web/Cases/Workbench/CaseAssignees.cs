using System.Globalization;
using Feedback.Web.Accounts;
using Npgsql;

namespace Feedback.Web.Cases.Workbench;

/// <summary>The people a case can be assigned to (承办人): active department officers and heads, of one department or all.</summary>
public sealed class CaseAssignees(NpgsqlDataSource dataSource)
{
    private const int MaxListed = 500;

    public async Task<IReadOnlyList<FilterOption>> ListAsync(string? department, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT id, display_name FROM users
            WHERE NOT disabled AND role IN ('{Roles.DepartmentOfficer}', '{Roles.DepartmentHead}') AND ($1::text IS NULL OR department_code = $1)
            ORDER BY display_name, id LIMIT {MaxListed}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)department ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var people = new List<FilterOption>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            people.Add(new(reader.GetInt32(0).ToString(CultureInfo.InvariantCulture), reader.GetString(1)));
        return people;
    }
}
