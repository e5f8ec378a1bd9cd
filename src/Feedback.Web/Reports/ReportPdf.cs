using System.Globalization;
using Feedback.Web.Cases;
using Feedback.Web.Evaluations;
using Feedback.Web.Pages;
using SkiaSharp;

namespace Feedback.Web.Reports;

/// <summary>The weekly report as an A4 PDF: sections in the order of the issue, formulas in the appendix.</summary>
internal static class ReportPdf
{
    private static readonly IFormatProvider Invariant = CultureInfo.InvariantCulture;

    /// <returns>The number of pages.</returns>
    public static int Write(Stream output, WeeklyReport report, ReportFont font, IReadOnlyList<ReportChart> charts)
    {
        // Laid out twice, the first time into nothing, so that every footer can say how many pages there are.
        var pages = Write(Stream.Null, report, font, charts, totalPages: null);
        return Write(output, report, font, charts, pages);
    }

    private static int Write(Stream output, WeeklyReport report, ReportFont font, IReadOnlyList<ReportChart> charts, int? totalPages)
    {
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = $"{Title(report)} {report.Week}";
        metadata.Creation = report.GeneratedAt.UtcDateTime;
        metadata.Modified = report.GeneratedAt.UtcDateTime;
        using var document = SKDocument.CreatePdf(output, metadata);
        var chart = charts.ToDictionary(c => c.FileName, c => c.Plot);
        int pages;
        var footer = string.Format(Invariant, ReportLabels.Footer, report.Centre, Title(report), report.Week.Year, report.Week.Week);
        using (var pdf = new PdfPages(document, font.Typeface, footer, totalPages))
        {
            Sections(pdf, report, chart);
            pages = pdf.PageCount;
        }
        document.Close();
        return pages;
    }

    private static void Sections(PdfPages pdf, WeeklyReport report, Dictionary<string, ScottPlot.Plot> chart)
    {
        pdf.Title(report.Centre, Title(report), WeekTitle(report.Week) + (report.Unfinished ? ReportLabels.Unfinished : ""),
            string.Format(Invariant, ReportLabels.GeneratedAt, ReportWeek.Local(report.GeneratedAt)));
        Analysis(pdf, report);
        Kpis(pdf, report);
        pdf.Heading(ReportLabels.TrendHeading, 250);
        pdf.Chart(chart[ReportFiles.Trend]);
        pdf.Heading(ReportLabels.VolumeHeading, 250);
        pdf.Chart(chart[ReportFiles.Channels]);
        Departments(pdf, report, chart[ReportFiles.Departments]);
        Bottom(pdf, ReportLabels.BottomWindowsHeading, ReportLabels.Window, report.BottomWindows);
        Bottom(pdf, ReportLabels.BottomStaffHeading, ReportLabels.Staff, report.BottomStaff);
        Themes(pdf, report, chart[ReportFiles.Themes]);
        pdf.Heading(ReportLabels.FunnelHeading, 250);
        pdf.Chart(chart[ReportFiles.Funnel]);
        Overdue(pdf, report);
        Comments(pdf, report);
        Appendix(pdf);
    }

    /// <summary>The centre's report, or a department's.</summary>
    public static string Title(WeeklyReport report) =>
        report.Scope is { } scope ? string.Format(Invariant, ReportLabels.DepartmentReportTitle, scope.Name) : ReportLabels.Title;

    public static string WeekTitle(ReportWeek week) =>
        string.Format(Invariant, ReportLabels.WeekFormat, week.Year, week.Week, week.Monday.ToDateTime(TimeOnly.MinValue), week.Sunday.ToDateTime(TimeOnly.MinValue));

    /// <summary>Green for a change for the better, red for the worse.</summary>
    public static readonly SKColor Better = new(0x1a, 0x7f, 0x37), Worse = new(0xc6, 0x28, 0x28);

    public static SKColor? ChangeColour(int? judgement) => judgement switch { > 0 => Better, < 0 => Worse, _ => null };

