using System.Net;
using System.Net.Http.Json;
using System.Text;
using Feedback.Tests.Infrastructure;
using Feedback.Tests.Qr;
using Feedback.Web.Qr;
using Feedback.Web.Tracking;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Tracking;

/// <summary>The citizen's side of the loop over HTTP: the reference, the tracking page, the follow-up rating.</summary>
public sealed class TrackingPageTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Comment(string text) => $"{text} {Guid.NewGuid():N}";

    [Fact]
    public async Task Thanks_AnyRating_ShowsReferenceTrackingLinkAndQrImageUnder10KB()
    {
        var token = await app.SignAsync(QrLink.Poster("W001", "S001"));

        var (response, html) = await QrClient.Phone(app).RateAsync(token, ("rating", "1"), ("reasons", "115"), ("comment", Comment("态度差")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^\d{5} \d{5}$", TrackingKit.Reference(html));
        Assert.StartsWith("/t/", TrackingKit.TrackingPath(html));
        // The page's link stays on the site; the QR code kept in the photos carries the whole public address.
        var qr = await QrClient.Phone(app).GetAsync(TrackingKit.TrackingPath(html) + "/qr.png", Ct);
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TrackingQr.Png("http://127.0.0.1:5080" + TrackingKit.TrackingPath(html)), await qr.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("loading=\"lazy\"", html);
        Assert.True(Encoding.UTF8.GetByteCount(html) < 10_240, $"The thank-you page is {Encoding.UTF8.GetByteCount(html)} bytes.");
        await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(PhoneBrowser.ScreenshotDirectory).FullName, "thanks-page.html"), html, Ct);
    }

    [Fact]
    public async Task Reference_ConsecutiveIds_UnrelatedNumbersThatTurnBackIntoTheIds()
    {
        var references = app.Services.GetRequiredService<TrackingReference>();

        var numbers = new List<long>();
        for (long id = 1; id <= 50; id++)
            numbers.Add(await references.ToReferenceAsync(id, Ct));

        Assert.Equal(50, numbers.Distinct().Count());
        // Neighbouring ratings are not neighbouring references, and no reference is its id: the count is not revealed.
        Assert.All(numbers.Zip(numbers.Skip(1)), pair => Assert.True(Math.Abs(pair.First - pair.Second) > 1000));
        Assert.DoesNotContain(numbers, n => n <= 50);
        for (var i = 0; i < numbers.Count; i++)
            Assert.Equal(i + 1, await references.ToIdAsync(numbers[i], Ct));
    }

    [Fact]
    public async Task TrackingPage_BadRatingThroughTheLoop_ShowsStatesReplyButNeverInternalNotes()
    {
        var comment = Comment("材料要求反复");
        var html = await TrackingKit.RateAsync(app, await app.SignAsync(QrLink.Poster("W002")), ("rating", "2"), ("reasons", "210"), ("comment", comment));
        var path = TrackingKit.TrackingPath(html);
        var caseId = await TrackingKit.CaseIdAsync(app, comment);
        var phone = QrClient.Phone(app);

        var received = await phone.GetStringAsync(path, Ct);
        await TrackingKit.ActAsync(app, caseId, "start");
        await TrackingKit.ActAsync(app, caseId, "note", "内部：窗口人员培训不足");
        var verifying = await phone.GetStringAsync(path, Ct);
        await TrackingKit.ActAsync(app, caseId, "rectify", "已一次性告知所需材料清单，并向您致歉。");
        var rectified = await phone.GetStringAsync(path, Ct);

        Assert.Contains("<li class=\"now\">已收到", received);
        // Steps not reached show no time, and no markup leaks into the text.
        Assert.Contains("<li class=\"todo\">已回访 </li>", received);
        Assert.All(new[] { received, verifying, rectified }, page => Assert.DoesNotContain("@", page[page.IndexOf("<main>", StringComparison.Ordinal)..]));
        Assert.Contains("前答复您", received);
        Assert.Contains("<li class=\"now\">核实中", verifying);
        Assert.Contains("<li class=\"now\">已整改", rectified);
        Assert.Contains("已一次性告知所需材料清单，并向您致歉。", rectified);
        Assert.Contains("您对整改结果满意吗", rectified);
        Assert.DoesNotContain("窗口人员培训不足", verifying + rectified);
        Assert.Equal(TrackingKit.Reference(html), TrackingKit.Reference(rectified));
    }

    [Fact]
    public async Task FollowUp_AfterRectification_StoredOnceAndCountedAsTheCasesFollowUp()
    {
        var comment = Comment("多跑了一趟");
        var html = await TrackingKit.RateAsync(app, await app.SignAsync(QrLink.Poster("W001")), ("rating", "1"), ("reasons", "113"), ("comment", comment));
        var path = TrackingKit.TrackingPath(html);
        var caseId = await TrackingKit.CaseIdAsync(app, comment);
        var phone = QrClient.Phone(app);

        var (early, earlyHtml) = await TrackingKit.FollowUpAsync(app, phone, path, 4);
        await TrackingKit.ActAsync(app, caseId, "rectify", "已整改");
        var (stored, storedHtml) = await TrackingKit.FollowUpAsync(app, phone, path, 4);
        var (again, againHtml) = await TrackingKit.FollowUpAsync(app, phone, path, 5);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("部门尚未答复整改结果", earlyHtml);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Contains("感谢您的追评", storedHtml);
        Assert.Contains("<li class=\"done\">已回访", storedHtml);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("您已追评过", againHtml);
        Assert.Equal(("closed", (short?)4, "online"), await TrackingKit.CaseAsync(app, caseId));
        var followUp = Assert.Single(await app.StoredAsync(caseNumber: $"QRT{TrackingKit.Reference(html).Replace(" ", "")}"));
        Assert.Equal((4, (short)2, "qr"), (followUp.Rating, followUp.Assess, followUp.Channel));
    }

    [Fact]
    public async Task FollowUp_AfterTheOfficersFollowUp_StoredButTheOfficersSatisfactionStays()
    {
        var comment = Comment("等太久");
        var html = await TrackingKit.RateAsync(app, await app.SignAsync(QrLink.Poster("W001")), ("rating", "2"), ("reasons", "212"), ("comment", comment));
        var caseId = await TrackingKit.CaseIdAsync(app, comment);
        await TrackingKit.ActAsync(app, caseId, "rectify", "已增开窗口");
        await TrackingKit.ActAsync(app, caseId, "follow_up", satisfaction: 5, channel: "phone");

        var (response, _) = await TrackingKit.FollowUpAsync(app, QrClient.Phone(app), TrackingKit.TrackingPath(html), 3);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("closed", (short?)5, "phone"), await TrackingKit.CaseAsync(app, caseId));
    }

    [Fact]
    public async Task FollowUpAction_UnknownChannel_Returns400NamingTheField()
    {
        var comment = Comment("态度生硬");
        await TrackingKit.RateAsync(app, await app.SignAsync(QrLink.Poster("W001")), ("rating", "2"), ("reasons", "214"), ("comment", comment));
        var caseId = await TrackingKit.CaseIdAsync(app, comment);
        await TrackingKit.ActAsync(app, caseId, "rectify", "已道歉");

        var response = await app.Admin.PostAsJsonAsync($"/api/cases/{caseId}/actions", new { action = "follow_up", satisfaction = 4, channel = "pigeon" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"channel\"", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(("rectified", (short?)null, (string?)null), await TrackingKit.CaseAsync(app, caseId));
    }

    [Fact]
    public async Task FollowUp_OnAGoodRating_NotOfferedAndRefused()
    {
        var html = await TrackingKit.RateAsync(app, await app.SignAsync(QrLink.Poster("W001")), ("rating", "5"), ("comment", Comment("很好")));
        var path = TrackingKit.TrackingPath(html);
        var phone = QrClient.Phone(app);

        var page = await phone.GetStringAsync(path, Ct);
        var (response, refused) = await TrackingKit.FollowUpAsync(app, phone, path, 5);

        Assert.Contains("满意的评价无需部门答复", page);
        Assert.DoesNotContain("您对整改结果满意吗", page);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("这条评价无需追评", refused);
    }

    [Fact]
    public async Task TrackingPage_CannotFixApproved_ShowsTheDepartmentsExplanation_AppealShowsNoNote()
    {
        var (fixComment, appealComment) = (Comment("要求取消收费"), Comment("乱评"));
        var fixHtml = await TrackingKit.RateAsync(app, await app.SignAsync(QrLink.Poster("W001")), ("rating", "2"), ("reasons", "214"), ("comment", fixComment));
        var appealHtml = await TrackingKit.RateAsync(app, await app.SignAsync(QrLink.Poster("W001")), ("rating", "2"), ("reasons", "214"), ("comment", appealComment));
        await TrackingKit.ActAsync(app, await TrackingKit.CaseIdAsync(app, fixComment), "request_cannot_fix", "该费用由法律规定，窗口无权减免。");
        await TrackingKit.ActAsync(app, await TrackingKit.CaseIdAsync(app, fixComment), "approve_cannot_fix");
        await TrackingKit.ActAsync(app, await TrackingKit.CaseIdAsync(app, appealComment), "appeal", "评价人当天未到窗口办理");

        var cannotFix = await QrClient.Phone(app).GetStringAsync(TrackingKit.TrackingPath(fixHtml), Ct);
        var appealed = await QrClient.Phone(app).GetStringAsync(TrackingKit.TrackingPath(appealHtml), Ct);

        Assert.Contains("无法整改", cannotFix);
        Assert.Contains("该费用由法律规定，窗口无权减免。", cannotFix);
        Assert.Contains("申诉审核中", appealed);
        Assert.DoesNotContain("评价人当天未到窗口办理", appealed);
    }

    [Fact]
    public async Task TrackingPage_ForgedAlteredOrExpiredToken_FriendlyPageRevealingNothing()
    {
        var html = await TrackingKit.RateAsync(app, await app.SignAsync(QrLink.Poster("W001")), ("rating", "5"), ("comment", Comment("好")));
        var path = TrackingKit.TrackingPath(html);
        var altered = path[..^2] + (path[^2] == 'A' ? "B" : "A") + path[^1];
        var keys = await app.Services.GetRequiredService<QrKeyRing>().KeysAsync(Ct);
        var expired = TrackingToken.Encode(12345, DateTimeOffset.UtcNow.AddMinutes(-1), keys.SigningKeyId, keys.SigningSecret);
        var phone = QrClient.Phone(app);

        var forgedResponse = await phone.GetAsync("/t/bm90LWEtdG9rZW4", Ct);
        var alteredResponse = await phone.GetAsync(altered, Ct);
        var expiredResponse = await phone.GetAsync($"/t/{expired}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, forgedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, alteredResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expiredResponse.StatusCode);
        var pages = await Task.WhenAll(new[] { forgedResponse, alteredResponse, expiredResponse }.Select(r => r.Content.ReadAsStringAsync(Ct)));
        Assert.All(pages, page => Assert.Contains("<main>", page));
        Assert.Contains("链接无效", pages[1]);
        Assert.DoesNotContain("查询编号", pages[1]);
        Assert.Contains("链接已过期", pages[2]);
    }

    [Fact]
    public async Task TrackingPage_MoreViewsPerMinuteThanAllowed_Returns429FriendlyPage()
    {
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("Qr:TrackingRequestsPerMinutePerClient", "3"));
        var phone = QrClient.Phone(limited);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await phone.GetAsync($"/t/forged{i}", Ct)).StatusCode);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task TrackingPage_ATokenOfARatingLink_IsNotATrackingToken()
    {
        var ratingToken = await app.SignAsync(QrLink.Poster("W001"));

        var response = await QrClient.Phone(app).GetAsync($"/t/{ratingToken}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Rescan_SamePhoneWithinTheDeviceWindow_SaysRatedBeforeTheFormWithItsTrackingLink()
    {
        var token = await app.SignAsync(QrLink.Poster("W004"));
        var phone = QrClient.Phone(app);
        var (_, thanks) = await phone.RateAsync(token, ("rating", "4"), ("comment", Comment("不错")));

        var rescan = await phone.GetStringAsync($"/r/{token}", Ct);
        var otherPhone = await QrClient.Phone(app).GetStringAsync($"/r/{token}", Ct);

        Assert.Contains("您已评价过", rescan);
        Assert.DoesNotContain("提交评价", rescan);
        // The same rating's link; signed again, so its expiry (whole seconds) may differ when a second turned between them.
        var reference = TrackingKit.Reference(await phone.GetStringAsync(TrackingKit.TrackingPath(thanks), Ct));
        Assert.Matches(@"^\d{5} \d{5}$", reference);
        Assert.Equal(reference, TrackingKit.Reference(await phone.GetStringAsync(TrackingKit.TrackingPath(rescan), Ct)));
        Assert.Contains("提交评价", otherPhone);
    }

    [Fact]
    public async Task Receipt_FirstRating_ThanksLinksToTheSameTrackingPage()
    {
        var caseNumber = TestRatings.NewCaseNumber();
        var token = await app.SignAsync(QrLink.Receipt(caseNumber, "W001", "S002", "I001", DateTimeOffset.UtcNow.AddDays(30)));

        var html = await TrackingKit.RateAsync(app, token, ("rating", "2"), ("reasons", "209"));
        var page = await QrClient.Phone(app).GetStringAsync(TrackingKit.TrackingPath(html), Ct);

        Assert.Contains("处理进度", page);
        Assert.Contains(caseNumber, page);
        Assert.Contains("<li class=\"now\">已收到", page);
    }

    [Fact]
    public async Task RatingPage_ContactSection_OpenInTheMarkupAndExplainsTheFollowUp()
    {
        var html = await QrClient.Phone(app).GetStringAsync($"/r/{await app.SignAsync(QrLink.Poster("W001"))}", Ct);

        Assert.Contains("<details id=\"contact\" open", html);
        Assert.Contains("部门可以回访您", html);
        Assert.DoesNotContain("required", html[html.IndexOf("<details", StringComparison.Ordinal)..html.IndexOf("</details>", StringComparison.Ordinal)]);
    }
}
