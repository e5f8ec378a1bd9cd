using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Feedback.Tests.Ml;
using Feedback.Web.Organization;
using Feedback.Web.Organization.Import;

namespace Feedback.Tests.Organization;

/// <summary>Reading organisation files: the layout, and each defect named by sheet, row and column with no rows taken.</summary>
public sealed class OrgFileTests
{
    [Fact]
    public void Template_ReadsBackAsTheExampleRows()
    {
        var input = OrgFiles.Read(OrgFileWriter.Template());

        Assert.Empty(input.Problems);
        Assert.All(OrgLayout.All, sheet => Assert.Equal([sheet.Example], input.Rows[sheet.Kind]));
    }

    [Fact]
    public void CommittedTemplate_IsTheTemplateTheServiceOffers()
    {
        var input = OrgFiles.Read(File.ReadAllBytes(RepositoryFiles.Path("docs/org-template.xlsx")));

        Assert.Empty(input.Problems);
        Assert.All(OrgLayout.All, sheet => Assert.Equal([sheet.Example], input.Rows[sheet.Kind]));
    }

    [Fact]
    public void Xlsx_NumbersAndBlankRows_KeepTheirSheetRowNumbers()
    {
        var sheets = OrgFiles.Layout();
        sheets[2] = sheets[2] with { Rows = [["S001", "王丽", "D01", "W001", "在岗"], [null, null, null, null, null], ["S002", "", "D01", null, "离岗"]] };

        var input = OrgFiles.Read(OrgFiles.Xlsx(sheets));

        Assert.Equal([2, 4], input.RowNumbers![OrgKind.Staff]);
        Assert.False(((StaffRow)input.Rows[OrgKind.Staff][1]).Active);
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "=")]
    [InlineData("+1+1", "+")]
    [InlineData("-2+3", "-")]
    [InlineData("@SUM(1,1)", "@")]
    public void Xlsx_TextThatASpreadsheetWouldRun_IsRefusedWithItsCell(string text, string start)
    {
        var sheets = OrgFiles.Layout();
        sheets[1] = sheets[1] with { Rows = [["W001", "A01", text, "D01", null, null]] };

        var problems = OrgFiles.Described(OrgFiles.Read(OrgFiles.Xlsx(sheets)));

        Assert.Equal($"工作表「窗口」 第2行 C列「窗口名称」：以「{start}」开头，电子表格会把它当作公式执行，已拒绝。", Assert.Single(problems));
    }

    [Fact]
    public void Xlsx_FormulaCell_IsRefusedEvenThoughItsValueLooksHarmless()
    {
        var xlsx = OrgFiles.WithFormula(OrgFiles.Xlsx(OrgFiles.Layout()), sheetNumber: 3, cell: "B2", "HYPERLINK(\"http://evil.example\",\"王丽\")");

        var problems = OrgFiles.Described(OrgFiles.Read(xlsx));

        Assert.Equal("工作表「人员」 第2行 B列「姓名」：是公式单元格，请改为直接填写值。", Assert.Single(problems));
    }

    [Fact]
    public void Xlsx_MissingSheet_IsNamed()
    {
        var problems = OrgFiles.Described(OrgFiles.Read(OrgFiles.Xlsx(OrgFiles.Layout()[..3])));

        Assert.Equal("工作表「事项」：缺少工作表「事项」（需要 部门、窗口、人员、事项 四个工作表）。", Assert.Single(problems));
    }

    [Fact]
    public void Xlsx_EmptySheetAndHeaderOnlySheet_AreNamed()
    {
        var sheets = OrgFiles.Layout();
        sheets[1] = sheets[1] with { Header = [], Rows = [] };
        sheets[3] = sheets[3] with { Rows = [] };

        var problems = OrgFiles.Described(OrgFiles.Read(OrgFiles.Xlsx(sheets)));

        Assert.Equal(["工作表「窗口」：为空（第1行应为表头）。", "工作表「事项」：没有数据行（只有表头）。"], problems);
    }

    [Fact]
    public void Xlsx_MissingColumn_IsNamed()
    {
        var sheets = OrgFiles.Layout();
        sheets[0] = sheets[0] with { Header = ["部门编码", "部门名称", "行政区划代码", "状态"], Rows = [["D01", "人社局", "330100", null]] };

        var problems = OrgFiles.Described(OrgFiles.Read(OrgFiles.Xlsx(sheets)));

        Assert.StartsWith("工作表「部门」：缺少列「统一社会信用代码」", Assert.Single(problems));
    }

    [Theory]
    [InlineData("org.xlsx", "这不是表格，是一段文字。", "不是电子表格")]
    [InlineData("org.xls", "\u00D0\u00CF\u0011\u00E0old excel", "旧版 Excel（.xls）")]
    [InlineData("org.xlsx", "PK\u0003\u0004 broken zip", "文件已损坏")]
    public void File_NotAWorkbook_IsOneNamedProblemAndNoRows(string name, string content, string expected)
    {
        var input = OrgFiles.Read(Encoding.Latin1.GetBytes(content), name);

        Assert.Contains(expected, Assert.Single(OrgFiles.Described(input)));
        Assert.Equal(0, input.Count);
    }

    [Fact]
    public void File_OverTheSizeLimit_IsRefusedWithoutParsing()
    {
        var bytes = new byte[50 * 1024 * 1024];
        "PK\u0003\u0004"u8.CopyTo(bytes);
        var clock = Stopwatch.StartNew();

        var input = OrgFiles.Read(bytes);

        Assert.Equal("文件大小 50.0 MB，超过上限 20 MB，未读取。", Assert.Single(OrgFiles.Described(input)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Csv_FourFilesInAZip_ReadLikeTheWorkbook()
    {
        var zip = Zip(OrgLayout.All.Select(s => ($"org-{s.Name}.csv", OrgFileWriter.Csv(s, [s.Example]))));

        var input = OrgFiles.Read(zip, "org.zip");

        Assert.Empty(input.Problems);
        Assert.True(input.IsCsv);
        Assert.All(OrgLayout.All, sheet => Assert.Equal([sheet.Example], input.Rows[sheet.Kind]));
    }

    [Fact]
    public void Csv_SavedByExcelInGbk_IsDecoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030");
        var files = OrgLayout.All.Select(s => new OrgFilePart($"{s.Name}.csv", gbk.GetBytes(Encoding.UTF8.GetString(OrgFileWriter.Csv(s, [s.Example])[3..])))).ToList();

        var input = OrgFileReader.Read(files);

        Assert.Empty(input.Problems);
        Assert.Equal("示范市人力资源和社会保障局", input.Rows[OrgKind.Departments][0].Name);
    }

    [Fact]
    public void Csv_MissingFileAndFormula_AreNamedByFileRowAndColumn()
    {
        var files = OrgLayout.All.Take(3).Select(s => new OrgFilePart($"{s.Name}.csv", OrgFileWriter.Csv(s, [s.Example]))).ToList();
        files[1] = new OrgFilePart("窗口.csv", Encoding.UTF8.GetBytes("窗口编码,窗口号,窗口名称,所属部门编码,大厅楼层,状态\nW001,A01,\"=HYPERLINK(\"\"x\"\")\",D01,,\n"));

        var problems = OrgFiles.Described(OrgFileReader.Read(files));

        Assert.Equal(["窗口.csv 第2行 C列「窗口名称」：以「=」开头，电子表格会把它当作公式执行，已拒绝。",
            "事项.csv：缺少文件「事项.csv」（需要 部门.csv、窗口.csv、人员.csv、事项.csv 四个文件）。"], problems);
    }

    private static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }
        return output.ToArray();
    }
}
