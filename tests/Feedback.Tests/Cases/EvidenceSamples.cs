using System.Net.Http.Headers;
using Feedback.Tests.Accounts;
using SkiaSharp;

namespace Feedback.Tests.Cases;

/// <summary>Real files to upload as evidence, made here: images drawn with SkiaSharp, a small valid PDF.</summary>
public static class EvidenceSamples
{
    public static byte[] Png(int width = 800, int height = 600) => Draw(width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width = 1200, int height = 900) => Draw(width, height, SKEncodedImageFormat.Jpeg);

    /// <summary>A one-page PDF with its cross-reference table.</summary>
    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    /// <summary>A Windows executable's first bytes (MZ) followed by filler.</summary>
    public static byte[] WindowsExecutable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. new byte[1024]];

    /// <summary>A Linux executable's first bytes (\x7fELF).</summary>
    public static byte[] LinuxExecutable() => [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, .. new byte[1024]];

    /// <summary>A PNG signature and then nothing a decoder can read.</summary>
    public static byte[] BrokenPng() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Repeat((byte)0x42, 2048)];

    /// <summary>The decoded size of an image (a thumbnail, say).</summary>
    public static (int Width, int Height) SizeOf(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image);
        return (bitmap.Width, bitmap.Height);
    }

    /// <summary>Posts the upload form of the case page, with its token, the file declared as <paramref name="declaredType"/>.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient browser, long caseId, string fileName, byte[] content, string declaredType, bool withToken = true)
    {
        using var form = new MultipartFormDataContent();
        if (withToken)
            form.Add(new StringContent(await browser.FormTokenAsync($"/cases/{caseId}")), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        form.Add(file, "file", fileName);
        return await browser.PostAsync($"/cases/{caseId}/attachments", form, TestContext.Current.CancellationToken);
    }

    /// <summary>An upload by someone who cannot open the case page: the form token comes from another page.</summary>
    public static async Task<HttpResponseMessage> UploadWithTokenFromAsync(this HttpClient browser, string tokenPage, long caseId, byte[] content)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await browser.FormTokenAsync(tokenPage)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", "a.pdf" },
        };
        return await browser.PostAsync($"/cases/{caseId}/attachments", form, TestContext.Current.CancellationToken);
    }

    private static byte[] Draw(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }
}
