using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Feedback.Tests.Infrastructure;
using Feedback.Tests.Qr;
using Npgsql;

namespace Feedback.Tests.Tracking;

/// <summary>A citizen rating by QR code and keeping the tracking link; an officer acting on the case over the API.</summary>
public static partial class TrackingKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The tracking page's path in a thank-you (or rescan) page, e.g. /t/VEF…</summary>
    public static string TrackingPath(string html) => TrackingLink().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("no tracking link in the page");

    /// <summary>The reference as shown: two groups of five digits.</summary>
    public static string Reference(string html) => ReferenceText().Match(html) is var m ? $"{m.Groups[1].Value} {m.Groups[2].Value}" : "";

    /// <summary>Rates a poster (or receipt) on a new phone and returns the thank-you page.</summary>
    public static async Task<string> RateAsync(FeedbackApp app, string token, params (string Name, string Value)[] fields)
    {
        var (response, html) = await QrClient.Phone(app).RateAsync(token, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return html;
    }

    public static async Task<long> CaseIdAsync(FeedbackApp app, string comment)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT c.id FROM cases c JOIN evaluations e ON e.id = c.evaluation_id WHERE e.comment = $1", connection);
        command.Parameters.Add(new() { Value = comment });
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    public static async Task ActAsync(FeedbackApp app, long caseId, string action, string? note = null, int? satisfaction = null, string? channel = null)
    {
        var response = await app.Admin.PostAsJsonAsync($"/api/cases/{caseId}/actions", new { action, note, satisfaction, channel }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    public static async Task<(string State, short? Satisfaction, string? Channel)> CaseAsync(FeedbackApp app, long caseId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT state, follow_up_satisfaction, follow_up_channel FROM cases WHERE id = $1", connection);
        command.Parameters.Add(new() { Value = caseId });
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt16(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    /// <summary>Opens the tracking page on <paramref name="phone"/> and taps a follow-up level.</summary>
    /// <remarks>When the page offers no follow-up, the phone's antiforgery token is taken from a rating page, as a forged post would.</remarks>
    public static async Task<(HttpResponseMessage Response, string Html)> FollowUpAsync(FeedbackApp app, HttpClient phone, string path, int rating)
    {
        var page = await phone.GetStringAsync(path, Ct);
        var formToken = QrClient.FormToken(page);
        if (formToken.Length == 0)
            formToken = QrClient.FormToken(await phone.GetStringAsync($"/r/{await app.SignAsync(Feedback.Web.Qr.QrLink.Poster("W003"))}", Ct));
        var content = new FormUrlEncodedContent([new("__RequestVerificationToken", formToken), new("rating", rating.ToString())]);
        var response = await phone.PostAsync(path, content, Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    [GeneratedRegex("href=\"(/t/[A-Za-z0-9_-]+)\"")]
    private static partial Regex TrackingLink();

    [GeneratedRegex("class=\"ref\"><span>(\\d{5})</span> <span>(\\d{5})</span>")]
    private static partial Regex ReferenceText();
}
