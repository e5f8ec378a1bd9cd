using System.Net;
using System.Text.RegularExpressions;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Qr;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Feedback.Tests.Qr;

/// <summary>A citizen's phone seen one request at a time: it keeps cookies, reads the form and posts it back.</summary>
public static partial class QrClient
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static HttpClient Phone(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    internal static Task<string> SignAsync(this WebApplicationFactory<Program> app, QrLink link) =>
        app.Services.GetRequiredService<QrKeyRing>().SignAsync(link, Ct).AsTask();

    /// <summary>Opens the page and posts its form with the fields given (reasons may repeat).</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> RateAsync(this HttpClient phone, string token, params (string Name, string Value)[] fields)
    {
        var page = await phone.GetStringAsync($"/r/{token}", Ct);
        return await phone.PostFormAsync(token, FormToken(page), Assess(page), fields);
    }

    public static async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(
        this HttpClient phone, string token, string formToken, string assess, params (string Name, string Value)[] fields)
    {
        var content = new FormUrlEncodedContent(
            [new("__RequestVerificationToken", formToken), new("assess", assess), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        var response = await phone.PostAsync($"/r/{token}", content, Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    public static string FormToken(string html) => WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);

    public static string Assess(string html) => AssessField().Match(html).Groups[1].Value;

    /// <summary>The stored QR ratings whose comment is <paramref name="comment"/>, or of a transaction.</summary>
    public static async Task<List<(short Rating, short[] Reasons, string? Comment, short Assess, string? Staff, string Channel, string? Phone)>> StoredAsync(
        this FeedbackApp app, string? comment = null, string? caseNumber = null)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            SELECT rating, reason_codes, comment, assess_number, staff_code, channel, rater_phone_masked FROM evaluations
            WHERE comment = $1 OR case_number = $2 ORDER BY assess_number
            """, connection);
        command.Parameters.Add(new() { Value = (object?)comment ?? DBNull.Value, DataTypeName = "text" });
        command.Parameters.Add(new() { Value = (object?)caseNumber ?? DBNull.Value, DataTypeName = "text" });
        var rows = new List<(short, short[], string?, short, string?, string, string?)>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetInt16(0), reader.GetFieldValue<short[]>(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt16(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return rows;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"assess\" value=\"(\\d)\"")]
    private static partial Regex AssessField();
}
