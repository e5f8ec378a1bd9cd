namespace Feedback.Tests.Ml;

/// <summary>
/// Deterministic citizen-message-like texts with labels that are not the 11 themes, for tests that must not
/// depend on the checked-in training file: each label has its own nouns, all labels share openers and endings.
/// </summary>
internal static class GeneratedMessages
{
    private static readonly Dictionary<string, string[]> Topics = new()
    {
        ["traffic"] = ["公交车", "红绿灯", "堵车", "停车位", "地铁站", "路面坑洼", "斑马线", "出租车"],
        ["health"] = ["医院", "挂号", "医保报销", "药费", "门诊", "卫生院", "体检", "救护车"],
        ["school"] = ["学校", "学位", "校车", "班主任", "入学", "课后托管", "幼儿园", "食堂"],
        ["housing"] = ["物业", "公租房", "房产证", "漏水", "电梯", "小区", "维修基金", "拆迁"],
        ["pollution"] = ["噪音", "垃圾", "排污", "油烟", "河道", "扬尘", "异味", "焚烧"],
    };

    private static readonly string[] Openers = ["您好，", "我想反映一下，", "请问", "市民反映：", "", "麻烦领导看看，"];
    private static readonly string[] Endings = ["问题一直没人管", "希望尽快解决", "已经好几个月了", "能不能协调处理", "太影响生活了", "请给个说法"];

    public static IReadOnlyList<string> Labels => [.. Topics.Keys];

    public static IReadOnlyList<(string Text, string Label)> Create(int perLabel, int seed)
    {
        var random = new Random(seed);
        var rows = new List<(string, string)>();
        foreach (var (label, nouns) in Topics)
        {
            for (var i = 0; i < perLabel; i++)
            {
                var first = nouns[random.Next(nouns.Length)];
                var second = nouns[random.Next(nouns.Length)];
                rows.Add(($"{Pick(random, Openers)}{first}和{second}的事，{Pick(random, Endings)}", label));
            }
        }
        return rows;
    }

    public static string WriteCsv(IEnumerable<(string Text, string Label)> rows, string textColumn = "text", string labelColumn = "theme")
    {
        var path = Path.Combine(Path.GetTempPath(), $"ml-test-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, [$"{labelColumn},{textColumn}", .. rows.Select(r => $"{r.Label},\"{r.Text.Replace("\"", "\"\"")}\"")]);
        return path;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
