using Feedback.Web.Infrastructure.Spreadsheets;
using MiniExcelLibs;

namespace Feedback.Tests.Infrastructure.Spreadsheets;

/// <summary>The streaming .xlsx writer, read back with MiniExcel (a reader written apart from it).</summary>
public sealed class XlsxWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Line(string? Text, long Number, DateTime? At);

    private static readonly SheetColumn<Line>[] Columns =
        [new("文本", 40, l => l.Text), new("数字", 10, l => l.Number), new("时间", 17, l => l.At)];

    [Fact]
    public async Task Rows_ReadBackWithTheirTextNumbersAndTimes()
    {
        var at = new DateTime(2026, 12, 3, 9, 41, 0);
        Line[] lines = [new("排队两小时 <窗口> & \"说明\"", 1, at), new("表情 😀 与生僻字 𠀀", -42, null), new(null, long.MaxValue / 1024, at.AddDays(-400))];

        var rows = await WriteAndReadAsync(lines);

        Assert.Equal(["文本", "数字", "时间"], rows[0]);
        Assert.Equal(lines.Select(l => (object?)l.Text), rows.Skip(1).Select(r => r[0]));
        Assert.Equal(lines.Select(l => (double)l.Number), rows.Skip(1).Select(r => Convert.ToDouble(r[1])));
        Assert.Equal(lines.Select(l => l.At), rows.Skip(1).Select(r => (DateTime?)r[2]));
    }

    [Fact]
    public async Task Text_WithCharactersXmlCannotCarry_DropsThemAndKeepsTheRest()
    {
        var rows = await WriteAndReadAsync([new("a\u0001b\u001Fc\uFFFEd\uD800e\tf\ng", 0, null)]);

        Assert.Equal("abcde\tf\ng", rows[1][0]);
    }

    [Fact]
    public async Task Output_ThatRefusesSynchronousWrites_GetsTheWholeWorkbook()
    {
        using var bytes = new MemoryStream();
        await using (var asyncOnly = new AsyncOnlyStream(bytes))
        {
            await using var sheet = await XlsxWriter<Line>.CreateAsync(asyncOnly, "工单", Columns, Ct);
            for (var i = 0; i < 5000; i++)
                await sheet.WriteAsync(new Line($"第 {i} 行", i, null), Ct);
        }

        bytes.Position = 0;
        Assert.Equal(5001, bytes.Query(useHeaderRow: false).Count());
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void ColumnName_CountsInLettersLikeExcel(int column, string name) => Assert.Equal(name, XlsxParts.ColumnName(column));

    private static async Task<List<object?[]>> WriteAndReadAsync(IEnumerable<Line> lines)
    {
        using var bytes = new MemoryStream();
        await using (var sheet = await XlsxWriter<Line>.CreateAsync(bytes, "工单", Columns, Ct))
        {
            foreach (var line in lines)
                await sheet.WriteAsync(line, Ct);
        }
        bytes.Position = 0;
        return [.. bytes.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray())];
    }

    /// <summary>A response body as Kestrel gives it by default: not seekable, and synchronous writes throw.</summary>
    private sealed class AsyncOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);
    }
}
