using System.Net;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Feedback.Web.Reports;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Reports;

public sealed class ReportPagesTests(FeedbackApp app) : IClassFixture<FeedbackApp>, IAsyncLifetime
{
    private static readonly ReportWeek Week = new(2026, 20);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WeeklyReportJob>().RenderAsync(Week, null, null, Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task List_Anonymous_RedirectsToSignIn()
    {
        using var client = Browser.Open(app);

        var response = await client.GetAsync("/reports", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/signin?returnUrl=%2Freports", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task List_DepartmentOfficer_Forbidden()
    {
        using var client = await SignedInAsync(Roles.DepartmentOfficer, "D01");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/reports", Ct)).StatusCode);
    }

    [Fact]
    public async Task List_QualityOfficer_ShowsPreviewsAndPdfLinkButNoRenderButton()
    {
        using var client = await SignedInAsync(Roles.QualityOfficer);

        var html = await client.GetStringAsync("/reports", Ct);

        Assert.Contains("<img class=\"summary\" src=\"/reports/2026-W20/summary.png\"", html);
        Assert.Contains("src=\"/reports/2026-W20/trend.png\"", html);
        Assert.Contains("href=\"/reports/2026-W20/report.pdf\"", html);
        Assert.Contains("2026年第20周", html);
        Assert.DoesNotContain("/reports/render", html);
    }

    [Theory]
    [InlineData("/reports/2026-W20/report.pdf", "application/pdf")]
    [InlineData("/reports/2026-W20/summary.png", "image/png")]
    public async Task Download_ReportFile_ServesIt(string path, string contentType)
    {
        using var client = await SignedInAsync(Roles.Leader);

        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/reports/2026-W20/..%2F..%2Fappsettings.json")]
    [InlineData("/reports/..%2F2026-W20/report.pdf")]
    [InlineData("/reports/2026-W20/other.pdf")]
    [InlineData("/reports/2026-W21/report.pdf")]
    [InlineData("/reports/2026-w20/report.pdf")]
    public async Task Download_OutsideTheReportFiles_NotFound(string path)
    {
        using var client = await SignedInAsync(Roles.Leader);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path, Ct)).StatusCode);
    }

    [Fact]
    public async Task Render_LeaderWithToken_QueuesTheWeekAndRedirects()
    {
        using var client = await SignedInAsync(Roles.Leader);
        var queued = EnqueuedCount();

        var response = await PostRenderAsync(client, await client.FormTokenAsync("/reports"), "2026-W19");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/reports?queued=2026-W19", response.Headers.Location?.OriginalString);
        Assert.Equal(queued + 1, EnqueuedCount());
        Assert.Contains("已提交 2026-W19 的生成任务", await client.GetStringAsync("/reports?queued=2026-W19", Ct));
    }

    [Fact]
    public async Task Render_WithoutTokenOrBadWeek_BadRequest()
    {
        using var client = await SignedInAsync(Roles.Admin);

        Assert.Equal(HttpStatusCode.BadRequest, (await PostRenderAsync(client, "forged", "2026-W19")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostRenderAsync(client, await client.FormTokenAsync("/reports"), "2026-W99")).StatusCode);
    }

    [Theory]
    [InlineData("2026-W99", "不是有效的周次")]
    [InlineData("next year", "不是有效的周次")]
    [InlineData("2099-W10", "尚未开始")]
    public async Task Render_InvalidOrFutureWeek_AnswersAChinesePageAndQueuesNothing(string week, string explanation)
    {
        using var client = await SignedInAsync(Roles.Leader);
        var queued = EnqueuedCount();

        var response = await PostRenderAsync(client, await client.FormTokenAsync("/reports"), week);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(explanation, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(queued, EnqueuedCount());
    }

    [Fact]
    public async Task Render_QualityOfficer_Forbidden()
    {
        using var client = await SignedInAsync(Roles.QualityOfficer);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostRenderAsync(client, "any", "2026-W19")).StatusCode);
    }

    private async Task<HttpClient> SignedInAsync(string role, string? department = null)
    {
        var name = $"{role}-{Guid.NewGuid():N}"[..30];
        await Browser.CreateUserAsync(app, name, role, department, "<b>测试</b>");
        return await Browser.SignedInAsync(app, name);
    }

    private static Task<HttpResponseMessage> PostRenderAsync(HttpClient client, string token, string week) =>
        client.PostAsync("/reports/render", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["week"] = week,
        }), Ct);

    private long EnqueuedCount() => app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default");
}
