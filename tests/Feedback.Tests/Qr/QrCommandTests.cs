using Feedback.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Feedback.Tests.Qr;

/// <summary>`qr` run as the real program against a database with the demo organisation.</summary>
public sealed class QrCommandTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Qr_AllWindows_WritesA5PdfWithOnePagePerWindowAndProgress()
    {
        var output = Path.Combine(Path.GetTempPath(), $"qr-{Guid.NewGuid():N}.pdf");
        try
        {
            var result = await WebProcess.RunToolAsync(app.ConnectionString, ["qr", "--all", "--out", output, "--base-url", "https://pj.example.gov.cn"], Ct);

            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Contains("posters: 100", result.Error);
            using var pdf = PdfDocument.Open(output);
            Assert.Equal(40, pdf.NumberOfPages);
            Assert.InRange(pdf.GetPage(40).Width, 415, 425); // A5 in points
            Assert.Contains("民政局", string.Concat(pdf.GetPage(40).Letters.Select(l => l.Value)));
            QrPosterTests.SaveArtifact("cli-all-a5.pdf", await File.ReadAllBytesAsync(output, Ct));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Theory]
    [InlineData("--all", "png")]
    [InlineData("--window", "doc")]
    public async Task Qr_BadArguments_ExitCode2WithMessage(string selector, string extension)
    {
        string[] arguments = selector == "--all" ? ["qr", "--all", "--out", $"x.{extension}"] : ["qr", "--window", "W001", "--out", $"x.{extension}"];

        var result = await WebProcess.RunToolAsync(app.ConnectionString, arguments, Ct);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
    }
}
