using System.Globalization;

namespace Feedback.Bench;

/// <summary>A deterministic import file against the demo organisation: mostly good ratings, some complaints.</summary>
internal static class BenchCsv
{
    private static readonly string[] Comments = ["", "办事效率高", "窗口工作人员很耐心，一次就办好了", "排队时间有点长", "材料清单没有一次说清楚"];

    public static async Task WriteAsync(string path, int rows, string caseNumberPrefix, CancellationToken ct)
    {
        var random = new Random(42);
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        await using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync("caseNumber,channel,rating,reasonCodes,comment,departmentCode,windowCode,staffCode,serviceItemCode,assessNumber,evaluatedAt");
        for (var i = 0; i < rows; i++)
        {
            ct.ThrowIfCancellationRequested();
            var window = random.Next(5);
            var rating = random.NextDouble() < 0.05 ? 2 : 5;
            var reason = rating == 2 ? "213" : "";
            var comment = rating == 2 ? Comments[4] : Comments[random.Next(4)];
            var at = start.AddSeconds(i * 2.5).ToString("O", CultureInfo.InvariantCulture);
            await writer.WriteLineAsync($"{caseNumberPrefix}{i:D9},qr,{rating},{reason},{comment},D01,W{window + 1:000},S{window * 3 + 1:000},I001,1,{at}");
        }
    }
}
