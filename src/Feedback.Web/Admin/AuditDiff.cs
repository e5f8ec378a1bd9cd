using System.Text.Json;

namespace Feedback.Web.Admin;

/// <summary>One field of an audit entry: its value before and after (null: absent or JSON null).</summary>
public sealed record AuditField(string Name, string? Before, string? After)
{
    public bool Changed => Before != After;
}

/// <summary>Turns an entry's before and after JSON into the fields a person compares (in jsonb's key order).</summary>
public static class AuditDiff
{
    public static IReadOnlyList<AuditField> Fields(string? before, string? after)
    {
        var old = Read(before);
        var now = Read(after);
        return [.. old.Keys.Concat(now.Keys).Distinct().Select(name => new AuditField(name, old.GetValueOrDefault(name), now.GetValueOrDefault(name)))];
    }

    // Top-level fields only: strings as they are, other values (numbers, arrays, objects) as compact JSON.
    private static Dictionary<string, string?> Read(string? json)
    {
        var fields = new Dictionary<string, string?>();
        if (json is null)
            return fields;
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            return new() { ["value"] = document.RootElement.GetRawText() };
        foreach (var property in document.RootElement.EnumerateObject())
        {
            fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => property.Value.GetRawText(),
            };
        }
        return fields;
    }
}
