using System.Globalization;
using Feedback.Web.Accounts;
using Feedback.Web.Notifications;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Reports;

/// <summary>
/// The messages that announce a finished week's report: leaders and the quality office get the centre's figures and
/// the first sentences of 分析与建议 (and the webhook, where configured); each department's heads and officers get their
/// department's figures and place. Keyed by week, so a re-render announces nothing twice.
/// </summary>
internal sealed class ReportNotices(IOptions<NotificationOptions> options)
{
    public const string CentreKind = "weekly_report";
    public const string DepartmentKind = "weekly_report_department";
    private const int AnalysisInMessage = 2;
    private static readonly string[] DepartmentRoles = [Roles.DepartmentHead, Roles.DepartmentOfficer];

    public static string EventKey(ReportWeek week) => $"report:{week}";

    public IReadOnlyList<Notification> For(WeeklyReport report, DateTimeOffset at)
    {
        var key = EventKey(report.Week);
        var week = ReportPdf.WeekTitle(report.Week);
        var title = $"{report.Centre}好差评周报已生成：{week}";
        var c = report.Current;
        var body = string.Join("", [
            $"评价总量 {Show(Indicators.Total, report)}，好评率 {Show(Indicators.GoodRate, report)}，差评数 {Show(Indicators.Bad, report)}，",
            $"整改率 {Show(Indicators.RectifyRate, report)}，超期数 {Show(Indicators.Overdue, report)}。",
            .. report.Analysis.Take(AnalysisInMessage),
            report.DepartmentsWithoutHead.Count > 0 ? $"未设负责人的部门：{string.Join("、", report.DepartmentsWithoutHead)}。" : "",
        ]);
        string[] centreTargets = [NotificationTargets.Inbox(Roles.Leader), NotificationTargets.Inbox(Roles.QualityOfficer)];
        var notices = (options.Value.WebhookEnabled ? [.. centreTargets, NotificationTargets.Webhook] : centreTargets)
            .Select(target => Notice(key, target, CentreKind, null, title, body, at)).ToList();
        for (var rank = 0; rank < report.Departments.Count; rank++)
        {
            var d = report.Departments[rank];
            var departmentBody = $"{d.Name}：评价总量 {Indicators.Total.Format(Indicators.Total.Compute(d.Counts))}，"
                + $"好评率 {Indicators.GoodRate.Format(Indicators.GoodRate.Compute(d.Counts))}（全中心第 {rank + 1} / {report.Departments.Count} 名），"
                + $"差评数 {d.Counts.Bad.ToString("N0", CultureInfo.InvariantCulture)}，整改率 {Indicators.RectifyRate.Format(Indicators.RectifyRate.Compute(d.Counts))}，"
                + $"超期工单 {d.Counts.Overdue.ToString("N0", CultureInfo.InvariantCulture)} 件。全中心好评率 {Show(Indicators.GoodRate, report)}。";
            // Heads and officers alike: the officers work the department's cases, and its report shows where they stand.
            foreach (var role in DepartmentRoles)
                notices.Add(Notice(key, NotificationTargets.Inbox(role, d.Code), DepartmentKind, d.Code, $"本部门好差评周报：{week}", departmentBody, at));
        }
        return notices;
    }

    private static string Show(Indicator indicator, WeeklyReport report)
    {
        var (now, before) = (indicator.Compute(report.Current), indicator.Compute(report.Previous));
        return $"{indicator.Format(now)}（环比 {indicator.FormatChange(now, before)}）";
    }

    private static Notification Notice(string key, string target, string kind, string? department, string title, string body, DateTimeOffset at) => new()
    {
        EventKey = key, Target = target, Kind = kind, DepartmentCode = department, Title = title, Body = body, CreatedAt = at, NextAttemptAt = at,
    };
}
