namespace Feedback.Web.Classification;

/// <summary>The project's complaint taxonomy (API codes and Chinese names).</summary>
public static class Themes
{
    public const string PraiseMismatch = "praise_mismatch";
    public const string Other = "other";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["attitude"] = "服务态度",
        ["competence"] = "业务能力",
        ["timeliness"] = "办理时效",
        ["requirements"] = "材料与条件",
        ["runaround"] = "多头跑动",
        ["online"] = "网办与系统",
        ["queue"] = "排队等候",
        ["environment"] = "环境设施",
        ["discipline"] = "工作纪律",
        [PraiseMismatch] = "疑似误评",
        [Other] = "其他",
    };

    /// <summary>Themes that name a concrete failure of the service (all but praise and "other").</summary>
    public static bool IsComplaint(string theme) => theme is not (PraiseMismatch or Other) && Labels.ContainsKey(theme);
}

/// <summary>Signals the classifier raises for the quality office.</summary>
public static class ThemeSignals
{
    /// <summary>疑似差评: a 好评 whose comment is confidently a complaint (a pressured or mistaken rating).</summary>
    public const string SuspectedBad = "suspected_bad";

    /// <summary>A 差评 whose comment praises the service: offered to the department as an appeal candidate.</summary>
    public const string AppealCandidate = "appeal_candidate";
}
