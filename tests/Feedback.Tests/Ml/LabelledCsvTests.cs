using Feedback.Ml;

namespace Feedback.Tests.Ml;

public sealed class LabelledCsvTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"labelled-{Guid.NewGuid():N}.csv");

    [Fact]
    public void Read_QuotedFieldsWithCommasQuotesAndNewlines_KeepsThemWhole()
    {
        File.WriteAllText(_path, "\uFEFFid,text,theme\r\n1,\"等了很久，\"\"说好的\"\"一天\r\n变三天\",timeliness\r\n2,态度差,attitude\r\n");

        var rows = LabelledCsv.Read(_path);

        Assert.Equal([("等了很久，\"说好的\"一天\r\n变三天", "timeliness"), ("态度差", "attitude")], rows);
    }

    [Fact]
    public void Read_RowsWithAnEmptyTextOrLabel_AreSkippedAndReported()
    {
        File.WriteAllText(_path, "text,theme\n态度差,attitude\n,queue\n没有标签,\n");
        var messages = new List<string>();

        var rows = LabelledCsv.Read(_path, log: messages.Add);

        Assert.Single(rows);
        Assert.Contains(messages, m => m.Contains("skipped 2 rows"));
    }

    [Fact]
    public void Read_WithoutTheLabelColumn_NamesTheColumnsThereAre()
    {
        File.WriteAllText(_path, "text,label\n态度差,attitude\n");

        var error = Assert.Throws<ThemeDataException>(() => LabelledCsv.Read(_path));

        Assert.Contains("no column 'theme'", error.Message);
        Assert.Contains("text, label", error.Message);
    }

    [Fact]
    public void Read_OfAMissingFile_ThrowsThemeDataException() =>
        Assert.Throws<ThemeDataException>(() => LabelledCsv.Read(_path));

    public void Dispose() => File.Delete(_path);
}
