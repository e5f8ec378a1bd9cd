using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Feedback.Tests.Cases;
using Feedback.Tests.Infrastructure;

namespace Feedback.Tests.Security;

/// <summary>
/// A bounded fuzz run from a fixed seed: the API's write and read endpoints get bodies and queries built to break
/// parsers (NUL, bytes that are not UTF-8, huge numbers, deep nesting, wrong types, fields named twice, oversize text,
/// cut-off JSON). Whatever comes in, the answer is a 4xx or a success, never a 5xx. A failure names the request's
/// number and shows it, so it can be replayed from the seed.
/// </summary>
public sealed class FuzzTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private const int Seed = 20261203;
    private const int Requests = 5_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] RatingFields =
        ["caseNumber", "channel", "rating", "reasonCodes", "comment", "departmentCode", "windowCode", "staffCode", "serviceItemCode",
         "assessNumber", "rater", "evaluatedAt", "isDefault"];

    private static readonly string[] QueryFields =
        ["from", "to", "departmentCode", "windowCode", "staffCode", "rating", "badOnly", "theme", "needsReview", "signal", "limit", "cursor",
         "state", "department", "overdue", "dueWithinHours", "offset"];

    [Fact]
    public async Task FiveThousandHostileRequests_NeverGetA5xx()
    {
        var random = new Random(Seed);
        var caseId = await app.OpenCaseAsync("D01");
        var failures = new List<string>();
        for (var i = 0; i < Requests && failures.Count < 10; i++)
        {
            using var request = Next(random, caseId);
            var shown = await DescribeAsync(request);
            using var response = await Client(request).SendAsync(request, Ct);
            if ((int)response.StatusCode >= 500)
                failures.Add($"#{i} {(int)response.StatusCode}: {shown}");
        }

        Assert.True(failures.Count == 0, $"seed {Seed}:\n" + string.Join("\n", failures));
    }

    private HttpClient Client(HttpRequestMessage request) =>
        request.RequestUri!.OriginalString.StartsWith("/api/cases", StringComparison.Ordinal) || request.Method == HttpMethod.Put ? app.Admin
        : request.Method == HttpMethod.Get ? app.Reader
        : app.Ingest;

    private static HttpRequestMessage Next(Random random, long caseId) => random.Next(10) switch
    {
        < 5 => Post("/api/evaluations", RatingBody(random)),
        5 => Post("/api/evaluations/batch", Encoding.UTF8.GetBytes($"{{\"items\":[{Encoding.UTF8.GetString(RatingBody(random))}]}}")),
        6 => Post($"/api/cases/{caseId}/actions", Mutate(random, Encoding.UTF8.GetBytes("""{"action":"note","note":"x"}"""))),
        7 => new HttpRequestMessage(HttpMethod.Put, "/api/org/windows") { Content = Json(Mutate(random, Encoding.UTF8.GetBytes("""[{"code":"W900","number":"9","name":"x","departmentCode":"D01"}]"""))) },
        _ => new HttpRequestMessage(HttpMethod.Get, (random.Next(2) == 0 ? "/api/evaluations?" : "/api/cases?") +
            $"{QueryFields[random.Next(QueryFields.Length)]}={Uri.EscapeDataString(HostileText(random))}"),
    };

    private static HttpRequestMessage Post(string path, byte[] body) => new(HttpMethod.Post, path) { Content = Json(body) };

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>A valid rating with one or two fields made hostile, or the whole body mangled.</summary>
    private static byte[] RatingBody(Random random)
    {
        var body = TestRatings.Valid(rating: random.Next(1, 6)).ToDictionary(p => p.Key, p => (object?)p.Value);
        for (var n = random.Next(1, 3); n > 0; n--)
            body[RatingFields[random.Next(RatingFields.Length)]] = HostileValue(random);
        return Mutate(random, JsonSerializer.SerializeToUtf8Bytes(body));
    }

    private static object? HostileValue(Random random) => random.Next(12) switch
    {
        0 => HostileText(random),
        1 => 1e300 * random.Next(-1, 2),
        2 => long.MaxValue,
        3 => new object[] { 1, "a", null! },
        4 => new Dictionary<string, object> { ["name"] = HostileText(random), ["phone"] = new[] { 1 } },
        5 => true,
        6 => null,
        7 => new string('长', random.Next(1_000, 200_000)),
        8 => "2026-02-30T25:61:00+99:00",
        9 => new[] { int.MinValue, 108, 999 },
        10 => -random.Next(),
        _ => "",
    };

    private static string HostileText(Random random) => random.Next(9) switch
    {
        0 => "a\u0000b",
        1 => "\u001b[31m红\u001b[0m",
        2 => "\u202E反转\u200B零宽",
        3 => "' OR 1=1 --",
        4 => "<script>alert(1)</script>",
        5 => "99999999999999999999999999",
        6 => "-1",
        7 => "\uD800",
        _ => new string('x', random.Next(1, 5_000)),
    };

    /// <summary>Sometimes the JSON itself breaks: cut off, a field twice, deep nesting, bytes that are not UTF-8.</summary>
    private static byte[] Mutate(Random random, byte[] json) => random.Next(8) switch
    {
        0 => json[..random.Next(json.Length)],
        1 => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json).Insert(1, "\"rating\":1,\"rating\":4,")),
        2 => Encoding.UTF8.GetBytes(new string('[', 5_000) + new string(']', 5_000)),
        3 => [.. json[..(json.Length / 2)], 0xC3, 0x28, 0xFF, .. json[(json.Length / 2)..]],
        _ => json,
    };

    private static async Task<string> DescribeAsync(HttpRequestMessage request)
    {
        var body = request.Content is null ? "" : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(Ct));
        var text = $"{request.Method} {request.RequestUri} {body}";
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
