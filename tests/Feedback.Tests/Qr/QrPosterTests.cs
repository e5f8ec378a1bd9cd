using System.Net;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using UglyToad.PdfPig;

namespace Feedback.Tests.Qr;

/// <summary>Posters from the endpoint: a PDF whose Chinese text reads back, a PNG, and only for the quality office.</summary>
public sealed class QrPosterTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> SignedInAsync(string role, string? department = null)
    {
        var name = $"poster-{Guid.NewGuid():N}"[..20];
        await Browser.CreateUserAsync(app, name, role, department);
        return await Browser.SignedInAsync(app, name);
    }

    internal static string SaveArtifact(string name, byte[] bytes)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "posters");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task GetPosters_AllWindowsAsQualityOfficer_PdfWithOnePagePerWindowAndChineseText()
    {
        var officer = await SignedInAsync(Roles.QualityOfficer);

        var response = await officer.GetAsync("/api/qr/posters?format=pdf&size=a4", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        SaveArtifact("all-windows-a4.pdf", bytes);
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(40, pdf.NumberOfPages);
        var first = string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value));
        Assert.Contains("请您对本窗口的服务作出评价", first);
        Assert.Contains("人力资源和社会保障局", first);
        Assert.Contains("A01", first);
        Assert.Contains("政务服务中心", first);
        Assert.InRange(pdf.GetPage(1).Width, 590, 600); // A4 in points
    }

    [Fact]
    public async Task GetPosters_OneWindowAsPng_ReturnsPng()
    {
        var admin = await SignedInAsync(Roles.Admin);

        var response = await admin.GetAsync("/api/qr/posters?window=W006&format=png", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        SaveArtifact("W006.png", bytes);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length > 10_000);
    }

    [Fact]
    public async Task GetPosters_StaffMemberAtWindow_PdfNamesTheStaffMember()
    {
        var admin = await SignedInAsync(Roles.Admin);

        var response = await admin.GetAsync("/api/qr/posters?window=W001&staff=S001", Ct);
        var otherDepartment = await admin.GetAsync("/api/qr/posters?window=W001&staff=S100", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains("工作人员：", string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value)));
        Assert.Equal(HttpStatusCode.NotFound, otherDepartment.StatusCode);
    }

    [Fact]
    public async Task GetPosters_DepartmentOfficer_Returns403()
    {
        var officer = await SignedInAsync(Roles.DepartmentOfficer, "D01");

        var response = await officer.GetAsync("/api/qr/posters?window=W001", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GetPosters_UnknownWindow_Returns404()
    {
        var admin = await SignedInAsync(Roles.Admin);

        var response = await admin.GetAsync("/api/qr/posters?window=W999", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
