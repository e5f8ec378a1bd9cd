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
        Assert.Contains("未设负责人的部门", text);
        Assert.Contains("民政局", text);
        Assert.DoesNotContain("未指定", text);
        Assert.Contains(Squeeze(ReportLabels.Centre), text);
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
        Assert.Contains(ReportLabels.AnalysisNone, text);
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

    [Fact]
    public async Task Render_GeneratedWeek_AnalysisSentencesArePrintedAndFollowTheRulesOnTheRawRows()
    {
        var rendered = await fixture.RenderAsync(Week);

        var text = PdfText(Path.Combine(rendered.Directory, ReportRenderer.PdfName));
        var expected = ExpectedAnalysis(rendered.Report);
        Assert.InRange(expected.Count, 2, ReportAnalysis.MaxSentences);
        Assert.Equal(expected, rendered.Report.Analysis);
        Assert.Contains(ReportLabels.AnalysisHeading, text);
        Assert.All(expected, sentence => Assert.Contains(Squeeze(sentence), text));
        // The sentences stand on the first page, before the KPI table.
        Assert.True(text.IndexOf(Squeeze(expected[0]), StringComparison.Ordinal) < text.IndexOf(ReportLabels.KpiHeading, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_FinishedWeek_AnnouncesItToLeadersQualityOfficeAndEachDepartmentsHeadsAndOfficersOnce()
    {
        await fixture.RenderAsync(Week);
        var first = await NoticesAsync();
        await fixture.RenderAsync(Week);

        Assert.Equal(first, await NoticesAsync());
        Assert.Contains(("inbox:leader", ReportNotices.CentreKind), first.Select(n => (n.Target, n.Kind)));
        Assert.Contains(("inbox:quality_officer", ReportNotices.CentreKind), first.Select(n => (n.Target, n.Kind)));
        Assert.Equal(8, first.Count(n => n.Target.StartsWith("inbox:department_head:", StringComparison.Ordinal)));
        Assert.Equal(8, first.Count(n => n.Target.StartsWith("inbox:department_officer:", StringComparison.Ordinal) && n.Kind == ReportNotices.DepartmentKind));
        Assert.Equal(first.Single(n => n.Target == "inbox:department_head:D03").Body, first.Single(n => n.Target == "inbox:department_officer:D03").Body);
        var expected = fixture.Expected.Week(Week);
        var centre = first.First(n => n.Target == "inbox:leader");
        Assert.Contains($"好评率 {Indicators.GoodRate.Format(Indicators.GoodRate.Compute(expected))}", centre.Body);
        Assert.Contains($"差评数 {Indicators.Bad.Format(expected.Bad)}", centre.Body);
        var d01 = first.Single(n => n.Target == "inbox:department_head:D01");
        Assert.Contains($"好评率 {Indicators.GoodRate.Format(Indicators.GoodRate.Compute(fixture.Expected.Week(Week, "D01")))}", d01.Body);
    }

    [Fact]
    public async Task Render_WeekStillRunning_IsMarkedUnfinishedAndAnnouncedToNobody()
    {
        var current = ReportWeek.Containing(DateTimeOffset.UtcNow);

        var rendered = await fixture.RenderAsync(current);

        Assert.True(rendered.Report.Unfinished);
        Assert.Contains(Squeeze(ReportLabels.Unfinished), PdfText(Path.Combine(rendered.Directory, ReportRenderer.PdfName)));
        Assert.Empty(await NoticesAsync(current));
    }

    [Fact]
    public void Analysis_NothingNotable_HasNoSentence()
    {
        var counts = new WeekCounts { Total = 500, Good = 480, Bad = 10 };
        var report = new WeeklyReport(Week, DateTimeOffset.UtcNow, counts, counts, [], [], [], [], [], [new ThemeCount("queue", 4, 3)], [], [], [], []);

        Assert.Empty(ReportAnalysis.Sentences(report, new ReportOptions()));
    }

    [Fact]
    public void Analysis_EveryRuleFires_StopsAtSixSentences()
    {
        var before = new WeekCounts { Total = 1000, Good = 980, Bad = 10, Overdue = 1 };
        var now = new WeekCounts { Total = 500, Good = 400, Bad = 90, Overdue = 4 };
        var low = new UnitFigures("D09", "测试局", "", now);
        var window = new UnitFigures("W1", "1号窗口", "测试局", now) { AlsoLastWeek = true };
        var report = new WeeklyReport(Week, DateTimeOffset.UtcNow, now, before, [], [], [low], [window], [], [new ThemeCount("queue", 30, 3)], [], [], [], []);

        var sentences = ReportAnalysis.Sentences(report, new ReportOptions());

        Assert.Equal(ReportAnalysis.MaxSentences, sentences.Count);
        Assert.StartsWith("好评率较上周下降 18.0 个百分点（98.0% → 80.0%）", sentences[0]);
        Assert.Contains("测试局最多（4 件，责任人：未设负责人）", sentences[3]);
    }

    /// <summary>The rules of ReportAnalysis applied to figures recomputed from the raw rows (names from the report).</summary>
    private List<string> ExpectedAnalysis(WeeklyReport report)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var options = new ReportOptions();
        var (now, before) = (fixture.Expected.Week(Week), fixture.Expected.Week(Week.Previous));
        var sentences = new List<string?>();
        Indicator[] rates = [Indicators.GoodRate, Indicators.BadRate, Indicators.UnratedRate, Indicators.RectifyRate, Indicators.OnTimeRate, Indicators.FollowUpSatisfaction];
        var largest = rates.Select(i => (i, Points: Math.Round((i.Compute(now)!.Value - i.Compute(before)!.Value) * 100, 1))).MaxBy(r => Math.Abs(r.Points));
        sentences.Add(Math.Abs(largest.Points) < options.AnalysisRateChangePoints ? null : string.Format(invariant, ReportLabels.AnalysisRateChange, largest.i.Name,
            largest.Points > 0 ? ReportLabels.Rose : ReportLabels.Fell, Math.Abs(largest.Points), largest.i.Format(largest.i.Compute(before)), largest.i.Format(largest.i.Compute(now))));
        var badChange = now.Bad - before.Bad;
        sentences.Add(Math.Abs(badChange) >= 5 && Math.Abs(badChange) >= 0.3 * before.Bad
            ? string.Format(invariant, ReportLabels.AnalysisBadChange, badChange > 0 ? ReportLabels.Increased : ReportLabels.Decreased, Math.Abs(badChange), before.Bad, now.Bad) : null);
        var names = report.Departments.ToDictionary(d => d.Code, d => d.Name);
        var departments = names.Keys.Select(code => (Code: code, Counts: fixture.Expected.Week(Week, code))).ToList();
        var low = departments.Where(d => d.Counts.Total >= options.RankingMinimumRatings && (double)d.Counts.Good / d.Counts.Total < options.AttentionGoodRate)
            .OrderBy(d => (double)d.Counts.Good / d.Counts.Total).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        sentences.Add(low.Count == 0 ? null : string.Format(invariant, ReportLabels.AnalysisLowDepartments, 90, low.Count,
            string.Join("、", low.Take(3).Select(d => $"{names[d.Code]}（{Indicators.GoodRate.Format((double)d.Counts.Good / d.Counts.Total)}）")) + (low.Count > 3 ? "等" : "")));
        var overdue = fixture.Expected.Overdue(Week).GroupBy(c => c.Department).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault();
        var heads = new Dictionary<string, string> { ["D01"] = "A主任、B主任", ["D02"] = "C主任" };
        sentences.Add(overdue is null ? null : string.Format(invariant, ReportLabels.AnalysisOverdue, now.Overdue, names[overdue.Key], overdue.Count(),
            heads.GetValueOrDefault(overdue.Key, ReportLabels.NoHead)));
        var windowNames = report.BottomWindows.ToDictionary(u => u.Code, u => u.Name);
        var staffNames = report.BottomStaff.ToDictionary(u => u.Code, u => u.Name);
        var windows = fixture.Expected.RepeatedBottom(Week, e => e.Window, options.RankingMinimumRatings).Where(u => u.AlsoLastWeek).Select(u => windowNames[u.Code]).ToList();
        var staff = fixture.Expected.RepeatedBottom(Week, e => e.Staff, options.RankingMinimumRatings).Where(u => u.AlsoLastWeek).Select(u => staffNames[u.Code]).ToList();
        string List(List<string> n) => string.Join("、", n.Take(3)) + (n.Count > 3 ? "等" : "");
        var parts = new[] { windows.Count > 0 ? $"窗口 {List(windows)}" : null, staff.Count > 0 ? $"工作人员 {List(staff)}" : null }.OfType<string>().ToList();
        sentences.Add(parts.Count == 0 ? null : string.Format(invariant, ReportLabels.AnalysisRepeated, string.Join("；", parts)));
        var (themesNow, themesBefore) = (fixture.Expected.BadThemes(Week), fixture.Expected.BadThemes(Week.Previous));
        var rising = themesNow.Select(t => (Theme: t.Key, Now: t.Value, Before: themesBefore.GetValueOrDefault(t.Key)))
            .Where(t => t.Now - t.Before >= 3 && t.Now >= 1.5 * t.Before).OrderByDescending(t => t.Now - t.Before).ThenBy(t => t.Theme, StringComparer.Ordinal).ToList();
        sentences.Add(rising.Count == 0 ? null : string.Format(invariant, ReportLabels.AnalysisRisingTheme, ReportLabels.ThemeName(rising[0].Theme), rising[0].Now, rising[0].Before));
        sentences.Add(Math.Abs(now.Total - before.Total) >= 0.2 * before.Total
            ? string.Format(invariant, ReportLabels.AnalysisVolumeChange, now.Total > before.Total ? ReportLabels.Increased : ReportLabels.Decreased,
                Math.Round(Math.Abs(now.Total - before.Total) * 100.0 / before.Total), before.Total, now.Total) : null);
        return [.. sentences.OfType<string>().Take(ReportAnalysis.MaxSentences)];
    }

    private async Task<List<(string Target, string Kind, string Body)>> NoticesAsync(ReportWeek? week = null)
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.App.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var select = new Npgsql.NpgsqlCommand("SELECT target, kind, body FROM notifications WHERE event_key = $1 ORDER BY target", connection)
        {
            Parameters = { new() { Value = ReportNotices.EventKey(week ?? Week) } },
        };
        await using var reader = await select.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<(string, string, string)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return rows;
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
