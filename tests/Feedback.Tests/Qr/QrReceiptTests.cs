using System.Net;
using System.Net.Http.Json;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Qr;

namespace Feedback.Tests.Qr;

/// <summary>Receipt links: one first rating and one follow-up per 办件, minted by the 办件 system over the API.</summary>
public sealed class QrReceiptTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> ReceiptTokenAsync(string caseNumber)
    {
        var response = await app.Ingest.PostAsJsonAsync("/api/qr/receipt-links",
            new { caseNumber, windowCode = "W001", staffCode = "S002", serviceItemCode = "I001" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = await response.Content.ReadFromJsonAsync<ReceiptLinkResponse>(Ct);
        Assert.StartsWith("http://127.0.0.1:5080/r/", link!.Url);
        Assert.InRange(link.ExpiresAt, DateTimeOffset.UtcNow.AddDays(29), DateTimeOffset.UtcNow.AddDays(31));
        return link.Token;
    }

    [Fact]
    public async Task Receipt_FirstThenFollowUpThenThird_StoresOneAndTwoThenSaysAlreadyRated()
    {
        var caseNumber = TestRatings.NewCaseNumber();
        var token = await ReceiptTokenAsync(caseNumber);

        var (first, firstHtml) = await QrClient.Phone(app).RateAsync(token, ("rating", "2"), ("reasons", "209"));
        var followUpPage = await QrClient.Phone(app).GetStringAsync($"/r/{token}", Ct);
        var (followUp, _) = await QrClient.Phone(app).RateAsync(token, ("rating", "4"), ("comment", "后来办好了"));
        var third = await QrClient.Phone(app).GetAsync($"/r/{token}", Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("办件编号：" + caseNumber, firstHtml);
        Assert.Contains("本次为追评", followUpPage);
        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Contains("该办件已评价", await third.Content.ReadAsStringAsync(Ct));
        var stored = await app.StoredAsync(caseNumber: caseNumber);
        Assert.Equal([(2, (short)1, "S002"), (4, (short)2, "S002")], stored.Select(s => ((int)s.Rating, s.Assess, s.Staff)));
    }

    [Fact]
    public async Task Receipt_SameFormPostedTwice_SecondIsNotTakenAsFollowUp()
    {
        var caseNumber = TestRatings.NewCaseNumber();
        var token = await ReceiptTokenAsync(caseNumber);
        var phone = QrClient.Phone(app);
        var page = await phone.GetStringAsync($"/r/{token}", Ct);

        var (first, _) = await phone.PostFormAsync(token, QrClient.FormToken(page), QrClient.Assess(page), ("rating", "5"));
        var (again, html) = await phone.PostFormAsync(token, QrClient.FormToken(page), QrClient.Assess(page), ("rating", "5"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], [first.StatusCode, again.StatusCode]);
        Assert.Contains("该办件已有评价", html);
        Assert.Single(await app.StoredAsync(caseNumber: caseNumber));
    }

    [Fact]
    public async Task ReceiptLink_StaffOfAnotherDepartment_Returns400()
    {
        var response = await app.Ingest.PostAsJsonAsync("/api/qr/receipt-links", new { caseNumber = "X1", windowCode = "W001", staffCode = "S100" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ReceiptLink_ReadOnlyKey_Returns403()
    {
        var response = await app.Reader.PostAsJsonAsync("/api/qr/receipt-links", new { caseNumber = "X2", windowCode = "W001" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