    private static void Analysis(PdfPages pdf, WeeklyReport report)
    {
        pdf.Heading(ReportLabels.AnalysisHeading);
        if (report.Analysis.Count == 0)
            pdf.Paragraph(ReportLabels.AnalysisNone);
        for (var i = 0; i < report.Analysis.Count; i++)
            pdf.Paragraph($"{i + 1}. {report.Analysis[i]}");
    }

    private static void Kpis(PdfPages pdf, WeeklyReport report)
    {
        pdf.Heading(ReportLabels.KpiHeading);
        var kpis = Indicators.All.Select(i => (Indicator: i, Now: i.Compute(report.Current), Before: i.Compute(report.Previous))).ToList();
        pdf.Table([ReportLabels.Indicator, ReportLabels.ThisWeek, ReportLabels.LastWeek, ReportLabels.Change], [0.34f, 0.2f, 0.2f, 0.26f],
            kpis.Select(k => new[] { k.Indicator.Name, k.Indicator.Format(k.Now), k.Indicator.Format(k.Before), k.Indicator.FormatChange(k.Now, k.Before) }),
            (row, column) => column == 3 ? ChangeColour(kpis[row].Indicator.Judge(kpis[row].Now, kpis[row].Before)) : null);
        pdf.Paragraph(string.Format(Invariant, ReportLabels.SuspectedLine, report.Current.SuspectedBad));
    }

    private static void Departments(PdfPages pdf, WeeklyReport report, ScottPlot.Plot chart)
    {
        pdf.Heading(ReportLabels.DepartmentHeading, 250);
        pdf.Chart(chart);
        if (report.Scope is { } scope)
        {
            var rank = report.Departments.Select((d, i) => (d.Code, Rank: i + 1, d.Counts.Total)).FirstOrDefault(d => d.Code == scope.Code);
            pdf.Paragraph(rank.Code is null || rank.Total == 0
                ? string.Format(Invariant, ReportLabels.DepartmentUnranked, scope.Name)
                : string.Format(Invariant, ReportLabels.DepartmentRankLine, scope.Name, rank.Rank, report.Departments.Count));
        }
        if (report.Departments.Count == 0)
            return;
        pdf.Table([ReportLabels.Rank, ReportLabels.Department, Indicators.Total.Name, Indicators.GoodRate.Name, Indicators.Bad.Name, Indicators.RectifyRate.Name],
            [0.08f, 0.36f, 0.14f, 0.14f, 0.14f, 0.14f],
            report.Departments.Select((d, i) => new[] { $"{i + 1}", d.Name, Show(Indicators.Total, d.Counts), Show(Indicators.GoodRate, d.Counts), Show(Indicators.Bad, d.Counts), Show(Indicators.RectifyRate, d.Counts) }));
    }

    private static void Bottom(PdfPages pdf, string heading, string unit, IReadOnlyList<UnitFigures> units)
    {
        pdf.Heading(heading);
        if (units.Count == 0)
        {
            pdf.Paragraph(ReportLabels.NoData);
            return;
        }
        pdf.Table([ReportLabels.Rank, unit, ReportLabels.BelongsTo, Indicators.Total.Name, Indicators.GoodRate.Name, Indicators.Bad.Name, ReportLabels.Repeated],
            [0.07f, 0.27f, 0.24f, 0.1f, 0.11f, 0.09f, 0.12f],
            units.Select((u, i) => new[]
            {
                $"{i + 1}", u.Name, u.Parent, Show(Indicators.Total, u.Counts), Show(Indicators.GoodRate, u.Counts), Show(Indicators.Bad, u.Counts),
                u.AlsoLastWeek ? ReportLabels.RepeatedMark : "",
            }));
    }

