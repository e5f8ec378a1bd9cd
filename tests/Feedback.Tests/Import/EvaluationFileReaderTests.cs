using Feedback.Web.Evaluations;
using Feedback.Web.Import;

namespace Feedback.Tests.Import;

public sealed class EvaluationFileReaderTests
{
    private const string Header = "caseNumber,channel,rating,reasonCodes,comment,departmentCode,windowCode";

    [Fact]
    public void ReadCsv_EveryColumn_MapsToTheApiRequest()
    {
        var csv = string.Join(',', EvaluationFileReader.CsvColumns) + "\n" +
            "C1,qr,2,213;214,排队太久,D01,W001,S001,I001,2,false,王阿姨,13812345678,2026-11-20T09:30:00+08:00,false";

        var row = Assert.Single(ReadCsv(csv));

        Assert.Null(row.Errors);
        Assert.Equal(2, row.LineNumber);
        var expected = new EvaluationRequest("C1", "qr", 2, null, "排队太久", "D01", "W001", "S001", "I001", 2,
            new RaterRequest(false, "王阿姨", "13812345678"), new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.FromHours(8)), false);
        Assert.Equal(expected, row.Request! with { ReasonCodes = null });
        Assert.Equal([213, 214], row.Request.ReasonCodes!);
    }

    [Fact]
    public void ReadCsv_OnlyRequiredColumns_LeavesTheRestNull()
    {
        var row = Assert.Single(ReadCsv("channel,rating,departmentCode\nqr,5,D01"));

        Assert.Equal(new EvaluationRequest(null, "qr", 5, null, null, "D01", null, null, null, null, null, null, null), row.Request);
    }

    [Fact]
    public void ReadCsv_QuotedCommentWithCommasQuotesAndLineBreaks_IsReadWholeAndLaterLinesNumberedRight()
    {
        var csv = Header + "\n" +
            "C1,qr,5,,\"材料齐全, 一次办好\n窗口说\"\"不用再跑\"\"\",D01,W001\n" +
            "C2,qr,4,,,D01,W001\n";

        var rows = ReadCsv(csv);

        Assert.Equal("材料齐全, 一次办好\n窗口说\"不用再跑\"", rows[0].Request!.Comment);
        Assert.Equal([2, 4], rows.Select(r => r.LineNumber));
        Assert.Equal("C2", rows[1].Request!.CaseNumber);
    }

    [Fact]
    public void ReadCsv_StrayQuoteInsideAComment_IsTextAndTheRowsAfterItAreKept()
    {
        // Why the import keeps its own reader rather than Sep: Sep opens a quoted section at any quote, so one
        // hand-typed 他说"好 would swallow every later row of the file into one field.
        var csv = Header + "\n" +
            "C1,qr,5,,他说\"好,D01,W001\n" +
            "C2,qr,4,,,D01,W001\n";

        var rows = ReadCsv(csv);

        Assert.Equal(["他说\"好", null], rows.Select(r => r.Request!.Comment));
        Assert.Equal([2, 3], rows.Select(r => r.LineNumber));
    }

    [Fact]
    public void ReadCsv_BomBeforeHeader_IsIgnored()
    {
        var row = Assert.Single(ReadCsv("\uFEFF" + Header + "\nC1,qr,5,,,D01,W001"));

        Assert.Null(row.Errors);
        Assert.Equal("C1", row.Request!.CaseNumber);
    }

    [Fact]
    public void ReadCsv_HeaderInOtherCaseAndWithSpaces_MapsColumns()
    {
        var row = Assert.Single(ReadCsv("CaseNumber, Channel ,RATING,departmentcode\nC1,qr,5,D01"));

        Assert.Equal(("C1", "qr", 5, "D01"), (row.Request!.CaseNumber, row.Request.Channel, row.Request.Rating, row.Request.DepartmentCode));
    }

    [Fact]
    public void ReadCsv_UnknownColumn_ThrowsInvalidDataExceptionNamingIt()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ReadCsv("channel,rating,departmentCode,mood\nqr,5,D01,happy"));

        Assert.Contains("'mood'", ex.Message);
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("rating")]
    [InlineData("departmentCode")]
    public void ReadCsv_MissingRequiredColumn_ThrowsInvalidDataExceptionNamingIt(string column)
    {
        var header = string.Join(',', new[] { "caseNumber", "channel", "rating", "departmentCode" }.Where(c => c != column));

        var ex = Assert.Throws<InvalidDataException>(() => ReadCsv(header + "\nC1,qr,5"));

        Assert.Contains($"'{column}'", ex.Message);
    }

    [Fact]
    public void ReadCsv_EmptyFile_ThrowsInvalidDataException()
    {
        Assert.Throws<InvalidDataException>(() => ReadCsv(""));
    }

    [Fact]
    public void Read_UnsupportedExtension_ThrowsInvalidDataException()
    {
        Assert.Throws<InvalidDataException>(() => EvaluationFileReader.Read("ratings.xlsx", new StringReader(Header)).ToList());
    }

    [Theory]
    [InlineData("C1,qr,5,,,D01")]
    [InlineData("C1,qr,5,,,D01,W001,extra")]
    public void ReadCsv_WrongFieldCount_ReportsTheLineWithoutARequest(string record)
    {
        var rows = ReadCsv(Header + "\nC0,qr,5,,,D01,W001\n" + record + "\nC2,qr,5,,,D01,W001");

        var bad = rows[1];
        Assert.Equal(3, bad.LineNumber);
        Assert.Null(bad.Request);
        Assert.Equal(["line"], bad.Errors!.Keys);
        Assert.Contains("Expected 7 fields", bad.Errors["line"][0]);
        Assert.Null(rows[2].Errors);
    }

    [Fact]
    public void ReadCsv_UnparsableValues_AreReportedPerField()
    {
        var csv = "caseNumber,channel,rating,departmentCode,evaluatedAt,anonymous,assessNumber,isDefault\n" +
            "C1,qr,five,D01,yesterday,maybe,first,nope";

        var row = Assert.Single(ReadCsv(csv));

        Assert.Equal(["anonymous", "assessNumber", "evaluatedAt", "isDefault", "rating"], row.Errors!.Keys.Order());
        Assert.Equal("'five' is not a valid Int32.", row.Errors["rating"].Single());
        Assert.Contains("'yesterday'", row.Errors["evaluatedAt"].Single());
    }

    [Fact]
    public void ReadCsv_OneBadRow_DoesNotAffectTheNext()
    {
        var rows = ReadCsv(Header + "\nC1,qr,x,,,D01,W001\nC2,qr,4,,,D01,W001");

        Assert.Equal(["rating"], rows[0].Errors!.Keys);
        Assert.Null(rows[1].Errors);
        Assert.Equal(4, rows[1].Request!.Rating);
    }

    [Theory]
    [InlineData("213;214")]
    [InlineData("213; 214;")]
    public void ReadCsv_ReasonCodesSeparatedBySemicolons_BecomeAList(string codes)
    {
        var row = Assert.Single(ReadCsv($"{Header}\nC1,qr,2,{codes},,D01,W001"));

        Assert.Null(row.Errors);
        Assert.Equal([213, 214], row.Request!.ReasonCodes!);
    }

    [Fact]
    public void ReadCsv_ReasonCodeThatIsNotANumber_IsReportedAsReasonCodes()
    {
        var row = Assert.Single(ReadCsv($"{Header}\nC1,qr,2,213;abc,,D01,W001"));

        Assert.Equal(["reasonCodes"], row.Errors!.Keys);
        Assert.Contains("'abc'", row.Errors["reasonCodes"].Single());
    }

    [Fact]
    public void ReadCsv_BlankLines_AreSkippedButCounted()
    {
        var rows = ReadCsv(Header + "\n\nC1,qr,5,,,D01,W001\n\n");

        var row = Assert.Single(rows);
        Assert.Equal(3, row.LineNumber);
    }

    [Fact]
    public void ReadNdjson_GoodAndBadLines_ReportsEachWithItsLineNumber()
    {
        var ndjson = """
            {"caseNumber":"N1","channel":"qr","rating":2,"reasonCodes":[213],"departmentCode":"D01","rater":{"name":"李","phone":"13812345678"}}

            {"caseNumber":"N2","channel":"qr","rating":"five","departmentCode":"D01"}
            not json
            null
            {"caseNumber":"N3","channel":"web","rating":4,"departmentCode":"D02","comment":"好,\"很好\"\n谢谢"}
            """;

        var rows = EvaluationFileReader.Read("ratings.ndjson", new StringReader(ndjson)).ToList();

        Assert.Equal([1, 3, 4, 5, 6], rows.Select(r => r.LineNumber));
        Assert.Equal(("N1", 2), (rows[0].Request!.CaseNumber, rows[0].Request!.Rating));
        Assert.Equal([213], rows[0].Request!.ReasonCodes!);
        Assert.Equal(new RaterRequest(null, "李", "13812345678"), rows[0].Request!.Rater);
        Assert.All(rows.Skip(1).Take(3), r => Assert.Equal(["line"], r.Errors!.Keys));
        Assert.All(rows.Skip(1).Take(3), r => Assert.Null(r.Request));
        Assert.Equal("好,\"很好\"\n谢谢", rows[4].Request!.Comment);
        Assert.Null(rows[4].Errors);
    }

    [Fact]
    public void Read_JsonlExtension_IsReadAsNdjson()
    {
        var row = Assert.Single(EvaluationFileReader.Read("RATINGS.JSONL", new StringReader("""{"channel":"qr","rating":5,"departmentCode":"D01"}""")));

        Assert.Equal(5, row.Request!.Rating);
    }

    private static List<ImportRow> ReadCsv(string text) => EvaluationFileReader.Read("ratings.csv", new StringReader(text)).ToList();
}
