using Npgsql;

namespace Feedback.Web.Classification;

/// <summary>Officers' theme corrections as training examples: the comment with its corrected theme.</summary>
public static class CorrectionExamples
{
    public static async Task<List<(string Text, string Label)>> LoadAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var examples = new List<(string, string)>();
        await using var command = dataSource.CreateCommand(
            "SELECT comment, corrected_theme FROM evaluations WHERE corrected_theme IS NOT NULL AND comment IS NOT NULL ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            examples.Add((reader.GetString(0), reader.GetString(1)));
        }
        return examples;
    }
}
