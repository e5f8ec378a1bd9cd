using Feedback.Web.Import;

namespace Feedback.Tests.Import;

public sealed class CsvRecordReaderTests
{
    [Fact]
    public void Read_PlainRecord_SplitsOnCommasAndKeepsEmptyFields()
    {
        var csv = Reader("a,,c,");

        var fields = ReadRecord(csv);

        Assert.Equal(["a", "", "c", ""], fields);
        Assert.Equal(1, csv.LineNumber);
    }

    [Fact]
    public void Read_QuotedFieldWithComma_KeepsTheComma()
    {
        var csv = Reader("1,\"慢, 很慢\",3");

        var fields = ReadRecord(csv);

        Assert.Equal(["1", "慢, 很慢", "3"], fields);
    }

    [Fact]
    public void Read_DoubledQuoteInsideQuotes_YieldsOneQuote()
    {
        var csv = Reader("\"他说\"\"明天再来\"\"\",\"\"\"\"");

        var fields = ReadRecord(csv);

        Assert.Equal(["他说\"明天再来\"", "\""], fields);
    }

    [Fact]
    public void Read_QuoteInsideUnquotedField_IsKeptAsText()
    {
        var csv = Reader("5\"寸,x");

        var fields = ReadRecord(csv);

        Assert.Equal(["5\"寸", "x"], fields);
    }

    [Fact]
    public void Read_EmptyQuotedField_IsEmpty()
    {
        var csv = Reader("\"\",b");

        var fields = ReadRecord(csv);

        Assert.Equal(["", "b"], fields);
    }

    [Fact]
    public void Read_LineBreaksInsideQuotes_KeepTheBreaksAndLaterLineNumbersRight()
    {
        var csv = Reader("h1,h2\n1,\"第一行\n第二行\n第三行\"\n2,after\n3,last");

        var records = ReadAll(csv);

        Assert.Equal(["1", "第一行\n第二行\n第三行"], records[1].Fields);
        Assert.Equal([1, 2, 5, 6], records.Select(r => r.Line));
        Assert.Equal(["2", "after"], records[2].Fields);
    }

    [Fact]
    public void Read_CrLfLineEndings_AreRecordSeparatorsAndBecomeNewlinesInsideQuotes()
    {
        var csv = Reader("a,\"x\r\ny\"\r\nb,z\r\n");

        var records = ReadAll(csv);

        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "x\ny"], records[0].Fields);
        Assert.Equal(["b", "z"], records[1].Fields);
        Assert.Equal(3, records[1].Line);
    }

    [Fact]
    public void Read_BlankLine_IsOneEmptyField()
    {
        var csv = Reader("a\n\nb");

        var records = ReadAll(csv);

        Assert.Equal([""], records[1].Fields);
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
    }

    [Fact]
    public void Read_AtEndOfInput_ReturnsNull()
    {
        var csv = Reader("only");
        csv.Read();

        var next = csv.Read();

        Assert.False(next);
    }

    [Fact]
    public void Read_LinesSplitAcrossReads_EveryRecordComesBackWhole()
    {
        var lines = Enumerable.Range(0, 3000).Select(i => $"{i},{new string('办', i % 97)},\"a\r\nb\",x").ToList();
        // Near the longest record the reader takes, so that it straddles many refills.
        lines.Add($"long,{new string('长', 60_000)},\"\",x");
        var csv = new CsvRecordReader(new TrickleReader(string.Join("\r\n", lines)));

        var records = ReadAll(csv);

        Assert.Equal(lines.Count, records.Count);
        Assert.Equal(["17", new string('办', 17), "a\nb", "x"], records[17].Fields);
        Assert.Equal(lines.Count * 2 - 1, records[^1].Line);
        Assert.Equal(60_000, records[^1].Fields[1].Length);
    }

    /// <summary>Hands out a few characters per read, so lines and \r\n pairs straddle the reader's refills.</summary>
    private sealed class TrickleReader(string text) : StringReader(text)
    {
        public override int Read(char[] buffer, int index, int count) => base.Read(buffer, index, Math.Min(count, 7));
    }

    private static CsvRecordReader Reader(string text) => new(new StringReader(text));

    private static List<string>? ReadRecord(CsvRecordReader csv) => csv.Read() ? csv.ToList() : null;

    private static List<(int Line, List<string> Fields)> ReadAll(CsvRecordReader csv)
    {
        var records = new List<(int, List<string>)>();
        while (csv.Read())
        {
            records.Add((csv.LineNumber, csv.ToList()));
        }
        return records;
    }
}