    private static void Themes(PdfPages pdf, WeeklyReport report, ScottPlot.Plot chart)
    {
        pdf.Heading(ReportLabels.ThemesHeading, 250);
        pdf.Chart(chart);
        pdf.Heading(ReportLabels.TopThemesHeading);
        if (report.TopThemesByDepartment.Count == 0)
            pdf.Paragraph(ReportLabels.NoData);
        else
            pdf.Table([ReportLabels.Department, ReportLabels.Theme, ReportLabels.Count], [0.5f, 0.3f, 0.2f],
                report.TopThemesByDepartment.Select(t => new[] { t.Department, ReportLabels.ThemeName(t.Theme), $"{t.Count:N0}" }));
    }

    private static void Overdue(PdfPages pdf, WeeklyReport report)
    {
        pdf.Heading(ReportLabels.OverdueHeading);
        if (report.DepartmentsWithoutHead.Count > 0)
            pdf.Paragraph(string.Format(Invariant, ReportLabels.NoHeadLine, string.Join(ReportLabels.ListSeparator, report.DepartmentsWithoutHead)));
        if (report.Overdue.Count == 0)
        {
            pdf.Paragraph(ReportLabels.NoData);
            return;
        }
        pdf.Paragraph(string.Format(Invariant, ReportLabels.OverdueMore, report.Current.Overdue, report.Overdue.Count));
        pdf.Table([ReportLabels.CaseNumber, ReportLabels.Department, ReportLabels.Owners, ReportLabels.State, ReportLabels.OpenedAt, ReportLabels.DueAt],
            [0.1f, 0.24f, 0.2f, 0.14f, 0.16f, 0.16f],
            report.Overdue.Select(c => new[] { $"{c.CaseId}", c.Department, c.Owners.Length > 0 ? c.Owners : ReportLabels.NoHead, CaseStates.Label(c.State), Local(c.OpenedAt), Local(c.DueAt) }));
    }

    private static void Comments(PdfPages pdf, WeeklyReport report)
    {
        pdf.Heading(ReportLabels.CommentsHeading);
        if (report.Comments.Count == 0)
            pdf.Paragraph(ReportLabels.NoData);
        else
            pdf.Table([ReportLabels.Theme, ReportLabels.Department, ReportLabels.Rating, ReportLabels.Comment], [0.14f, 0.24f, 0.12f, 0.5f],
                report.Comments.Select(c => new[] { ReportLabels.ThemeName(c.Theme), c.Department, Ratings.Labels.GetValueOrDefault(c.Rating, $"{c.Rating}"), InvisibleText.Visible(c.Text)! }));
        Suspected(pdf, report);
    }

    private static void Suspected(PdfPages pdf, WeeklyReport report)
    {
        pdf.Heading(ReportLabels.SuspectedHeading);
        if (report.Suspected.Count == 0)
            pdf.Paragraph(ReportLabels.NoData);
        else
            pdf.Table([ReportLabels.Department, ReportLabels.Rating, ReportLabels.Confidence, ReportLabels.Comment], [0.24f, 0.12f, 0.12f, 0.52f],
                report.Suspected.Select(c => new[]
                {
                    c.Department, Ratings.Labels.GetValueOrDefault(c.Rating, $"{c.Rating}"),
                    c.Confidence is { } p ? string.Format(Invariant, "{0:F0}%", p * 100) : "-", InvisibleText.Visible(c.Text)!,
                }));
    }

    private static void Appendix(PdfPages pdf)
    {
        pdf.Heading(ReportLabels.AppendixHeading);
        pdf.Table([ReportLabels.Indicator, ReportLabels.Formula], [0.2f, 0.8f], Indicators.All.Select(i => new[] { i.Name, i.Formula }));
        foreach (var note in Indicators.Scope)
            pdf.Paragraph(note);
    }

    private static string Show(Indicator indicator, WeekCounts counts) => indicator.Format(indicator.Compute(counts));

    private static string Local(DateTimeOffset instant) => ReportWeek.Local(instant).ToString(ReportLabels.TimeFormat, Invariant);
}
