using System.Net;
using System.Text;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Qr;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Feedback.Tests.Qr;

/// <summary>The citizens' page over HTTP: what it shows, what it stores and what it refuses.</summary>
public sealed class QrPageTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetPage_PosterOfWindowAndStaff_ShowsWhereInChineseInOneResponse()
    {
        var token = await app.SignAsync(QrLink.Poster("W001", "S001"));

        var response = await QrClient.Phone(app).GetAsync($"/r/{token}", Ct);

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("人力资源和社会保障局", html);
        Assert.Contains("A01", html);
        Assert.Contains("工作人员：", html);
        Assert.All(new[] { "非常满意", "满意", "基本满意", "不满意", "非常不满意", "服务态度生硬", "多头跑窗口和部门" }, label => Assert.Contains(label, html));
        // One round trip: the style and the script are in the page, and nothing else is fetched (the icon is empty).
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("rel=\"stylesheet\"", html);
        Assert.Contains("<style>", html);
        Assert.Contains("<script>", html);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("qr_device=", StringComparison.Ordinal) && c.Contains("httponly") && c.Contains("samesite=lax"));
    }

    [Fact]
    public async Task GetPage_LongestHeaderOnAFollowUp_Under10KB()
    {
        var caseNumber = TestRatings.NewCaseNumber();
        var token = await app.SignAsync(QrLink.Receipt(caseNumber, "W001", "S002", "I001", DateTimeOffset.UtcNow.AddDays(30)));
        await QrClient.Phone(app).RateAsync(token, ("rating", "2"), ("reasons", "209"));

        var response = await QrClient.Phone(app).GetAsync($"/r/{token}", Ct);

        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("本次为追评", Encoding.UTF8.GetString(bytes));
        Assert.True(bytes.Length < 10_240, $"The rating page is {bytes.Length} bytes.");
        Directory.CreateDirectory(PhoneBrowser.ScreenshotDirectory);
        await File.WriteAllBytesAsync(Path.Combine(PhoneBrowser.ScreenshotDirectory, "rating-page.html"), bytes, Ct);
    }

    [Fact]
    public async Task PostForm_VerySatisfied_StoresQrRatingAndThanks()
    {
        var token = await app.SignAsync(QrLink.Poster("W001", "S001"));
        var comment = $"很好 {Guid.NewGuid():N}";

        var (response, html) = await QrClient.Phone(app).RateAsync(token, ("rating", "5"), ("comment", comment));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("感谢您的评价", html);
        Assert.DoesNotContain("小时内回复", html);
        var stored = Assert.Single(await app.StoredAsync(comment));
        Assert.Equal((5, "qr", "S001", (short)1), (stored.Rating, stored.Channel, stored.Staff, stored.Assess));
    }

    [Fact]
    public async Task PostForm_DissatisfiedWithReasons_StoresReasonsAndPromisesReplyWithin24Hours()
    {
        var token = await app.SignAsync(QrLink.Poster("W002"));
        var comment = $"跑了两趟 {Guid.NewGuid():N}";

        var (response, html) = await QrClient.Phone(app).RateAsync(token, ("rating", "2"), ("reasons", "208"), ("reasons", "213"), ("comment", comment));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("24 小时内回复", html);
        Assert.Equal([208, 213], Assert.Single(await app.StoredAsync(comment)).Reasons.Select(r => (int)r));
        Assert.Equal(("open", "D01"), await CaseOfAsync(comment));
    }

    /// <summary>The rectification case the rating with this comment opened (a QR rating takes the same path as the API).</summary>
    private async Task<(string State, string Department)> CaseOfAsync(string comment)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT c.state, c.department_code FROM cases c JOIN evaluations e ON e.id = c.evaluation_id WHERE e.comment = $1", connection);
        command.Parameters.Add(new() { Value = comment });
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct), "no case was opened");
        var found = (reader.GetString(0), reader.GetString(1));
        Assert.False(await reader.ReadAsync(Ct), "more than one case was opened");
        return found;
    }

    [Fact]
    public async Task PostForm_BadRatingWithoutReasonOrComment_ReRendersWithChineseErrorAndKeepsInput()
    {
        var token = await app.SignAsync(QrLink.Poster("W003"));

        var (response, html) = await QrClient.Phone(app).RateAsync(token, ("rating", "1"), ("name", "张三"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请至少勾选一项不满意的原因", html);
        Assert.Contains("value=\"1\" checked", html);
        Assert.Contains("value=\"张三\"", html);
    }

    [Fact]
    public async Task PostForm_ReasonOfTheOtherLevel_ReRendersWithChineseError()
    {
        var token = await app.SignAsync(QrLink.Poster("W003"));

        var (response, html) = await QrClient.Phone(app).RateAsync(token, ("rating", "2"), ("reasons", "115"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("所选原因与满意程度不符", html);
    }

    [Fact]
    public async Task PostForm_MarkupInComment_StoredAsWrittenAndRenderedEscaped()
    {
        var token = await app.SignAsync(QrLink.Poster("W004"));
        var comment = $"<script>alert('x')</script> & \"引号\" {Guid.NewGuid():N}";
        var tooLong = comment + new string('长', 500);

        var (rejected, html) = await QrClient.Phone(app).RateAsync(token, ("rating", "4"), ("comment", tooLong));
        var (stored, _) = await QrClient.Phone(app).RateAsync(token, ("rating", "4"), ("comment", comment));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;引号&quot;", html);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(comment, Assert.Single(await app.StoredAsync(comment)).Comment);
    }

    [Fact]
    public async Task PostForm_CommentWithLineBreaksAndSpaces_StoredAsWrittenWithPlainLineBreaks()
    {
        var token = await app.SignAsync(QrLink.Poster("W004"));
        var marker = Guid.NewGuid().ToString("N");

        await QrClient.Phone(app).RateAsync(token, ("rating", "4"), ("comment", $"  第一行\r\n第二行 {marker} "));

        Assert.Single(await app.StoredAsync($"  第一行\n第二行 {marker} "));
    }

    [Fact]
    public async Task PostForm_RealNameAndPhone_StoresMaskedPhone()
    {
        var token = await app.SignAsync(QrLink.Poster("W005"));
        var comment = $"实名 {Guid.NewGuid():N}";

        await QrClient.Phone(app).RateAsync(token, ("rating", "4"), ("comment", comment), ("name", "李四"), ("phone", "13812345678"));

        Assert.Equal("138****5678", Assert.Single(await app.StoredAsync(comment)).Phone);
    }

    [Fact]
    public async Task PostForm_SameDeviceTwiceOnOnePoster_SecondRefusedWithItsTrackingLink()
    {
        var token = await app.SignAsync(QrLink.Poster("W006", "S016"));
        var phone = QrClient.Phone(app);
        var (first, second) = ($"一 {Guid.NewGuid():N}", $"二 {Guid.NewGuid():N}");
        // Two tabs of the same phone: the second form was shown before the first rating went in.
        var secondTab = await phone.GetStringAsync($"/r/{token}", Ct);

        var (ok, thanks) = await phone.RateAsync(token, ("rating", "5"), ("comment", first));
        var (refused, html) = await phone.PostFormAsync(token, QrClient.FormToken(secondTab), QrClient.Assess(secondTab), ("rating", "1"), ("comment", second));
        var (otherPhone, _) = await QrClient.Phone(app).RateAsync(token, ("rating", "3"), ("comment", second));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.OK], [ok.StatusCode, refused.StatusCode, otherPhone.StatusCode]);
        Assert.Contains("您已评价过", html);
        Assert.Equal(Tracking.TrackingKit.TrackingPath(thanks), Tracking.TrackingKit.TrackingPath(html));
        Assert.Equal(3, Assert.Single(await app.StoredAsync(second)).Rating);
    }

    [Fact]
    public async Task Sweep_ClaimsOlderThanDeviceWindow_DeletedAndRecentOnesKept()
    {
        var token = await app.SignAsync(QrLink.Poster("W010"));
        await QrClient.Phone(app).RateAsync(token, ("rating", "5"));
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using (var age = new NpgsqlCommand("UPDATE qr_devices SET rated_at = rated_at - interval '31 minutes' WHERE place = 'W010/'", connection))
        {
            await age.ExecuteNonQueryAsync(Ct);
        }
        await QrClient.Phone(app).RateAsync(token, ("rating", "4"));

        await app.Services.GetRequiredService<QrDeviceSweeper>().SweepAsync(Ct);

        await using var count = new NpgsqlCommand("SELECT count(*) FROM qr_devices WHERE place = 'W010/'", connection);
        Assert.Equal(1L, await count.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task PostForm_WithoutAntiforgeryToken_RefusedWithFriendlyPage()
    {
        var token = await app.SignAsync(QrLink.Poster("W007"));
        var phone = QrClient.Phone(app);
        await phone.GetStringAsync($"/r/{token}", Ct);

        var (response, html) = await phone.PostFormAsync(token, "forged", "1", ("rating", "5"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertCitizenPage(html, "页面已过期");
    }

    [Fact]
    public async Task GetPage_ForgedToken_Returns404FriendlyPage()
    {
        var token = await app.SignAsync(QrLink.Poster("W001"));
        var forged = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        var response = await QrClient.Phone(app).GetAsync($"/r/{forged}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertCitizenPage(await response.Content.ReadAsStringAsync(Ct), "二维码无效");
    }

    /// <summary>The citizens' own page, not the staff error page that page routes get when a handler writes no body.</summary>
    private static void AssertCitizenPage(string html, string title)
    {
        Assert.Contains($"<h1>{title}</h1>", html);
        Assert.DoesNotContain("/assets/site.", html);
        Assert.DoesNotContain("错误代码", html);
    }

    [Fact]
    public async Task GetPage_GenuineTokenOfUnknownWindow_Returns404FriendlyPage()
    {
        var token = await app.SignAsync(QrLink.Poster("W999"));

        var response = await QrClient.Phone(app).GetAsync($"/r/{token}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostForm_ExpiredToken_Returns410AndStoresNothing()
    {
        var token = await app.SignAsync(QrLink.Poster("W008", expiresAt: DateTimeOffset.UtcNow.AddSeconds(-5)));

        var page = await QrClient.Phone(app).GetAsync($"/r/{token}", Ct);

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        AssertCitizenPage(await page.Content.ReadAsStringAsync(Ct), "二维码已过期");
    }

    [Fact]
    public async Task PostForm_MorePostsPerMinuteThanAllowed_Returns429FriendlyPage()
    {
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("Qr:PostsPerMinutePerLink", "2").UseSetting("Qr:DeviceWindow", "00:00:00"));
        var token = await limited.SignAsync(QrLink.Poster("W009"));
        var phone = QrClient.Phone(limited);

        var answers = new List<(HttpResponseMessage Response, string Html)>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await phone.RateAsync(token, ("rating", "5")));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers.Select(a => a.Response.StatusCode));
        AssertCitizenPage(answers[^1].Html, "提交过于频繁");
    }

    [Fact]
    public async Task PostForm_PhonesThatClearTheirCookie_AreStillLimitedPerAddressAndPosterWithinTheDeviceWindow()
    {
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("Qr:PostsPerDeviceWindowPerClientAndLink", "2"));
        var token = await limited.SignAsync(QrLink.Poster("W011"));
        var otherPoster = await limited.SignAsync(QrLink.Poster("W012"));

        // A new cookie jar each time: the device cookie alone would let every one of them rate.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            answers.Add((await QrClient.Phone(limited).RateAsync(token, ("rating", "5"))).Response.StatusCode);
        var elsewhere = await QrClient.Phone(limited).RateAsync(otherPoster, ("rating", "5"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.OK, elsewhere.Response.StatusCode);
    }
}
