using System.ComponentModel.DataAnnotations;

namespace Feedback.Web.Reports;

/// <summary>Weekly reports. Bound from the "Reports" section.</summary>
public sealed class ReportOptions
{
    /// <summary>Where reports/{yyyy}-W{ww}/ folders go; relative paths are from the working directory. Default: "reports".</summary>
    [Required]
    public string OutputDirectory { get; set; } = "reports";

    /// <summary>The CJK font (a .ttf or the first face of a .ttc). Default: Debian's fonts-wqy-microhei.</summary>
    [Required]
    public string FontFile { get; set; } = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    /// <summary>How many finished weeks back a restarted service looks for missing reports. Default: 4.</summary>
    [Range(0, 52)]
    public int CatchUpWeeks { get; set; } = 4;

    /// <summary>Windows and staff with fewer ratings in the week are left out of the bottom-ten lists. Default: 10.</summary>
    [Range(1, 100_000)]
    public int RankingMinimumRatings { get; set; } = 10;

    /// <summary>Render each department's own report beside the centre's. Default: true.</summary>
    public bool DepartmentReports { get; set; } = true;

    /// <summary>分析与建议 names the departments whose 好评率 is below this (with enough ratings to rank). Default: 0.90.</summary>
    [Range(0.0, 1.0)]
    public double AttentionGoodRate { get; set; } = 0.90;

    /// <summary>分析与建议 mentions the rate that moved most week on week when it moved by at least this many percentage points. Default: 2.</summary>
    [Range(0.0, 100.0)]
    public double AnalysisRateChangePoints { get; set; } = 2;
}
