using System.Text.RegularExpressions;
using Feedback.Tests.Accounts;
using Feedback.Tests.Qr;
using Feedback.Web.Accounts;
using Feedback.Web.Cases;
using Microsoft.Playwright;

namespace Feedback.Tests.Cases;

/// <summary>The case page in Chromium as its people use it, at 1366×768 and 390×844, with and without JavaScript.</summary>
public sealed class CasePageBrowserTests(StaffBrowser browser) : IClassFixture<StaffBrowser>
{
    private const string LongComment = "上午九点到窗口办理营业执照变更，工作人员说材料不全，但办事指南上没有写需要这份证明，来回跑了三趟还没办好，希望能一次性告知所需材料。";

    [Theory]
    [InlineData(false, true, "desktop")]
    [InlineData(true, true, "phone")]
    [InlineData(true, false, "phone-nojs")]
    public async Task CasePage_QualityOfficerWithAPendingExtension_ReadsWellAndApprovesFromThePage(bool phone, bool javaScript, string name)
    {
        var (id, quality) = await CaseWithHistoryAsync();
        var page = await browser.SignedInAsync(quality, phone, javaScript);

        await page.GotoAsync($"/cases/{id}");
        await PhoneBrowser.ScreenshotAsync(page, $"case-{name}-quality");
        var (squeezed, overflowing) = await StaffBrowser.LayoutProblemsAsync(page);
        var decision = page.Locator(".decision");
        await Assertions.Expect(decision.GetByRole(AriaRole.Button, new() { Name = "同意延期" })).ToBeVisibleAsync();
        await Assertions.Expect(decision.GetByRole(AriaRole.Button, new() { Name = "驳回延期" })).ToBeVisibleAsync();
        await decision.GetByRole(AriaRole.Button, new() { Name = "同意延期" }).ClickAsync();

        Assert.Empty(squeezed);
        Assert.Empty(overflowing);
        await Assertions.Expect(page.Locator(".ok")).ToHaveTextAsync("已保存。");
        await Assertions.Expect(page.Locator(".decision")).ToHaveCountAsync(0);
        await PhoneBrowser.ScreenshotAsync(page, $"case-{name}-quality-approved");
    }

