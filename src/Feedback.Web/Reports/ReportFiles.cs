namespace Feedback.Web.Reports;

/// <summary>
/// The files of a report folder, named once: the renderer writes them, the download endpoint allows only them, the
/// list page shows them.
/// </summary>
internal static class ReportFiles
{
    public const string Pdf = "report.pdf", Summary = "summary.png";
    public const string Trend = "trend.png", Channels = "channels.png", Departments = "departments.png", Themes = "themes.png", Funnel = "funnel.png";

    /// <summary>The chart PNGs in the order of the report, each with its title.</summary>
    public static readonly IReadOnlyList<(string File, string Title)> Charts =
    [
        (Trend, ReportLabels.TrendTitle), (Channels, ReportLabels.VolumeTitle), (Departments, ReportLabels.DepartmentTitle),
        (Themes, ReportLabels.ThemesTitle), (Funnel, ReportLabels.FunnelTitle),
    ];

    /// <summary>Every file a report folder may hold; anything else is refused, so a request cannot leave the folder.</summary>
    public static readonly IReadOnlyList<string> All = [Pdf, Summary, .. Charts.Select(c => c.File)];
}
