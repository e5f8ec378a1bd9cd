using System.Text.Json;
using System.Text.Json.Serialization;

namespace Feedback.Web.Infrastructure;

/// <summary>
/// Every string in a JSON body is plain text: an escaped control character (<c>\u0000</c>, <c>\u001b</c>) fails the
/// read, so the caller gets a 400 naming the field instead of PostgreSQL's refusal as a 500.
/// </summary>
internal sealed class PlainTextJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is not null && RequestGuard.HasControlCharacter(text))
            throw new JsonException("Control characters are not allowed.");
        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
