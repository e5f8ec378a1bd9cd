using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Feedback.Web.Organization;
using Feedback.Web.Organization.Import;
using UglyToad.PdfPig;

namespace Feedback.Tests.Organization;

/// <summary>/admin/org and /admin/posters as an admin sees them, one request at a time.</summary>
public sealed partial class OrgPagesTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, string Name)> SignedInAsync(string role = Roles.Admin)
    {
        var name = $"org-{Guid.NewGuid():N}"[..16];
        await Browser.CreateUserAsync(app, name, role, role is Roles.DepartmentOfficer or Roles.DepartmentHead ? "D01" : null);
        return (await Browser.SignedInAsync(app, name), name);
    }

    [Theory]
    [InlineData("/admin/org")]
    [InlineData("/admin/org/import")]
    [InlineData("/admin/posters")]
    public async Task Pages_QualityOfficer_Forbidden(string path)
    {
        var (client, _) = await SignedInAsync(Roles.QualityOfficer);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path, Ct)).StatusCode);
    }

    [Fact]
    public async Task List_Search_FindsWindowsByName()
    {
        var (client, _) = await SignedInAsync();

        var html = await client.GetStringAsync("/admin/org?kind=windows&q=" + Uri.EscapeDataString("住房公积金"), Ct);

        Assert.Contains("共 5 条", html);
        Assert.Contains("住房公积金管理中心1号窗口", html);
        Assert.DoesNotContain("人力资源和社会保障局1号窗口", html);
    }

    [Fact]
    public async Task Add_WithAWrongCreditCode_ShowsTheFieldError_ThenSavesAndAudits()
    {
        var (client, name) = await SignedInAsync();
        var token = await client.FormTokenAsync("/admin/org/departments/new");
        Dictionary<string, string> Form(string credit) => new()
        {
            ["__RequestVerificationToken"] = token, ["code"] = "D70", ["name"] = "示范市档案馆", ["creditCode"] = credit, ["areaCode"] = "330100",
        };

        var bad = await client.PostAsync("/admin/org/departments", new FormUrlEncodedContent(Form("11330100002500001Y")), Ct);
        var good = await client.PostAsync("/admin/org/departments", new FormUrlEncodedContent(Form("11330100002500001X")), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("第18位应为「X」", await bad.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(new DepartmentRow("D70", "示范市档案馆", "11330100002500001X", "330100"), (await app.FindAsync(OrgKind.Departments, "D70"))!.Row);
        Assert.Equal((name, "created"), (Assert.Single(await app.AuditAsync("department", "D70")) is var e ? (e.Actor, e.Action) : default));
    }

    [Fact]
    public async Task RetireAndRestore_AStaffMember_AreRecordedAndShown()
    {
        var (client, _) = await SignedInAsync();
        var token = await client.FormTokenAsync("/admin/org?kind=staff");
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        var retire = await client.PostAsync("/admin/org/staff/S050/retire", form, Ct);
        var listed = await client.GetStringAsync("/admin/org?kind=staff&status=retired", Ct);
        var restore = await client.PostAsync("/admin/org/staff/S050/restore", form, Ct);

        Assert.Equal(HttpStatusCode.Redirect, retire.StatusCode);
        Assert.Contains("S050", listed);
        Assert.Contains("离岗", listed);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Null((await app.FindAsync(OrgKind.Staff, "S050"))!.RetiredAt);
        Assert.Equal(["retired", "restored"], (await app.AuditAsync("staff", "S050")).Select(e => e.Action));
    }

    [Fact]
    public async Task Import_UploadPreviewConfirm_AppliesWhatThePreviewShowed()
    {
        var (client, name) = await SignedInAsync();
        var file = OrgFiles.Xlsx(OrgFiles.Layout(windows: [new WindowRow("W700", "P01", "导入的窗口", "D02", "四楼")]));

        var preview = await UploadAsync(client, file);
        var html = await client.GetStringAsync(preview, Ct);
        var confirm = await client.PostAsync(preview, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormToken(html), ["digest"] = Digest().Match(html).Groups[1].Value,
        }), Ct);

        Assert.Contains("导入的窗口", html);
        Assert.Contains("确认导入", html);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Contains(Uri.EscapeDataString("新增 1"), confirm.Headers.Location!.OriginalString);
        Assert.NotNull(await app.FindAsync(OrgKind.Windows, "W700"));
        Assert.Equal(name, Assert.Single(await app.AuditAsync(OrgAuditTrail.ImportKind, "org.xlsx")).Actor);
    }

    [Fact]
    public async Task Import_RegisterChangedAfterThePreview_ShowsANewPreviewAndAppliesNothing()
    {
        var (client, _) = await SignedInAsync();
        var preview = await UploadAsync(client, OrgFiles.Xlsx(OrgFiles.Layout(windows: [new WindowRow("W710", "P02", "预览后的窗口", "D02")])));
        var html = await client.GetStringAsync(preview, Ct);
        await app.ImportAsync(OrgKind.Windows, new WindowRow("W710", "P02", "别人先建的窗口", "D02"));

        var confirm = await client.PostAsync(preview, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormToken(html), ["digest"] = Digest().Match(html).Groups[1].Value,
        }), Ct);

        Assert.Equal(HttpStatusCode.Conflict, confirm.StatusCode);
        Assert.Contains("预览之后组织机构已有变化", await confirm.Content.ReadAsStringAsync(Ct));
        Assert.Equal("别人先建的窗口", (await app.FindAsync(OrgKind.Windows, "W710"))!.Row.Name);
    }

    [Fact]
    public async Task Import_BadFile_PreviewListsTheProblemsAndOffersNoConfirmation()
    {
        var (client, _) = await SignedInAsync();
        var file = OrgFiles.Xlsx(OrgFiles.Layout(staff: [new StaffRow("S720", "吴敏", "D09")]));

        var html = await client.GetStringAsync(await UploadAsync(client, file), Ct);

        Assert.Contains("工作表「人员」 第2行 C列「所属部门编码」：部门编码「D09」不存在", html);
        Assert.DoesNotContain("确认导入", html);
    }

    [Fact]
    public async Task Template_Download_IsTheImportTemplate()
    {
        var (client, _) = await SignedInAsync();

        var response = await client.GetAsync("/admin/org/template.xlsx", Ct);

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var input = OrgFiles.Read(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Empty(input.Problems);
        Assert.Equal(4, input.Rows.Count);
    }

    [Fact]
    public async Task Posters_ClosedWindow_IsListedWithoutAPosterAndLeftOutOfTheCentresPdf()
    {
        var (client, _) = await SignedInAsync();
        await app.ImportAsync(OrgKind.Windows, new WindowRow("W040", "H05", "民政局5号窗口", "D08", "3楼H区", Active: false));

        var html = await client.GetStringAsync("/admin/posters?q=W04", Ct);
        var single = await client.GetAsync("/api/qr/posters?window=W040&format=png", Ct);
        var all = await client.GetAsync("/api/qr/posters?format=pdf", Ct);

        Assert.Contains("已停用，无海报", html);
        Assert.DoesNotContain("window=W040", html);
        Assert.Equal(HttpStatusCode.BadRequest, single.StatusCode);
        using var pdf = PdfDocument.Open(await all.Content.ReadAsByteArrayAsync(Ct));
        var windows = await app.ScalarAsync("SELECT count(*) FROM windows WHERE retired_at IS NULL");
        Assert.Equal(windows, pdf.NumberOfPages);
        Assert.DoesNotContain(pdf.GetPages(), p => p.Text.Contains("民政局5号窗口"));
    }

    private static async Task<string> UploadAsync(HttpClient client, byte[] file)
    {
        var token = await client.FormTokenAsync("/admin/org/import");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", "org.xlsx");
        var response = await client.PostAsync("/admin/org/import", content, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static string FormToken(string html) => WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"digest\" value=\"([0-9a-f]+)\"")]
    private static partial Regex Digest();
}
