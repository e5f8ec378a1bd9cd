using System.Net;
using Feedback.Web.Accounts;
using Feedback.Web.Cases.Attachments;
using static Feedback.Tests.Cases.CasePageKit;

namespace Feedback.Tests.Cases;

/// <summary>Evidence on the case page: real files stored with thumbnails, everything else refused with nothing stored, served only to those who see the case.</summary>
public sealed class CaseEvidenceTests(CasesApp app) : IClassFixture<CasesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_RealPngJpegAndPdf_AreStoredWithAThumbnailForEachImage()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.PersonAsync(Roles.DepartmentOfficer, "D01");
        var png = EvidenceSamples.Png(800, 600);
        var jpeg = EvidenceSamples.Jpeg(900, 1200);

        var responses = new[]
        {
            await officer.Browser.UploadAsync(id, "现场照片.png", png, "image/png"),
            await officer.Browser.UploadAsync(id, @"C:\Users\li\Desktop\整改后.JPG", jpeg, "image/jpeg"),
            await officer.Browser.UploadAsync(id, "整改报告.pdf", EvidenceSamples.Pdf(), "application/pdf"),
        };
        var stored = await StoredAsync(id);
        var page = await officer.Browser.PageAsync(id);

        Assert.All(responses, r => AssertRedirect(r, $"/cases/{id}?done=upload#evidence"));
        Assert.Equal(
            [("现场照片.png", "image/png", png.Length), ("整改后.JPG", "image/jpeg", jpeg.Length), ("整改报告.pdf", "application/pdf", EvidenceSamples.Pdf().Length)],
            stored.Select(s => (s.Name, s.Type, s.Size)));
        Assert.Equal((320, 240), EvidenceSamples.SizeOf(stored[0].Thumbnail!));
        Assert.Equal((240, 320), EvidenceSamples.SizeOf(stored[1].Thumbnail!));
        Assert.All(stored.Take(2), s => Assert.Equal([0xFF, 0xD8, 0xFF], s.Thumbnail![..3]));
        Assert.Null(stored[2].Thumbnail);
        Assert.Equal(["open", "attach", "attach", "attach"], await app.EventActionsAsync(id));
        Assert.Contains($"src=\"/cases/{id}/attachments/{stored[0].Id}/thumbnail\"", page);
        Assert.Contains("整改报告.pdf", page);
        Assert.Contains("上传整改佐证", page);
        Assert.Contains("3 / 10", page);
    }

    [Fact]
    public async Task Upload_TypeComesFromTheBytes_NotTheNameOrTheDeclaredType()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.PersonAsync(Roles.DepartmentOfficer, "D01");

        var response = await officer.Browser.UploadAsync(id, "扫描件.pdf", EvidenceSamples.Png(), "application/pdf");

        AssertRedirect(response, $"/cases/{id}?done=upload#evidence");
        var stored = Assert.Single(await StoredAsync(id));
        Assert.Equal(("扫描件.png", "image/png"), (stored.Name, stored.Type));
        Assert.NotNull(stored.Thumbnail);
    }

    [Theory]
    [InlineData("evil.png", "mz", "image/png", "只能上传 JPEG、PNG 图片或 PDF 文件")]
    [InlineData("evil.png", "elf", "image/png", "只能上传 JPEG、PNG 图片或 PDF 文件")]
    [InlineData("report.pdf", "elf", "application/pdf", "只能上传 JPEG、PNG 图片或 PDF 文件")]
    [InlineData("photo.png", "broken-png", "image/png", "图片无法打开")]
    public async Task Upload_NotReallyAnImageOrPdf_IsRefusedWithNothingStored(string name, string kind, string declared, string message)
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.PersonAsync(Roles.DepartmentOfficer, "D01");
        var bytes = kind switch { "mz" => EvidenceSamples.WindowsExecutable(), "elf" => EvidenceSamples.LinuxExecutable(), _ => EvidenceSamples.BrokenPng() };

        var response = await officer.Browser.UploadAsync(id, name, bytes, declared);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(message, page);
        Assert.Contains($"工单 #{id}", page);
        await AssertNothingStoredAsync(id);
    }

    [Fact]
    public async Task Upload_ElevenMegabytes_IsRefusedWith413AndNothingStored()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.PersonAsync(Roles.DepartmentOfficer, "D01");
        byte[] big = [.. EvidenceSamples.Pdf(), .. new byte[11 * 1024 * 1024]];

        var response = await officer.Browser.UploadAsync(id, "大文件.pdf", big, "application/pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("文件超过 10 MB，未保存。", await response.Content.ReadAsStringAsync(Ct));
        await AssertNothingStoredAsync(id);
    }

    [Fact]
    public async Task Upload_TheEleventhFile_IsRefusedAndTheFormGoes()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.PersonAsync(Roles.DepartmentOfficer, "D01");
        for (var i = 1; i <= Evidence.MaxPerCase; i++)
        {
            AssertRedirect(await officer.Browser.UploadAsync(id, $"第{i}页.pdf", EvidenceSamples.Pdf(), "application/pdf"), $"/cases/{id}?done=upload#evidence");
        }

        var eleventh = await officer.Browser.UploadAsync(id, "第11页.pdf", EvidenceSamples.Pdf(), "application/pdf");
        var page = await officer.Browser.PageAsync(id);

        Assert.Equal(HttpStatusCode.Conflict, eleventh.StatusCode);
        Assert.Contains("每个工单最多 10 个佐证文件，已达上限，未保存。", await eleventh.Content.ReadAsStringAsync(Ct));
        Assert.Equal(10, (await StoredAsync(id)).Count);
        Assert.Equal(10, (await app.EventActionsAsync(id)).Count(a => a == Evidence.AttachAction));
        Assert.DoesNotContain("multipart/form-data", page);
        Assert.Contains("已达 10 个上限", page);
    }

    [Fact]
    public async Task Upload_ManyAtOnceForTheLastPlaces_NeverExceedsTen()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.PersonAsync(Roles.DepartmentOfficer, "D01");
        for (var i = 1; i <= Evidence.MaxPerCase - 2; i++)
        {
            await officer.Browser.UploadAsync(id, $"第{i}页.pdf", EvidenceSamples.Pdf(), "application/pdf");
        }

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => officer.Browser.UploadAsync(id, $"同时{i}.pdf", EvidenceSamples.Pdf(), "application/pdf")));

        Assert.Equal(10, (await StoredAsync(id)).Count);
    }

    [Fact]
    public async Task Upload_WithoutTheFormToken_Returns400AndStoresNothing()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.PersonAsync(Roles.DepartmentOfficer, "D01");

        var response = await officer.Browser.UploadAsync(id, "照片.png", EvidenceSamples.Png(), "image/png", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingStoredAsync(id);
    }

    [Fact]
    public async Task Download_IsAnAttachmentThatBrowsersMayNotSniff_AndTheThumbnailIsInline()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.PersonAsync(Roles.DepartmentOfficer, "D01");
        var png = EvidenceSamples.Png();
        await officer.Browser.UploadAsync(id, "整改照片 1.png", png, "image/png");
        var stored = Assert.Single(await StoredAsync(id));

        using var file = await officer.Browser.GetAsync($"/cases/{id}/attachments/{stored.Id}", Ct);
        using var thumbnail = await officer.Browser.GetAsync($"/cases/{id}/attachments/{stored.Id}/thumbnail", Ct);

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/png", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["nosniff"], file.Headers.GetValues("X-Content-Type-Options"));
        var disposition = file.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("整改照片 1.png", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''%E6%95%B4%E6%94%B9%E7%85%A7%E7%89%87%201.png", file.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal(png, await file.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["nosniff"], thumbnail.Headers.GetValues("X-Content-Type-Options"));
        Assert.Null(thumbnail.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task AnotherDepartmentsOfficer_Gets404ForTheCaseItsFilesAndThumbnails()
    {
        var id = await app.OpenCaseAsync();
        var otherCase = await app.OpenCaseAsync();
        using var officer = await app.PersonAsync(Roles.DepartmentOfficer, "D01");
        using var stranger = await app.PersonAsync(Roles.DepartmentOfficer, "D02");
        await officer.Browser.UploadAsync(id, "照片.png", EvidenceSamples.Png(), "image/png");
        var stored = Assert.Single(await StoredAsync(id));

        string[] paths = [$"/cases/{id}", $"/cases/{id}/print", $"/cases/{id}?print=true", $"/cases/{id}/attachments/{stored.Id}", $"/cases/{id}/attachments/{stored.Id}/thumbnail"];
        var statuses = new List<HttpStatusCode>();
        foreach (var path in paths)
        {
            using var response = await stranger.Browser.GetAsync(path, Ct);
            statuses.Add(response.StatusCode);
        }
        var upload = await stranger.Browser.UploadWithTokenFromAsync("/inbox", id, EvidenceSamples.Pdf());
        using var wrongCase = await officer.Browser.GetAsync($"/cases/{otherCase}/attachments/{stored.Id}", Ct);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongCase.StatusCode);
        Assert.Single(await StoredAsync(id));
    }

    private async Task AssertNothingStoredAsync(long id)
    {
        Assert.Empty(await StoredAsync(id));
        Assert.DoesNotContain(Evidence.AttachAction, await app.EventActionsAsync(id));
    }

    private Task<List<StoredEvidence>> StoredAsync(long caseId) => app.QueryAsync(
        "SELECT id, file_name, content_type, size, thumbnail FROM case_attachments WHERE case_id = $1 ORDER BY id",
        r => new StoredEvidence(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetFieldValue<byte[]>(4)), caseId);

    private sealed record StoredEvidence(long Id, string Name, string Type, int Size, byte[]? Thumbnail);
}