    [Theory]
    [InlineData(false, "desktop")]
    [InlineData(true, "phone")]
    public async Task CasePage_Officer_UploadsEvidenceAndSeesItsThumbnail(bool phone, string name)
    {
        var id = await browser.App.OpenCaseAsync(comment: LongComment);
        var officer = await UserAsync(Roles.DepartmentOfficer, "D01", "陈晓明");
        var page = await browser.SignedInAsync(officer, phone);

        await page.GotoAsync($"/cases/{id}");
        await PhoneBrowser.ScreenshotAsync(page, $"case-{name}-officer");
        var (squeezed, overflowing) = await StaffBrowser.LayoutProblemsAsync(page);
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "整改后的窗口.png", MimeType = "image/png", Buffer = EvidenceSamples.Png() });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();

        Assert.Empty(squeezed);
        Assert.Empty(overflowing);
        await Assertions.Expect(page.Locator(".ok")).ToHaveTextAsync("已上传整改佐证。");
        await Assertions.Expect(page.Locator("#evidence img.thumb")).ToHaveCountAsync(1);
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('#evidence img.thumb'); return img.complete && img.naturalWidth === 320; }");
    }

    [Fact]
    public async Task Upload_OverTheLimitWithoutJavaScript_ShowsTheCasePageWithTheMessage()
    {
        var id = await browser.App.OpenCaseAsync();
        var page = await browser.SignedInAsync(await UserAsync(Roles.DepartmentOfficer, "D01"), phone: false, javaScript: false);
        await page.GotoAsync($"/cases/{id}");

        // Eleven megabytes through the browser's protocol take a while on a busy machine.
        await page.Locator("#file").SetInputFilesAsync(
            new FilePayload { Name = "大.pdf", MimeType = "application/pdf", Buffer = [.. EvidenceSamples.Pdf(), .. new byte[11 * 1024 * 1024]] }, new() { Timeout = 120_000 });
        var response = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync(),
            r => r.Url.EndsWith("/attachments", StringComparison.Ordinal));

        Assert.Equal(413, response.Status);
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("文件超过 10 MB，未保存。");
        await PhoneBrowser.ScreenshotAsync(page, "case-desktop-upload-too-big");
    }

    [Fact]
    public async Task Upload_OverTheLimitWithJavaScript_IsStoppedBeforeSending()
    {
        var id = await browser.App.OpenCaseAsync();
        var page = await browser.SignedInAsync(await UserAsync(Roles.DepartmentOfficer, "D01"), phone: true);
        await page.GotoAsync($"/cases/{id}");

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "大.pdf", MimeType = "application/pdf", Buffer = new byte[11 * 1024 * 1024] }, new() { Timeout = 120_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();

        Assert.Contains("文件超过 10 MB", await page.Locator("#file").EvaluateAsync<string>("input => input.validationMessage"));
        Assert.Equal($"{browser.BaseUrl}/cases/{id}", page.Url);
    }

    [Fact]
    public async Task Countdown_WithJavaScript_TicksEverySecond()
    {
        var id = await browser.App.OpenCaseAsync();
        await browser.App.ExecuteAsync("UPDATE cases SET due_at = now() + interval '30 minutes' WHERE id = $1", id);
        var page = await browser.SignedInAsync(await UserAsync(Roles.DepartmentOfficer, "D01"), phone: true);

        await page.GotoAsync($"/cases/{id}");
        var countdown = page.Locator(".case-head [data-left]");
        var first = await countdown.TextContentAsync();

        await Assertions.Expect(countdown).Not.ToHaveTextAsync(first!, new() { Timeout = 3000 });
        await Assertions.Expect(countdown).ToHaveTextAsync(new Regex("^剩余 (29|30)分\\d+秒$"));
        await Assertions.Expect(countdown).ToHaveClassAsync(new Regex("soon"));
    }

    [Fact]
    public async Task PrintView_OnAPhone_HasTheCaseWithoutNavigationOrForms()
    {
        var (id, quality) = await CaseWithHistoryAsync();
        var page = await browser.SignedInAsync(quality, phone: true, javaScript: true);

        await page.GotoAsync($"/cases/{id}/print");
        await PhoneBrowser.ScreenshotAsync(page, "case-phone-print");

        await Assertions.Expect(page.Locator("form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("nav")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印" })).ToBeVisibleAsync();
        Assert.Empty((await StaffBrowser.LayoutProblemsAsync(page)).Squeezed);
    }

    [Fact]
    public async Task PrintView_PrintedOnA4_IsAPdfWithTheWholeFile()
    {
        var (id, quality) = await CaseWithHistoryAsync();
        var page = await browser.SignedInAsync(quality, phone: false);
        await page.GotoAsync($"/cases/{id}?print=true");

        var pdf = await page.PdfAsync(new() { Path = Path.Combine(PhoneBrowser.ScreenshotDirectory, "case-print-a4.pdf"), Format = "A4", PrintBackground = true });

        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        await Assertions.Expect(page.Locator("img.thumb")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".pending")).ToContainTextAsync("延期申请待审核：3 个工作日");
        await Assertions.Expect(page.Locator(".timeline time").First).ToHaveTextAsync(new Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"));
    }

    /// <summary>A case with a note, two files and a pending extension request by a named officer; returns the quality officer's user name.</summary>
    private async Task<(long Id, string Quality)> CaseWithHistoryAsync()
    {
        var app = browser.App;
        var id = await app.OpenCaseAsync(comment: LongComment);
        var officerName = await UserAsync(Roles.DepartmentOfficer, "D01", "陈晓明");
        // A long name with no place to break must not widen the page through the assignment list.
        await UserAsync(Roles.DepartmentOfficer, "D01", "Alexandra-Konstantinopoulou-Wellington-Smythe");
        using var officer = await Browser.SignedInAsync(app, officerName);
        await officer.ActOnPageAsync(id, CaseAction.Assign);
        await officer.ActOnPageAsync(id, CaseAction.Start, "已电话联系群众，约定明天上午来窗口补办");
        await officer.ActOnPageAsync(id, CaseAction.Note, "经核实办事指南确实漏写了该证明，已报业务科室修订");
        await officer.UploadAsync(id, "窗口现场照片.jpg", EvidenceSamples.Jpeg(), "image/jpeg");
        await officer.UploadAsync(id, "办事指南修订稿（2026年12月）.pdf", EvidenceSamples.Pdf(), "application/pdf");
        await officer.ActOnPageAsync(id, CaseAction.RequestExtension, "需业务科室修订办事指南并重新公示，预计需要三个工作日", ("workingDays", "3"));
        return (id, await UserAsync(Roles.QualityOfficer, null, "质量专员王芳"));
    }

    private async Task<string> UserAsync(string role, string? department, string? displayName = null)
    {
        var name = $"{role}.{Guid.NewGuid():N}"[..30];
        await Browser.CreateUserAsync(browser.App, name, role, department, displayName);
        return name;
    }
}
