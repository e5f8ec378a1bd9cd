using System.Globalization;
using System.Net;
using Feedback.Web.Accounts;
using Feedback.Web.Cases.Workbench;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace Feedback.Tests.Cases.Workbench;

/// <summary>/cases/export: the filtered list as .xlsx and CSV, read back with MiniExcel and Sep and compared with the API.</summary>
public sealed class CaseExportTests(WorkbenchData data) : IClassFixture<WorkbenchData>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("xlsx", "department=D01&sort=received")]
    [InlineData("csv", "department=D01&sort=received")]
    [InlineData("xlsx", "state=open,in_progress,review")]
    [InlineData("csv", "theme=queue&sort=department")]
    public async Task Export_SameFilter_HasTheListsCasesInItsOrderWithChineseColumns(string format, string query)
    {
        using var quality = await data.App.SignedInAsAsync(Roles.QualityOfficer);
        var listed = await data.App.Admin.AllAsync(query, limit: 500);

        var rows = await ExportAsync(quality, format, query);

        Assert.NotEmpty(listed);
        Assert.Equal(listed.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r["工单编号"]));
        Assert.Equal(listed.Select(c => c.CaseNumber), rows.Select(r => r["办件编号"]));
        Assert.Equal(listed.Select(c => c.DepartmentName), rows.Select(r => r["部门"]));
        Assert.Equal(listed.Select(c => c.StateLabel + (c.RequestedExtensionDays is null ? "" : "（延期待审核）")), rows.Select(r => r["状态"]));
        Assert.Equal(listed.Select(c => CaseExportRow.Cell(c.Comment)), rows.Select(r => r["评价内容"]));
        Assert.Equal(listed.Select(c => c.Overdue ? "是" : "否"), rows.Select(r => r["是否超期"]));
        Assert.Equal(listed.Select(c => c.AssigneeName ?? ""), rows.Select(r => r["承办人"]));
        Assert.Equal(listed.Select(c => Local(c.OpenedAt)), rows.Select(r => r["收到时间"]));
        Assert.Equal(listed.Select(c => c.RaterPhoneMasked), rows.Select(r => r["评价人电话（脱敏）"]));
        Assert.All(rows, r => Assert.Matches(@"^138\*{4}\d{4}$", r["评价人电话（脱敏）"]));
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task Export_TextThatLooksLikeAFormula_StartsWithAnApostrophe(string format)
    {
        using var quality = await data.App.SignedInAsAsync(Roles.QualityOfficer);

        var rows = await ExportAsync(quality, format, "sort=received");

        var comments = rows.Select(r => r["评价内容"]).ToList();
        Assert.Contains("'" + WorkbenchData.Formula, comments);
        Assert.Contains("'+86 电话一直打不通", comments);
        Assert.Contains("'@所有人 窗口没人", comments);
        Assert.Contains("'-1 分，排队两小时", comments);
        Assert.DoesNotContain(rows.SelectMany(r => r.Values), v => v.Length > 0 && v[0] is '=' or '+' or '-' or '@');
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task Export_DepartmentOfficer_GetsOwnDepartmentOnlyWhateverTheFilter(string format)
    {
        using var officer = await data.App.SignedInAsAsync(Roles.DepartmentOfficer, "D02");
        var own = (await data.RowsAsync()).Count(r => r.Department == "D02");

        var all = await ExportAsync(officer, format, "");
        var asked = await ExportAsync(officer, format, "department=D01");

        Assert.Equal(own, all.Count);
        Assert.All(all, r => Assert.Equal("D02", r["部门代码"]));
        Assert.Empty(asked);
    }

    [Fact]
    public async Task Export_Csv_StartsWithAByteOrderMarkAndNamesTheFile()
    {
        using var quality = await data.App.SignedInAsAsync(Roles.QualityOfficer);

        var response = await quality.GetAsync("/cases/export?format=csv&state=closed", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("差评整改工单-", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task StreamAsync_SmallBatches_ReadsTheListInOrderUpToTheCap()
    {
        var query = data.App.Services.GetRequiredService<CaseListQuery>();
        var criteria = new CaseListCriteria { Sort = CaseListSort.Due };
        var now = data.App.Clock.GetUtcNow();
        var listed = await data.App.Admin.AllAsync("sort=due", limit: 500);

        var capped = await query.StreamAsync(criteria, now, max: 10, batch: 4, Ct).Select(r => r.Id).ToListAsync(Ct);
        var all = await query.StreamAsync(criteria, now, max: 1000, batch: 7, Ct).Select(r => r.Id).ToListAsync(Ct);

        Assert.Equal(listed.Take(10).Select(c => c.Id), capped);
        Assert.Equal(listed.Select(c => c.Id), all);
    }

    private static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The exported rows as header → text, the .xlsx through MiniExcel, the CSV through Sep.</summary>
    private static async Task<List<Dictionary<string, string>>> ExportAsync(HttpClient client, string format, string query)
    {
        var response = await client.GetAsync($"/cases/export?format={format}&{query}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        return format == "xlsx" ? ReadXlsx(file) : ReadCsv(file);
    }

    // Read without a header row, so that a file with the header alone still shows its header.
    private static List<Dictionary<string, string>> ReadXlsx(Stream file)
    {
        var lines = file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(row => row.Values.Select(Text).ToList()).ToList();
        var header = lines[0];
        Assert.Equal(CaseExportRow.Columns.Select(c => c.Header), header);
        return [.. lines.Skip(1).Select(cells => header.Zip(cells).ToDictionary(p => p.First, p => p.Second))];
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime time => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static List<Dictionary<string, string>> ReadCsv(Stream file)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(file);
        Assert.Equal(CaseExportRow.Columns.Select(c => c.Header), reader.Header.ColNames);
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var cells = new Dictionary<string, string>();
            foreach (var name in reader.Header.ColNames)
                cells[name] = row[name].ToString();
            rows.Add(cells);
        }
        return rows;
    }
}
