using Feedback.Tests.Infrastructure;
using Feedback.Web.Organization;
using Feedback.Web.Organization.Import;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Feedback.Tests.Organization;

/// <summary>Importing into a test app and reading its register and audit log back.</summary>
public static class OrgKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<OrgResult> ImportAsync(this FeedbackApp app, OrgInput input, bool retireMissing = false, bool check = false, string actor = "test")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<OrgImporter>();
        return check ? await importer.CheckAsync(input, retireMissing, Ct) : await importer.ApplyAsync(input, retireMissing, actor, null, Ct);
    }

    internal static Task<OrgResult> ImportAsync(this FeedbackApp app, OrgKind kind, params IOrgRow[] rows) => app.ImportAsync(OrgInput.Of(kind, rows));

    internal static async Task<IReadOnlyList<IOrgRow>> RowsAsync(this FeedbackApp app, OrgKind kind)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrgQueries>().RowsAsync(kind, Ct);
    }

    internal static async Task<OrgListItem?> FindAsync(this FeedbackApp app, OrgKind kind, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrgQueries>().FindAsync(kind, code, Ct);
    }

    internal static async Task<Dictionary<OrgKind, IReadOnlyList<IOrgRow>>> RegisterAsync(this FeedbackApp app)
    {
        var rows = new Dictionary<OrgKind, IReadOnlyList<IOrgRow>>();
        foreach (var sheet in OrgLayout.All)
            rows[sheet.Kind] = await app.RowsAsync(sheet.Kind);
        return rows;
    }

    public static async Task<long> ScalarAsync(this FeedbackApp app, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The audit entries of one record, oldest first: (actor, action, before, after).</summary>
    public static async Task<List<(string Actor, string Action, string? Before, string? After)>> AuditAsync(this FeedbackApp app, string kind, string key)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT actor, action, before::text, after::text FROM admin_audit WHERE entity_kind = $1 AND entity_key = $2 ORDER BY id", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var entries = new List<(string, string, string?, string?)>();
        while (await reader.ReadAsync(Ct))
            entries.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        return entries;
    }
}
