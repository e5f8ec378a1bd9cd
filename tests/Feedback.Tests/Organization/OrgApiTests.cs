using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Organization;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Tests.Organization;

/// <summary>The register's API for a centre's HR or 办件 system: read and upsert per kind, import a file, admin key only.</summary>
public sealed class OrgApiTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetKind_Windows_ListsThemWithTheirDetails()
    {
        var windows = await app.Admin.GetFromJsonAsync<List<WindowRow>>("/api/org/windows", Ct);

        Assert.Equal(new WindowRow("W001", "A01", "人力资源和社会保障局1号窗口", "D01", "1楼A区"), windows![0]);
        Assert.True(windows.Count >= 40);
    }

    [Fact]
    public async Task Kinds_WithAReadOrIngestKey_AreForbidden()
    {
        var get = await app.Reader.GetAsync("/api/org/staff", Ct);
        var put = await app.Ingest.PutAsJsonAsync("/api/org/staff", Array.Empty<StaffRow>(), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task Put_NewAndChangedRows_UpsertsThemByCode()
    {
        var rows = new[] { new StaffRow("S801", "冯晓燕", "D02", "W006"), new StaffRow("S802", "陈建华", "D02") };
        await app.Admin.PutAsJsonAsync("/api/org/staff", rows, Ct);

        var response = await app.Admin.PutAsJsonAsync("/api/org/staff", new[] { rows[0], rows[1] with { WindowCode = "W007" } }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<OrgChangeSummary>(Ct);
        Assert.Equal((true, 0, 1, 1), (summary!.Applied, summary.Added, summary.Changed, summary.Unchanged));
        Assert.Equal(new OrgChangeLine("staff", "S802", "updated"), Assert.Single(summary.Changes));
        var staff = await app.Admin.GetFromJsonAsync<List<StaffRow>>("/api/org/staff", Ct);
        Assert.Contains(new StaffRow("S802", "陈建华", "D02", "W007"), staff!);
    }

    [Fact]
    public async Task Put_InvalidRow_AnswersProblemDetailsByFieldPathAndAppliesNothing()
    {
        var rows = new[] { new WindowRow("W810", "M01", "有效窗口", "D01"), new WindowRow("W811", "M02", "无效窗口", "D99") };

        var response = await app.Admin.PutAsJsonAsync("/api/org/windows", rows, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        Assert.Equal(["[1].departmentCode"], problem!.Errors.Keys);
        Assert.Contains("D99", problem.Errors["[1].departmentCode"][0]);
        Assert.Null(await app.FindAsync(OrgKind.Windows, "W810"));
    }

    [Fact]
    public async Task Import_CheckTrue_ReturnsTheChangesAndAppliesNothing_ThenImportApplies()
    {
        var file = OrgFiles.Xlsx(OrgFiles.Layout(windows: [new WindowRow("W820", "N01", "预览窗口", "D03")]));

        var check = await PostFileAsync("/api/org/import?check=true", file);
        var absent = await app.FindAsync(OrgKind.Windows, "W820");
        var apply = await PostFileAsync("/api/org/import", file);

        var preview = await check.Content.ReadFromJsonAsync<OrgChangeSummary>(Ct);
        Assert.False(preview!.Applied);
        Assert.Contains(new OrgChangeLine("windows", "W820", "created"), preview.Changes);
        Assert.Null(absent);
        Assert.True((await apply.Content.ReadFromJsonAsync<OrgChangeSummary>(Ct))!.Applied);
        Assert.NotNull(await app.FindAsync(OrgKind.Windows, "W820"));
    }

    [Fact]
    public async Task Import_BadFile_ProblemsAreKeyedByCell()
    {
        var file = OrgFiles.Xlsx(OrgFiles.Layout(staff: [new StaffRow("S830", "", "D01")]));

        var response = await PostFileAsync("/api/org/import", file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        Assert.Equal("必填，不能为空。", Assert.Single(problem!.Errors["人员!B2"]));
    }

    [Fact]
    public async Task Import_FileOverTheLimit_IsRefusedByItsSize()
    {
        var response = await PostFileAsync("/api/org/import", new byte[50 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        Assert.Contains("超过上限 20 MB", problem!.Errors["file"][0]);
    }

    [Fact]
    public async Task GetOrg_IsDocumentedAndKindsAreInTheOpenApiDocument()
    {
        var document = await app.Anonymous.GetStringAsync("/openapi/v1.json", Ct);

        Assert.Contains("\"/api/org/service-items\"", document);
        Assert.Contains("\"/api/org/import\"", document);
        Assert.Contains("Upsert staff by code", document);
    }

    private async Task<HttpResponseMessage> PostFileAsync(string url, byte[] bytes)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "org.xlsx");
        return await app.Admin.PostAsync(url, content, Ct);
    }
}
