using System.Reflection;

namespace Feedback.Web.Reports;

/// <summary>
/// Every fixed Chinese text of the PDF, the charts and the summary. The embedded font holds only the characters the
/// report uses, and these are part of them (a test keeps CJK literals out of the drawing code).
/// </summary>
internal static class ReportLabels
{
    public const string Title = "政务服务好差评周报";
    public const string Centre = "政务服务中心";
    public const string WeekFormat = "{0}年第{1}周（{2:yyyy年M月d日} 至 {3:yyyy年M月d日}）";
    public const string GeneratedAt = "生成时间：{0:yyyy年M月d日 HH:mm}（北京时间）";
    public const string Page = "第 {0} 页";
    public const string PageOfTotal = "第 {0} 页 / 共 {1} 页";
    public const string NoData = "暂无数据";
    public const string KpiHeading = "一、核心指标";
    public const string Indicator = "指标";
    public const string ThisWeek = "本周";
    public const string LastWeek = "上周";
    public const string Change = "环比";
    public const string PercentagePoints = "个百分点";
    public const string TrendTitle = "近12周好评率趋势";
    public const string TrendHeading = "二、" + TrendTitle;
    public const string VolumeTitle = "每日评价量（按渠道）";
    public const string VolumeHeading = "三、" + VolumeTitle;
    public const string DepartmentTitle = "部门排名（按好评率）";
    public const string DepartmentHeading = "四、" + DepartmentTitle;
    public const string Rank = "名次";
    public const string Department = "部门";
    public const string BottomWindowsHeading = "五、好评率后十名窗口";
    public const string BottomStaffHeading = "六、好评率后十名工作人员";
    public const string Window = "窗口";
    public const string Staff = "工作人员";
    public const string BelongsTo = "所属";
    public const string Repeated = "连续上榜";
    public const string RepeatedMark = "上周也在";
    public const string ThemesTitle = "差评主题分布（本周与上周）";
    public const string ThemesHeading = "七、" + ThemesTitle;
    public const string TopThemesHeading = "各部门主要差评主题";
    public const string Theme = "主题";
    public const string Count = "件数";
    public const string FunnelTitle = "差评整改漏斗";
    public const string FunnelHeading = "八、" + FunnelTitle;
    public const string FunnelCases = "差评工单";
    public const string FunnelValid = "有效差评";
    public const string FunnelReplied = "已整改";
    public const string FunnelOnTime = "按期整改";
    public const string FunnelClosed = "已回访";
    public const string FunnelSatisfied = "回访满意";
    public const string OverdueHeading = "九、超期工单及责任人";
    public const string OverdueMore = "共 {0} 件，列出期限最早的 {1} 件。";
    public const string CaseNumber = "工单号";
    public const string Owners = "责任人";
    public const string State = "状态";
    public const string OpenedAt = "收到时间";
    public const string DueAt = "整改期限";
    public const string NoHead = "未设负责人";
    public const string NoHeadLine = "未设负责人的部门（责任人无法落实，请在“管理”中指定部门负责人）：{0}。";
    public const string CommentsHeading = "十、典型差评摘录（已脱敏）";
    public const string SuspectedLine = "疑似差评（好评但文字为投诉）：{0} 条，请质量专员复核。";
    public const string SuspectedHeading = "疑似差评样例（好评但文字为投诉，按模型把握从高到低）";
    public const string Confidence = "投诉把握";
    public const string AppendixHeading = "附录：指标定义";
    public const string Formula = "计算公式";
    public const string Rating = "评分";
    public const string Comment = "评价内容";
    public const string TimeFormat = "M月d日 HH:mm";
    public const string SummaryTitle = "好差评周报";
    public const string SummaryFooter = "详见周报 PDF";
    public const string Weekdays = "一二三四五六日";
    public const string Weekday = "周";
    public const string RatingsAxis = "评价量";
    public const string RateAxis = "好评率（%）";
    public const string ZoomedRateAxis = "好评率（%，纵轴自 {0}% 起）";
    public const string ZoomedRateAxisX = "好评率（%，横轴自 {0}% 起）";
    public const string WeekAxis = "周（标注为周一日期）";
    public const string NoDataShort = "无数据";
    /// <summary>A chart's title: centre, chart, week.</summary>
    public const string ChartTitleFormat = "{0} · {1} · {2:yyyy年M月d日}—{3:M月d日}";
    public const string Footer = "{0} · {1} · {2}年第{3}周";
    public const string Unfinished = "（本周未完，统计至生成时间）";
    public const string UnfinishedMark = "未完";
    public const string ListSeparator = "、";
    public const string DepartmentReportTitle = "{0}好差评周报";
    public const string DepartmentRankLine = "{0}本周好评率在全中心 {2} 个部门中排第 {1} 名。";
    public const string DepartmentUnranked = "{0}本周没有评价，不参与部门排名。";
    public const string AnalysisHeading = "分析与建议";
    public const string AnalysisNone = "本周各项指标无需特别说明的变化。";
    public const string Rose = "上升", Fell = "下降", Increased = "增加", Decreased = "减少";
    public const string AnalysisRateChange = "{0}较上周{1} {2:0.0} 个百分点（{3} → {4}），是各项比率中变化最大的。";
    public const string AnalysisBadChange = "差评数较上周{0} {1:N0} 条（{2:N0} → {3:N0}），请关注差评集中的部门和主题。";
    public const string AnalysisVolumeChange = "评价总量较上周{0} {1:0}%（{2:N0} → {3:N0}）。";
    public const string AnalysisLowDepartments = "好评率低于 {0:0}% 的部门有 {1} 个：{2}，建议约谈部门负责人、查找原因。";
    public const string AnalysisLowDepartment = "{0}（{1}）";
    public const string AnalysisRepeated = "连续两周位列好评率后十名：{0}，建议重点督导。";
    public const string AnalysisRepeatedWindows = "窗口 {0}";
    public const string AnalysisRepeatedStaff = "工作人员 {0}";
    public const string AnalysisOverdue = "本周开立的差评工单超期 {0:N0} 件，其中{1}最多（{2:N0} 件，责任人：{3}），请督促按期整改。";
    public const string AnalysisRisingTheme = "差评主题“{0}”上升最多：本周 {1:N0} 条，上周 {2:N0} 条。";
    public const string AnalysisMore = "等";
    public const string Semicolon = "；";

    public static readonly IReadOnlyDictionary<string, string> Channels = new Dictionary<string, string>
    {
        ["web"] = "网页", ["mobile"] = "移动端", ["qr"] = "二维码", ["pad"] = "评价器", ["terminal"] = "大厅终端",
        ["phone"] = "电话", ["sms"] = "短信", ["default"] = "默认评价",
    };

    public static string Channel(string code) => Channels.GetValueOrDefault(code, code);

    public static string ThemeName(string code) => Classification.Themes.Labels.GetValueOrDefault(code, code);

    /// <summary>Every fixed text a report may draw (these constants and the names of codes), for the font subset.</summary>
    public static IEnumerable<string> All() => typeof(ReportLabels)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Concat(Channels.Values)
        .Concat(Classification.Themes.Labels.Values)
        .Concat(Evaluations.Ratings.Labels.Values)
        .Concat(Cases.CaseStates.All.Select(Cases.CaseStates.Label))
        .Concat(Indicators.All.SelectMany(i => new[] { i.Name, i.Formula }))
        .Concat(Indicators.Scope);
}
