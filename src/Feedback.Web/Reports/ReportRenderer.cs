using System.Diagnostics;
using ScottPlot;

namespace Feedback.Web.Reports;

public sealed record ReportFile(string Name, long Bytes);

/// <summary>A rendered week: where its files are and how long the SQL and the drawing took.</summary>
public sealed record RenderedReport(ReportWeek Week, string Directory, IReadOnlyList<ReportFile> Files, int PageCount, int GlyphCount,
    WeeklyReport Report, TimeSpan QueryTime, TimeSpan RenderTime);

/// <summary>
/// Renders one week into {root}/{yyyy}-W{ww}/: report.pdf, a PNG per chart and summary.png. Files are written to a
/// temporary folder first and moved into place one by one, so a reader sees either the old file or the new one.
/// </summary>
internal sealed class ReportRenderer(WeeklyFigures figures, ReportFonts fonts, Microsoft.Extensions.Options.IOptions<Qr.QrOptions> qr)
{
    public const string PdfName = ReportFiles.Pdf, SummaryName = ReportFiles.Summary;

    /// <param name="department">A department's report, into {root}/{yyyy}-W{ww}/departments/{code}/, ranked in the <paramref name="centre"/>'s report.</param>
    public async Task<RenderedReport> RenderAsync(ReportWeek week, string root, DateTimeOffset generatedAt, IProgress<string>? progress, CancellationToken ct,
        string? department = null, WeeklyReport? centre = null)
    {
        var clock = Stopwatch.StartNew();
        progress?.Report(department is null ? "querying" : $"querying {department}");
        var report = await figures.ReadAsync(week, generatedAt, ct, department, centre) with { Centre = qr.Value.CentreName };
        var queryTime = clock.Elapsed;

        progress?.Report(department is null ? "drawing" : $"drawing {department}");
        var font = fonts.For(ReportLabels.All().Concat(report.Texts()));
        var target = Path.GetFullPath(department is null ? Path.Combine(root, week.ToString()) : DepartmentDirectory(root, week, department));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var staging = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var pages = Draw(report, font, staging);
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(staging))
                File.Move(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
            var files = Directory.GetFiles(target).Select(f => new ReportFile(Path.GetFileName(f), new FileInfo(f).Length))
                .OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            return new RenderedReport(week, target, files, pages, font.GlyphCount, report, queryTime, clock.Elapsed - queryTime);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// Every department's report of the week of <paramref name="centre"/>, cut from its rows (no SQL): drawn two at a
    /// time, since laying out a PDF runs on one core and the PNGs of one report seldom fill two.
    /// </summary>
    public Task RenderDepartmentsAsync(WeeklyReport centre, IEnumerable<string> departments, string root, DateTimeOffset generatedAt,
        IProgress<string>? progress, CancellationToken ct) =>
        Parallel.ForEachAsync(departments, new ParallelOptions { MaxDegreeOfParallelism = DepartmentsAtOnce, CancellationToken = ct },
            async (department, token) => await RenderAsync(centre.Week, root, generatedAt, progress, token, department, centre));

    private const int DepartmentsAtOnce = 2;

    /// <summary>Where a department's report of a week goes: {root}/{yyyy}-W{ww}/departments/{code}.</summary>
    public static string DepartmentDirectory(string root, ReportWeek week, string department) =>
        Path.Combine(root, week.ToString(), DepartmentsFolder, department);

    public const string DepartmentsFolder = "departments";

    private static int Draw(WeeklyReport report, ReportFont font, string directory)
    {
        var charts = ReportCharts.Create(report, font);
        try
        {
            // PNGs first, in parallel (independent plots and surfaces): a plot's first render lays it out twice, and
            // the PDF should get the settled layout.
            Parallel.ForEach(charts, chart => File.WriteAllBytes(Path.Combine(directory, chart.FileName),
                chart.Plot.GetImageBytes(ReportChart.Width, ReportChart.Height, ImageFormat.Png)));
            File.WriteAllBytes(Path.Combine(directory, SummaryName), SummaryImage.Render(report, font, charts.Single(c => c.FileName == ReportFiles.Trend)));
            using var pdf = File.Create(Path.Combine(directory, PdfName));
            return ReportPdf.Write(pdf, report, font, charts);
        }
        finally
        {
            foreach (var chart in charts)
                chart.Dispose();
        }
    }
}
