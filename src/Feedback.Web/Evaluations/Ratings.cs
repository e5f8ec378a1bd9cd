namespace Feedback.Web.Evaluations;

/// <summary>
/// The five levels as the API codes them (5 = 非常满意). GB/T 39046-2020 codes them the other way round:
/// map at every import/export boundary that follows the standard.
/// </summary>
public static class Ratings
{
    public const int Basic = 3;
    public const int Dissatisfied = 2;
    public const int VeryDissatisfied = 1;

    public static readonly IReadOnlyDictionary<int, string> Labels = new Dictionary<int, string>
    {
        [5] = "非常满意",
        [4] = "满意",
        [3] = "基本满意",
        [2] = "不满意",
        [1] = "非常不满意",
    };

    /// <summary>差评: 不满意 or 非常不满意.</summary>
    public static bool IsBad(int rating) => rating is VeryDissatisfied or Dissatisfied;
}

/// <summary>Channel codes used by provincial interfaces (PC web = 1 … SMS = 7, system default).</summary>
public static class Channels
{
    public const string Default = "default";
    public const string Qr = "qr";

    public static readonly IReadOnlyList<string> All = ["web", "mobile", Qr, "pad", "terminal", "phone", "sms", Default];

    private static readonly Dictionary<string, string> ByName = All.ToDictionary(c => c, StringComparer.OrdinalIgnoreCase);

    /// <summary>The channel's code, whatever its case and surrounding spaces; null if unknown.</summary>
    public static string? Find(string? name) => name is null ? null : ByName.GetValueOrDefault(name.Trim());
}

/// <summary>The de facto national reason codes: 1xx belong to 非常不满意, 2xx to 不满意.</summary>
public static class ReasonCodes
{
    public static readonly IReadOnlyDictionary<int, string> Labels = new Dictionary<int, string>
    {
        [108] = "在办事指南之外增加新的审批条件",
        [109] = "需提供办事指南之外的申报材料",
        [110] = "无理由超过法定办理时间",
        [111] = "办事指南提供样本有错",
        [112] = "承诺在线收取申报材料实际无法收取",
        [113] = "多头跑窗口和部门",
        [114] = "跑动次数与承诺的不一致",
        [115] = "服务态度差效率低",
        [207] = "没有提供材料样本",
        [208] = "没有提供材料清单",
        [209] = "未在承诺时间内办结",
        [210] = "同样内容的证明材料被要求多次提交",
        [211] = "承诺网办但无法在线办理",
        [212] = "在线预约后到大厅重复取号排队",
        [213] = "窗口人员业务不熟练",
        [214] = "服务态度生硬",
    };

    public static bool BelongsTo(int code, int rating) => code / 100 == rating && Labels.ContainsKey(code);

    public static IEnumerable<int> ForRating(int rating) => Labels.Keys.Where(code => code / 100 == rating);
}
