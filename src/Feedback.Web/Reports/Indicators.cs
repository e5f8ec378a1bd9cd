namespace Feedback.Web.Reports;

public enum IndicatorUnit { Count, Rate }

/// <summary>Which way a figure should move: decides the colour of its week-on-week change.</summary>
public enum IndicatorDirection { Neutral, HigherIsBetter, LowerIsBetter }

/// <summary>One figure of the report: its Chinese name, its formula as printed in the appendix, and its computation.</summary>
public sealed record Indicator(string Code, string Name, string Formula, IndicatorUnit Unit, Func<WeekCounts, double?> Compute)
{
    /// <summary>Neutral for volumes, whose rise is neither good nor bad.</summary>
    public IndicatorDirection Better { get; init; }

    /// <summary>+1 when the change is an improvement, −1 when it is worse, 0 when equal or neutral; null without both values.</summary>
    public int? Judge(double? current, double? previous) => (current, previous) switch
    {
        (null, _) or (_, null) => null,
        var (c, p) when Better == IndicatorDirection.Neutral || Math.Abs(c.Value - p.Value) < 1e-9 => 0,
        var (c, p) => (c > p) == (Better == IndicatorDirection.HigherIsBetter) ? 1 : -1,
    };

    public string Format(double? value) => value switch
    {
        null => "—",
        _ when Unit == IndicatorUnit.Rate => $"{value * 100:0.0}%",
        _ => $"{value:N0}",
    };

    /// <summary>Week-on-week change: percentage points for rates, a signed count otherwise; "—" without both values.</summary>
    public string FormatChange(double? current, double? previous) => (current, previous) switch
    {
        (null, _) or (_, null) => "—",
        var (c, p) when Unit == IndicatorUnit.Rate => $"{(c - p) * 100:+0.0;-0.0;0.0}{ReportLabels.PercentagePoints}",
        var (c, p) => $"{c - p:+#,0;-#,0;0}",
    };
}

/// <summary>Every indicator of the weekly report, defined once: the report, the summary, the index and the appendix use these.</summary>
public static class Indicators
{
    public static readonly Indicator Total = Count("total", "评价总量", "本周首次评价条数（含默认评价，不含追评）", c => c.Total);
    public static readonly Indicator Active = Count("active", "主动评价量", "评价总量 − 默认评价量", c => c.Active);
    public static readonly Indicator Default = Count("default", "默认评价量", "逾期未评、系统记为“基本满意”的评价条数", c => c.Default, IndicatorDirection.LowerIsBetter);
    public static readonly Indicator UnratedRate = Rate("unrated_rate", "未评率", "默认评价量 ÷ 评价总量（群众 7 日内未评价的办件记为默认评价）", c => (c.Default, c.Total), IndicatorDirection.LowerIsBetter);
    public static readonly Indicator GoodRate = Rate("good_rate", "好评率", "好评数 ÷ 评价总量；好评 = 评分 3–5（基本满意、满意、非常满意），含默认评价", c => (c.Good, c.Total), IndicatorDirection.HigherIsBetter);
    // A default rating is always 基本满意 (validation enforces it), so the active 好评 are the 好评 less the defaults.
    public static readonly Indicator ActiveGoodRate = Rate("active_good_rate", "主动评价好评率", "主动评价中的好评数 ÷ 主动评价量", c => (c.Good - c.Default, c.Active), IndicatorDirection.HigherIsBetter);
    public static readonly Indicator Bad = Count("bad", "差评数", "评分 1–2（不满意、非常不满意）的主动评价条数，不含申诉通过的无效差评", c => c.Bad, IndicatorDirection.LowerIsBetter);
    public static readonly Indicator BadRate = Rate("bad_rate", "差评率", "差评数 ÷ 评价总量", c => (c.Bad, c.Total), IndicatorDirection.LowerIsBetter);
    public static readonly Indicator RectifyRate = Rate("rectify_rate", "整改率", "已整改（已回复群众）的有效差评工单数 ÷ 有效差评工单数", c => (c.Replied, c.ValidCases), IndicatorDirection.HigherIsBetter);
    public static readonly Indicator OnTimeRate = Rate("on_time_rate", "按期整改率", "在整改期限内（含批准的延期）回复的有效差评工单数 ÷ 有效差评工单数", c => (c.RepliedOnTime, c.ValidCases), IndicatorDirection.HigherIsBetter);
    public static readonly Indicator Overdue = Count("overdue", "超期数", "曾超过整改期限未回复、被督办的有效差评工单数", c => c.Overdue, IndicatorDirection.LowerIsBetter);
    public static readonly Indicator FollowUpRate = Rate("follow_up_rate", "回访率", "已回访工单数 ÷ 已整改工单数", c => (c.Closed, c.Replied), IndicatorDirection.HigherIsBetter);
    public static readonly Indicator FollowUpSatisfaction = Rate("follow_up_satisfaction", "回访满意率", "回访满意（满意度 3–5）工单数 ÷ 已回访工单数", c => (c.Satisfied, c.Closed), IndicatorDirection.HigherIsBetter);
    public static readonly Indicator Appeals = Count("appeals", "申诉数", "本周开立的差评工单中，部门提出过申诉（误评或恶意差评）的工单数，含通过、驳回和审核中的", c => c.Appeals);
    public static readonly Indicator Invalid = Count("invalid", "无效差评数", "申诉审核通过、判定为无效差评的工单数（不计入差评）", c => c.Invalid);
    public static readonly Indicator SuspectedBad = Count("suspected_bad", "疑似差评数", "评分为好评、但文字评价被识别为投诉的评价条数", c => c.SuspectedBad, IndicatorDirection.LowerIsBetter);
    public static readonly Indicator DepartmentCoverage = Rate("department_coverage", "评价部门覆盖率", "本周有评价的部门数 ÷ 部门总数", c => (c.DepartmentsRated, c.Departments), IndicatorDirection.HigherIsBetter);

    /// <summary>The KPI table, in the order of the issue.</summary>
    public static readonly IReadOnlyList<Indicator> All =
        [Total, Active, Default, UnratedRate, GoodRate, ActiveGoodRate, Bad, BadRate, RectifyRate, OnTimeRate, Overdue, FollowUpRate, FollowUpSatisfaction,
         Appeals, Invalid, SuspectedBad, DepartmentCoverage];

    /// <summary>The scope notes printed under the formulas.</summary>
    public static readonly IReadOnlyList<string> Scope =
    [
        "统计周期：周一 00:00 至周日 24:00（北京时间），评价按评价时间归属。",
        "工单口径：本周开立（收到差评）的整改工单，按报告生成时的状态统计；有效差评工单 = 开立工单 − 无效差评。",
        "排名：好评率由低到高；窗口和人员本周评价不足最低条数的不参与后十名排名；“连续上榜”指上周也在后十名。",
    ];

    /// <summary>A rate, or null when the denominator is zero: "no data" is not 0 %.</summary>
    public static double? Ratio(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;

    private static Indicator Count(string code, string name, string formula, Func<WeekCounts, long> count, IndicatorDirection better = IndicatorDirection.Neutral) =>
        new(code, name, formula, IndicatorUnit.Count, c => count(c)) { Better = better };

    private static Indicator Rate(string code, string name, string formula, Func<WeekCounts, (long Numerator, long Denominator)> parts,
        IndicatorDirection better = IndicatorDirection.Neutral) =>
        new(code, name, formula, IndicatorUnit.Rate, c => parts(c) is var (n, d) ? Ratio(n, d) : null) { Better = better };
}
