using System.Text;
using Feedback.Web.Cli;
using Feedback.Web.Import;

namespace Feedback.Tests.Import;

/// <summary>Files no person means to send: huge lines, bytes that are not UTF-8, terminal escapes, fields named twice.</summary>
public sealed class HostileImportFileTests
{
    private const string Header = "caseNumber,channel,rating,reasonCodes,comment,departmentCode,windowCode";

    [Fact]
    public void ReadCsv_RowLongerThanTheLimit_IsReportedAndTheRowsAroundItAreKept()
    {
        var csv = Header + "\n" +
            "C1,qr,5,,好,D01,W001\n" +
            "C2,qr,5,," + new string('长', 200_000) + ",D01,W001\n" +
            "C3,qr,5,,好,D01,W001\n";

        var rows = Read("ratings.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(["C1", null, "C3"], rows.Select(r => r.Request?.CaseNumber));
        Assert.Contains("longer than 65,536 characters", rows[1].Errors!["line"].Single());
        Assert.Equal([2, 3, 4], rows.Select(r => r.LineNumber));
    }

    [Fact]
    public void ReadLines_A20MegabyteLineWithoutBreaks_CostsTheBufferNotTheLine()
    {
        var text = new StringReader(new string('x', 20_000_000) + "\nnext");
        var lines = new LineReader(text);
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.True(lines.ReadLine(out _, out var length));
        Assert.True(lines.TooLong);
        Assert.Equal(0, length);
        Assert.True(lines.ReadLine(out var start, out length));
        Assert.Equal("next", lines.Buffer.AsSpan(start, length).ToString());

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000, "a skipped line must not be buffered whole");
    }

    [Fact]
    public void ReadCsv_QuotedFieldThatNeverEnds_StopsAtTheLimitAndReadsOn()
    {
        var csv = Header + "\nC1,qr,5,,\"open" + string.Concat(Enumerable.Repeat("\n这一行属于引号里面", 10_000)) + "\n";

        var rows = Read("ratings.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Contains("longer than", rows[0].Errors!["line"].Single());
        Assert.True(rows.Count > 1, "reading goes on after the record that hit the limit");
    }

    [Fact]
    public void ReadCsv_BytesThatAreNotUtf8_AreARowErrorNotAReplacementCharacterStored()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "\nC1,qr,5,,好,D01,W001\n")
            .Concat("IMP"u8.ToArray()).Concat(new byte[] { 0xC3, 0x28 }).Concat(",qr,5,,,D01,W001\n"u8.ToArray())
            .Concat("C3,qr,5,,真诚的\uFFFD符号,D01,W001\n"u8.ToArray()).ToArray();

        var rows = Read("ratings.csv", bytes);

        Assert.Equal("C1", rows[0].Request!.CaseNumber);
        Assert.Null(rows[1].Request);
        Assert.Contains("not valid UTF-8", rows[1].Errors!["line"].Single());
        // U+FFFD written as valid UTF-8 is text like any other.
        Assert.Equal("真诚的\uFFFD符号", rows[2].Request!.Comment);
    }

    [Fact]
    public void ReadCsv_Utf8ByteOrderMark_IsStillSkipped()
    {
        var rows = Read("ratings.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Header + "\nC1,qr,5,,,D01,W001")]);

        Assert.Equal("C1", Assert.Single(rows).Request!.CaseNumber);
    }

    [Fact]
    public void ReadCsv_FileWithoutHeader_NamesTheFirstCellShortened()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Read("ratings.csv", Encoding.UTF8.GetBytes(new string('评', 5_000) + ",qr\n")));

        Assert.Contains("Unknown column '" + new string('评', 40) + "…'", ex.Message);
        Assert.True(ex.Message.Length < 400);
    }

    [Fact]
    public void ReadNdjson_FieldNamedTwice_IsARowErrorNotTheLastOneWins()
    {
        var rows = Read("ratings.ndjson", """
            {"channel":"qr","rating":4,"rating":1,"departmentCode":"D01"}
            {"channel":"qr","rating":4,"departmentCode":"D01"}
            """u8.ToArray());

        Assert.Null(rows[0].Request);
        Assert.Equal(4, rows[1].Request!.Rating);
    }

    [Fact]
    public void ReadNdjson_LongLineAndNonUtf8Line_AreRowErrors()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"comment\":\"" + new string('长', 100_000) + "\"}\n")
            .Concat(new byte[] { 0xFF, 0xFE, (byte)'\n' })
            .Concat("""{"channel":"qr","rating":5,"departmentCode":"D01"}"""u8.ToArray()).ToArray();

        var rows = Read("ratings.ndjson", bytes);

        Assert.Contains("longer than", rows[0].Errors!["line"].Single());
        Assert.Contains("not valid UTF-8", rows[1].Errors!["line"].Single());
        Assert.Equal(5, rows[2].Request!.Rating);
    }

    [Fact]
    public void TerminalText_EscapeSequencesAndOverrides_AreShownNotObeyed()
    {
        var safe = TerminalText.Safe("列\u001b]0;pwned\u0007名\u202E\n");

        Assert.Equal("列\\u001B]0;pwned\\u0007名\\u202E\\u000A", safe);
        Assert.Equal(TerminalText.MaxLength + 1, TerminalText.Safe(new string('x', 10_000)).Length);
    }

    private static List<ImportRow> Read(string name, byte[] bytes)
    {
        using var text = ImportText.Open(new MemoryStream(bytes));
        return EvaluationFileReader.Read(name, text).ToList();
    }
}
