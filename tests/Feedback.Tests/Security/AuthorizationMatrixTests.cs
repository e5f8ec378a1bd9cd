using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Feedback.Tests.Cases;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Feedback.Web.ApiKeys;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Security;

/// <summary>
/// Every endpoint the service maps, asked by every kind of caller: who gets through the door. The endpoints come from
/// the running app's endpoint data source, so a new endpoint without a row in <see cref="Expected"/> fails the test,
/// and the failure prints the row it would need. Cells: R reached the endpoint (its own answer, whatever it is),
/// D denied (401, 403, or sent to sign in), M refused because the request carried a cookie and a key at once, and
/// E a server error, which no row may hold: a door that lets a caller in must answer a bare request with 4xx.
/// A case's routes name a real D01 case (and its rating), so a role check inside the endpoint shows as D; other route
/// values are made up (id 999999999, token "x"). Department scoping has tests of its own (Cases, Departments): the
/// department roles here belong to D01.
/// </summary>
public sealed class AuthorizationMatrixTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Column order of the cells.</summary>
    private static readonly string[] Callers =
    [
        "anonymous", "key:ingest", "key:read", "key:admin",
        "admin", "quality_officer", "department_officer", "department_head", "leader", "cookie+key",
    ];

    /// <summary>The agreed door of every endpoint: one letter per caller, in the order of <see cref="Callers"/>.</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        // anonymous | keys: ingest, read, admin | people: admin, quality officer, department officer, head, leader | cookie+key
        ["GET /"] = "DDDDRRRRRM",
        ["GET /account/password/"] = "DDDDRRRRRM",
        ["GET /admin/"] = "DDDDRDDDDM",
        ["GET /admin/audit"] = "DDDDRDDDDM",
        ["GET /admin/keys"] = "DDDDRDDDDM",
        ["GET /admin/org/"] = "DDDDRDDDDM",
        ["GET /admin/org/export.xlsx"] = "DDDDRDDDDM",
        ["GET /admin/org/import"] = "DDDDRDDDDM",
        ["GET /admin/org/import/{id:guid}"] = "DDDDRDDDDM",
        ["GET /admin/org/template.xlsx"] = "DDDDRDDDDM",
        ["GET /admin/org/{kind}/new"] = "DDDDRDDDDM",
        ["GET /admin/org/{kind}/{code}"] = "DDDDRDDDDM",
        ["GET /admin/posters"] = "DDDDRDDDDM",
        ["GET /admin/users"] = "DDDDRDDDDM",
        ["GET /admin/users/new"] = "DDDDRDDDDM",
        ["GET /admin/users/{id:int}"] = "DDDDRDDDDM",
        ["GET /api/cases/"] = "DDRRRRRRRM",
        ["GET /api/cases/{id:long}"] = "DDRRRRRRRM",
        ["GET /api/evaluations/"] = "DDRRDDDDDM",
        ["GET /api/evaluations/{id:long}"] = "DDRRDDDDDM",
        ["GET /api/inbox/"] = "DDDDRRRRRM",
        ["GET /api/org/"] = "DDRRDDDDDM",
        ["GET /api/org/departments"] = "DDDRDDDDDM",
        ["GET /api/org/service-items"] = "DDDRDDDDDM",
        ["GET /api/org/staff"] = "DDDRDDDDDM",
        ["GET /api/org/windows"] = "DDDRDDDDDM",
        ["GET /api/qr/posters"] = "DDDDRRDDDM",
        ["GET /assets/site.{hash}.js"] = "RRRRRRRRRM",
        ["GET /assets/site.{hash}.css"] = "RRRRRRRRRM",
        ["GET /cases"] = "DDDDRRRRRM",
        ["GET /cases/export"] = "DDDDRRRRRM",
        ["GET /cases/{id:long}/"] = "DDDDRRRRRM",
        ["GET /cases/{id:long}/attachments/{attachmentId:long}"] = "DDDDRRRRRM",
        ["GET /cases/{id:long}/attachments/{attachmentId:long}/thumbnail"] = "DDDDRRRRRM",
        ["GET /cases/{id:long}/print"] = "DDDDRRRRRM",
        ["GET /department"] = "DDDDRRRRRM",
        ["GET /hangfire/{**path}"] = "DDDDRDDDDM",
        ["GET /health"] = "RRRRRRRRRM",
        ["GET /inbox/"] = "DDDDRRRRRM",
        ["GET /openapi/{documentName}.json"] = "RRRRRRRRRM",
        ["GET /overview/"] = "DDDDRRDDRM",
        ["GET /overview/charts/{name}"] = "DDDDRRDDRM",
        ["GET /r/{token}"] = "RRRRRRRRRM",
        ["GET /reports/"] = "DDDDRRDDRM",
        ["GET /reports/department"] = "DDDDRRRRRM",
        // Department roles here belong to D01 and the route names department "x": theirs is readable, see DepartmentReportTests.
        ["GET /reports/{week}/departments/{code}/{file}"] = "DDDDRRDDRM",
        ["GET /reports/{week}/{file}"] = "DDDDRRDDRM",
        ["GET /signin"] = "RRRRRRRRRM",
        ["GET /t/{token}"] = "RRRRRRRRRM",
        ["GET /t/{token}/qr.png"] = "RRRRRRRRRM",
        ["POST /account/password/"] = "DDDDRRRRRM",
        ["POST /admin/keys"] = "DDDDRDDDDM",
        ["POST /admin/keys/{id:int}/revoke"] = "DDDDRDDDDM",
        ["POST /admin/org/import"] = "DDDDRDDDDM",
        ["POST /admin/org/import/{id:guid}"] = "DDDDRDDDDM",
        ["POST /admin/org/{kind}"] = "DDDDRDDDDM",
        ["POST /admin/org/{kind}/{code}"] = "DDDDRDDDDM",
        ["POST /admin/org/{kind}/{code}/restore"] = "DDDDRDDDDM",
        ["POST /admin/org/{kind}/{code}/retire"] = "DDDDRDDDDM",
        ["POST /admin/users"] = "DDDDRDDDDM",
        ["POST /admin/users/{id:int}"] = "DDDDRDDDDM",
        ["POST /admin/users/{id:int}/password"] = "DDDDRDDDDM",
        ["POST /admin/users/{id:int}/status"] = "DDDDRDDDDM",
        ["POST /api/cases/{id:long}/actions"] = "DDDRRRRRDM",
        ["POST /api/evaluations/"] = "DRDRDDDDDM",
        ["POST /api/evaluations/batch"] = "DRDRDDDDDM",
        ["POST /api/inbox/{id:long}/read"] = "DDDDRRRRRM",
        ["POST /api/org/import"] = "DDDRDDDDDM",
        ["POST /api/qr/receipt-links"] = "DRDRDDDDDM",
        ["POST /cases/{id:long}/actions"] = "DDDDRRRRDM",
        ["POST /cases/{id:long}/attachments/"] = "DDDDRRRRRM",
        ["POST /cases/{id:long}/theme"] = "DDDDRRRRDM",
        ["POST /inbox/{id:long}/read"] = "DDDDRRRRRM",
        ["POST /r/{token}"] = "RRRRRRRRRM",
        ["POST /reports/render"] = "DDDDRDDDRM",
        ["POST /signin"] = "RRRRRRRRRM",
        ["POST /signout"] = "DDDDDDDDDM",
        ["POST /t/{token}"] = "RRRRRRRRRM",
        ["PUT /api/evaluations/{id:long}/theme"] = "DDDRRRRRDM",
        ["PUT /api/org/departments"] = "DDDRDDDDDM",
        ["PUT /api/org/service-items"] = "DDDRDDDDDM",
        ["PUT /api/org/staff"] = "DDDRDDDDDM",
        ["PUT /api/org/windows"] = "DDDRDDDDDM",
    };

    [Fact]
    public async Task EveryEndpoint_LetsInExactlyTheCallersItsRowNames()
    {
        var clients = await CallersAsync();
        var caseId = await app.OpenCaseAsync("D01");
        var evaluationId = (await app.Reader.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}", Ct)).GetProperty("case").GetProperty("evaluationId").GetInt64();
        var actual = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (method, pattern, json) in Endpoints())
        {
            var cells = new StringBuilder();
            foreach (var caller in Callers)
            {
                cells.Append(await CellAsync(clients[caller], caller, method, Fill(pattern, caseId, evaluationId), json));
            }
            // The staff pages' assets are named by their content's hash.
            actual[$"{method} {Regex.Replace(pattern, @"\.[0-9a-f]{12}\.", ".{hash}.")}"] = cells.ToString();
        }

        var errors = actual.Where(a => a.Value.Contains('E')).Select(a => $"{a.Key}: {a.Value}").ToList();
        Assert.True(errors.Count == 0, "Server errors (E) for a bare request:\n" + string.Join("\n", errors));
        var wrong = actual.Where(a => !Expected.TryGetValue(a.Key, out var row) || row != a.Value).ToList();
        var gone = Expected.Keys.Where(k => !actual.ContainsKey(k)).ToList();
        Assert.True(wrong.Count == 0 && gone.Count == 0,
            $"Callers: {string.Join(", ", Callers)}\n" +
            $"Rows that differ or are missing (review each, then copy into Expected):\n" +
            string.Join("\n", wrong.Select(w => $"        [\"{w.Key}\"] = \"{w.Value}\",{(Expected.TryGetValue(w.Key, out var was) ? $" // expected {was}" : " // new")}")) +
            (gone.Count > 0 ? $"\nRows for endpoints that no longer exist: {string.Join(", ", gone)}" : ""));
    }

    /// <summary>Each endpoint and method, and whether it reads JSON (sent "{}", or routing would answer 415 before the door).</summary>
    private IEnumerable<(string Method, string Pattern, bool Json)> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (
                Method: m,
                Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'),
                Json: e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("application/json") == true)))
            .Distinct()
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal);

    private async Task<string> CellAsync(Caller caller, string name, string method, string path, bool json)
    {
        // Signing out ends the session the other cells use: that cell gets a session of its own. (Its answer, a
        // redirect to sign-in, reads as D for everyone.)
        var client = path == "/signout" && caller.SignIn is { } signIn ? await signIn() : caller;
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        if (method is not ("GET" or "HEAD" or "DELETE"))
        {
            // A case action is one a reader may not take but an officer may (a note), so the role check inside shows.
            var note = path.EndsWith("/actions", StringComparison.Ordinal);
            request.Content = json
                ? new StringContent(note ? """{"action":"note","note":"门禁检查"}""" : "{}", Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = client.FormToken,
                    ["action"] = note ? "note" : "",
                    ["note"] = note ? "门禁检查" : "",
                });
        }
        using var response = await client.Http.SendAsync(request, Ct);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        if (status is 401 or 403 || (status is 302 or 303 && location.Contains("/signin", StringComparison.Ordinal)))
            return "D";
        // The refusal comes before routing, so it is the same 400 (a page or ProblemDetails) on every path.
        if (name == "cookie+key" && status == 400)
            return "M";
        return status >= 500 ? "E" : "R";
    }

    /// <summary>The case and its rating for their routes' ids; elsewhere values that match any constraint and name nothing.</summary>
    private static string Fill(string pattern, long caseId, long evaluationId) =>
        Regex.Replace(pattern, @"\{\*{0,2}([a-zA-Z]+)(:[^}]*)?\??\}", m => m.Groups[1].Value switch
        {
            "id" when pattern.StartsWith("/cases/", StringComparison.Ordinal) || pattern.StartsWith("/api/cases/", StringComparison.Ordinal) => $"{caseId}",
            "id" when pattern.StartsWith("/api/evaluations/", StringComparison.Ordinal) => $"{evaluationId}",
            "kind" => "departments",
            "token" or "path" or "code" or "week" or "file" or "documentName" => "x",
            _ => "999999999",
        });

    private sealed record Caller(HttpClient Http, string FormToken, Func<Task<Caller>>? SignIn = null);

    private async Task<Dictionary<string, Caller>> CallersAsync()
    {
        var callers = new Dictionary<string, Caller>
        {
            ["anonymous"] = await AnonymousAsync(),
            ["key:ingest"] = WithKey(Browser.Open(app), app.Ingest),
            ["key:read"] = WithKey(Browser.Open(app), app.Reader),
            ["key:admin"] = WithKey(Browser.Open(app), app.Admin),
        };
        foreach (var role in new[] { Roles.Admin, Roles.QualityOfficer, Roles.DepartmentOfficer, Roles.DepartmentHead, Roles.Leader })
        {
            var name = $"matrix.{role}";
            await Browser.CreateUserAsync(app, name, role, role.StartsWith("department", StringComparison.Ordinal) ? "D01" : null);
            Func<Task<Caller>> signIn = async () =>
            {
                var http = await Browser.SignedInAsync(app, name);
                return new Caller(http, await http.FormTokenAsync("/account/password"));
            };
            callers[role] = (await signIn()) with { SignIn = signIn };
        }
        callers["cookie+key"] = WithKey(await Browser.SignedInAsync(app, $"matrix.{Roles.DepartmentOfficer}"), app.Reader);
        return callers;
    }

    /// <summary>A client that does not follow redirects, carrying the key of one of the app's key clients.</summary>
    private static Caller WithKey(HttpClient http, HttpClient keyed)
    {
        var header = ApiKeyAuthenticationHandler.HeaderName;
        http.DefaultRequestHeaders.Add(header, keyed.DefaultRequestHeaders.GetValues(header).Single());
        return new Caller(http, "");
    }

    private async Task<Caller> AnonymousAsync()
    {
        var http = Browser.Open(app);
        return new Caller(http, await http.FormTokenAsync());
    }
}
