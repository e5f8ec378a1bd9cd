using Feedback.Tests.Ml;
using Feedback.Web.Reports;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Feedback.Tests.Reports;

/// <summary>The rendered files: a searchable, small PDF with the figures and headings, PNGs of the stated sizes.</summary>
public sealed class ReportRenderingTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private static readonly ReportWeek Week = ReportFixture.Week;

    [Fact]
    public async Task Render_GeneratedWeek_PdfTextHasHeadingsFiguresAndFormulas()
    {
        var rendered = await fixture.RenderAsync(Week);
        SaveArtifact(rendered);

        var text = PdfText(Path.Combine(rendered.Directory, ReportRenderer.PdfName));
        foreach (var heading in new[] { "政务服务好差评周报", "一、核心指标", "二、近12周好评率趋势", "四、部门排名（按好评率）", "五、好评率后十名窗口",
                     "七、差评主题分布（本周与上周）", "八、差评整改漏斗", "九、超期工单及责任人", "十、典型差评摘录（已脱敏）", "附录：指标定义", "第1页" })
            Assert.Contains(heading, text);
        var expected = fixture.Expected.Week(Week);
        var previous = fixture.Expected.Week(Week.Previous);
        foreach (var indicator in Indicators.All)
        {
            var (now, before) = (indicator.Compute(expected), indicator.Compute(previous));
            Assert.Contains(Squeeze(indicator.Name + indicator.Format(now) + indicator.Format(before) + indicator.FormatChange(now, before)), text);
            Assert.Contains(Squeeze(indicator.Name + indicator.Formula), text);
        }
        Assert.Contains($"第1页/共{rendered.PageCount}页", text);
        Assert.Contains($"第{rendered.PageCount}页/共{rendered.PageCount}页", text);
        Assert.Contains(ReportLabels.Repeated, text);
        Assert.Contains(ReportLabels.RepeatedMark, text);
        Assert.Contains("A主任、B主任", text);
        Assert.Contains("138****5678", text);
        Assert.DoesNotContain(ReportRows.Phone, text);
        Assert.DoesNotContain(ReportRows.IdNumber, text);
    }

    [Fact]
    public async Task Render_GeneratedWeek_PdfIsUnderOneMegabyteWithVectorChartsAndOnlyUsedGlyphs()
    {
        var rendered = await fixture.RenderAsync(Week);

        var pdf = rendered.Files.Single(f => f.Name == ReportRenderer.PdfName);
        Assert.InRange(pdf.Bytes, 10_000, 1_000_000);
        Assert.InRange(rendered.GlyphCount, 100, 2000);
        Assert.InRange(rendered.PageCount, 4, 12);
        Assert.StartsWith("%PDF-", File.ReadAllText(Path.Combine(rendered.Directory, ReportRenderer.PdfName))[..5]);
        // Charts are drawn as vectors: no page holds a bitmap.
        using var document = PdfDocument.Open(Path.Combine(rendered.Directory, ReportRenderer.PdfName));
        Assert.Empty(document.GetPages().SelectMany(p => p.GetImages()));
    }

    [Fact]
    public async Task Render_GeneratedWeek_PngsDecodeWithTheirSizes()
    {
        var rendered = await fixture.RenderAsync(Week);

        Assert.Equal(ReportsApi.FileNames.Order(StringComparer.Ordinal), rendered.Files.Select(f => f.Name));
        foreach (var png in rendered.Files.Where(f => f.Name.EndsWith(".png", StringComparison.Ordinal)))
        {
            using var bitmap = SKBitmap.Decode(Path.Combine(rendered.Directory, png.Name));
            var size = png.Name == ReportRenderer.SummaryName ? (SummaryImage.Width, SummaryImage.Height) : (ReportChart.Width, ReportChart.Height);
            Assert.Equal(size, (bitmap.Width, bitmap.Height));
        }
    }

    [Fact]
    public async Task Render_EmptyWeek_SaysNoDataInsteadOfNumbers()
    {
        var rendered = await fixture.RenderAsync(new ReportWeek(2025, 1));

        var text = PdfText(Path.Combine(rendered.Directory, ReportRenderer.PdfName));
        Assert.Contains("暂无数据", text);
        Assert.Contains("好评率——", text);
        Assert.Contains("评价总量000", text);
        Assert.Equal(7, rendered.Files.Count);
    }

    [Fact]
    public async Task Render_OneEvaluationWeek_Renders()
    {
        var week = Week.Previous.Previous.Previous;
        await using var connection = new Npgsql.NpgsqlConnection(fixture.App.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var insert = new Npgsql.NpgsqlCommand("""
            INSERT INTO evaluations (evaluated_at, received_at, channel, rating, is_default, assess_number, department_code, anonymous, comment)
            VALUES (@at, @at, 'qr', 1, false, 1, 'D05', false, '等了很久没人管')
            """, connection);
        insert.Parameters.AddWithValue("at", week.Start.AddDays(2).ToUniversalTime());
        await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);

        var rendered = await fixture.RenderAsync(week);

        var text = PdfText(Path.Combine(rendered.Directory, ReportRenderer.PdfName));
        Assert.Contains("评价总量10+1", text);
        Assert.Contains("差评数10+1", text);
        Assert.Contains("等了很久没人管", text);
    }

    private static string PdfText(string path)
    {
        using var document = PdfDocument.Open(path);
        return Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    // PdfPig joins the words of a page without the spaces between them; compare without spaces.
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static void SaveArtifact(RenderedReport rendered)
    {
        var target = RepositoryFiles.Path(Path.Combine("artifacts", "reports", rendered.Week.ToString()));
        Directory.CreateDirectory(target);
        foreach (var file in rendered.Files)
            File.Copy(Path.Combine(rendered.Directory, file.Name), Path.Combine(target, file.Name), overwrite: true);
        TestContext.Current.AddAttachment("report.pdf", File.ReadAllBytes(Path.Combine(rendered.Directory, ReportRenderer.PdfName)), "application/pdf");
    }
}
