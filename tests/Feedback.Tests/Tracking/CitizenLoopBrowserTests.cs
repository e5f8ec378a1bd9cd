using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Feedback.Tests.Qr;
using Feedback.Tests.Sms;
using Feedback.Web.Qr;
using Feedback.Web.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Feedback.Tests.Tracking;

/// <summary>
/// A citizen on a 390×844 phone through the whole loop: scan, 差评 with a phone number, reference and link, the texts
/// the local SMS gateway receives, the reply, the 追评 counted in the case and in the weekly report.
/// </summary>
public sealed partial class CitizenLoopBrowserTests(SmsPhoneBrowser browser) : IClassFixture<SmsPhoneBrowser>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ILocator Choice(IPage page, string label) => page.Locator("label.choice", new() { HasTextRegex = new Regex($"^{label}$") });

    [Fact]
    public async Task Citizen_VeryDissatisfiedWithPhone_FollowsTheTextedLinkToTheReplyAndHerFollowUpCountsInTheWeeklyReport()
    {
        var page = await browser.NewPhoneAsync();
        var comment = $"窗口让我跑了三个部门 {Guid.NewGuid():N}"[..20];
        var reply = "经核实，窗口未按一窗受理要求办理。已对窗口人员批评教育，并安排专人为您代办，今后同类业务一窗办结。";

        await page.GotoAsync($"/r/{await browser.SignAsync(QrLink.Poster("W003"))}");
        await Choice(page, "非常不满意").ClickAsync();
        await Choice(page, "多头跑窗口和部门").ClickAsync();
        await page.Locator("#comment").FillAsync(comment);
        // The contact field opens by itself after a 差评, with the reason it helps.
        await Assertions.Expect(page.Locator("#phone")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#contact")).ToContainTextAsync("部门可以回访您");
        await page.Locator("#phone").FillAsync("13812345678");
        await PhoneBrowser.ScreenshotAsync(page, "30-loop-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("感谢您的评价！");
        var reference = await page.Locator(".ref").TextContentAsync();
        Assert.Matches(@"^\d{5} \d{5}$", reference);
        // The QR code is fetched only when asked for: closed, nothing is loaded.
        Assert.Equal(0, await page.Locator(".track img").EvaluateAsync<int>("img => img.naturalWidth"));
        await page.GetByText("显示二维码").ClickAsync();
        await Assertions.Expect(page.Locator(".track img")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('.track img').complete && document.querySelector('.track img').naturalWidth > 100");
        await PhoneBrowser.ScreenshotAsync(page, "31-loop-thanks");
        var stored = Assert.Single(await browser.App.StoredAsync(comment));
        Assert.Equal("138****5678", stored.Phone);

        // The phone gets a text with the same reference and the tracking link.
        await browser.DeliverAsync();
        var received = Assert.Single(browser.Gateway.Requests);
        Assert.True(received.SignatureValid);
        Assert.Equal("13812345678", received.Json.GetProperty("to").GetString());
        var text = received.Json.GetProperty("text").GetString()!;
        Assert.Contains($"查询编号{reference}", text);
        var caseId = await TrackingKit.CaseIdAsync(browser.App, comment);
        await TrackingKit.ActAsync(browser.App, caseId, "start");
        await TrackingKit.ActAsync(browser.App, caseId, "rectify", reply);
        await browser.DeliverAsync();
        var replied = Assert.Single(browser.Gateway.Requests, r => r.Json.GetProperty("text").GetString()!.Contains("已答复"));
        Assert.Equal(2, browser.Gateway.Delivered.Count);
        // The texted link opens the tracking page (its host is Qr:PublicBaseUrl; the test's server is on another port).
        await page.GotoAsync(new Uri(TextedLink().Match(replied.Json.GetProperty("text").GetString()!).Value).AbsolutePath);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("处理进度");
        await Assertions.Expect(page.Locator(".reply")).ToContainTextAsync(reply);
        await Assertions.Expect(page.Locator(".steps li.now")).ToContainTextAsync("已整改");
        await Assertions.Expect(page.Locator(".ref")).ToHaveTextAsync(reference!);
        await PhoneBrowser.ScreenshotAsync(page, "32-loop-replied");
        await page.GetByRole(AriaRole.Button, new() { Name = "满意", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("感谢您的追评");
        await Assertions.Expect(page.Locator(".steps li").Last).ToHaveClassAsync("done");
        await PhoneBrowser.ScreenshotAsync(page, "33-loop-followed-up");
        var detail = await browser.App.Admin.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}", Ct);
        Assert.Equal("closed", detail.GetProperty("case").GetProperty("state").GetString());
        Assert.Equal(4, detail.GetProperty("followUpSatisfaction").GetInt32());
        Assert.Equal("online", detail.GetProperty("followUpChannel").GetString());
        // Her 追评 closed the case, which erased her number.
        Assert.Null(await CipherAsync(caseId));
        await AssertWeeklyReportCountsTheFollowUpAsync();
    }

    /// <summary>The week's report, rendered as the Monday job does, prints 回访满意率 over this class's one closed case: hers.</summary>
    private async Task AssertWeeklyReportCountsTheFollowUpAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), $"loop-report-{Guid.NewGuid():N}");
        try
        {
            var now = DateTimeOffset.UtcNow;
            var rendered = await browser.App.Services.GetRequiredService<ReportRenderer>().RenderAsync(ReportWeek.Containing(now), root, now, null, Ct);
            var counts = rendered.Report.Current;
            Assert.Equal((1L, 1L), (counts.Closed, counts.Satisfied));
            var indicator = Indicators.FollowUpSatisfaction;
            using var pdf = PdfDocument.Open(Path.Combine(rendered.Directory, ReportRenderer.PdfName));
            var printed = string.Concat(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
            Assert.Equal("100.0%", indicator.Format(indicator.Compute(counts)));
            Assert.Contains(indicator.Name + "100.0%", printed);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private async Task<byte[]?> CipherAsync(long caseId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(browser.App.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand("SELECT contact_phone_cipher FROM cases WHERE id = $1", connection);
        command.Parameters.Add(new() { Value = caseId });
        return await command.ExecuteScalarAsync(Ct) as byte[];
    }

    [GeneratedRegex(@"https?://\S+/t/[A-Za-z0-9_-]{43}")]
    private static partial Regex TextedLink();

    [Fact]
    public async Task Citizen_RescansThePosterSheRated_SeesRatedBeforeAndHerTrackingLink()
    {
        var page = await browser.NewPhoneAsync();
        var token = await browser.SignAsync(QrLink.Poster("W005"));

        await page.GotoAsync($"/r/{token}");
        await Choice(page, "满意").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("感谢您的评价！");
        var reference = await page.Locator(".ref").TextContentAsync();
        await page.GotoAsync($"/r/{token}");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("您已评价过");
        await Assertions.Expect(page.Locator("form")).ToHaveCountAsync(0);
        await PhoneBrowser.ScreenshotAsync(page, "34-rescan");
        await page.GetByRole(AriaRole.Link, new() { Name = "查看处理进度" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ref")).ToHaveTextAsync(reference!);
    }
}
