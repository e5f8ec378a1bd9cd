using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Feedback.Web.Infrastructure.Spreadsheets;

/// <summary>A column of a written sheet: its header, its width in characters, and the cell a row gives it.</summary>
public sealed record SheetColumn<T>(string Header, double Width, Func<T, object?> Value);

/// <summary>
/// Streams a one-sheet .xlsx to a stream that need not seek (an HTTP response), one row at a time, passing it on
/// asynchronously (<see cref="DrainedBuffer"/>): memory stays one row plus the compressor's window whatever the row
/// count. Cells are text (inline, so no shared-string table has to be held until the end), numbers and times. A general-purpose library (MiniExcel) took
/// 60-100 µs a row for the case export, most of the export's time; this writes only what the export needs.
/// </summary>
public sealed class XlsxWriter<T> : IAsyncDisposable
{
    /// <summary>Compressed output waiting to go out; passed on once it reaches this many bytes.</summary>
    private const int DrainAt = 64 * 1024;

    private readonly DrainedBuffer _buffer;
    private readonly ZipArchive _zip;
    private readonly StreamWriter _text;
    private readonly IReadOnlyList<SheetColumn<T>> _columns;
    private readonly StringBuilder _row = new(1024);
    private int _rows;

    private XlsxWriter(DrainedBuffer buffer, ZipArchive zip, Stream sheet, IReadOnlyList<SheetColumn<T>> columns)
    {
        (_buffer, _zip, _columns) = (buffer, zip, columns);
        _text = new StreamWriter(sheet, new UTF8Encoding(false), 1 << 16); // closes the sheet's entry when disposed
    }

    /// <summary>Writes the workbook's fixed parts and the header row; the rows follow with <see cref="WriteAsync"/>.</summary>
    public static async Task<XlsxWriter<T>> CreateAsync(Stream output, string sheetName, IReadOnlyList<SheetColumn<T>> columns, CancellationToken ct)
    {
        var buffer = new DrainedBuffer(output);
        var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (path, xml) in XlsxParts.Fixed(sheetName))
        {
            using var part = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
            part.Write(Encoding.UTF8.GetBytes(xml));
        }
        var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        var writer = new XlsxWriter<T>(buffer, zip, sheet, columns);
        await writer.WriteHeadAsync(ct);
        return writer;
    }

    public async ValueTask WriteAsync(T row, CancellationToken ct)
    {
        _row.Clear();
        var number = ++_rows + 1;
        _row.Append("<row r=\"").Append(number).Append("\">");
        for (var i = 0; i < _columns.Count; i++)
            AppendCell(i, number, _columns[i].Value(row));
        _row.Append("</row>");
        await _text.WriteAsync(_row, ct);
        if (_buffer.Pending >= DrainAt)
            await _buffer.DrainAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _text.WriteAsync("</sheetData></worksheet>");
        await _text.DisposeAsync();
        _zip.Dispose();
        await _buffer.DrainAsync(CancellationToken.None);
    }

    private async Task WriteHeadAsync(CancellationToken ct)
    {
        _row.Append(XlsxParts.SheetStart).Append("<cols>");
        for (var i = 0; i < _columns.Count; i++)
            _row.Append(CultureInfo.InvariantCulture, $"<col min=\"{i + 1}\" max=\"{i + 1}\" width=\"{_columns[i].Width}\" customWidth=\"1\"/>");
        _row.Append("</cols><sheetData><row r=\"1\">");
        for (var i = 0; i < _columns.Count; i++)
            AppendText(i, 1, _columns[i].Header, XlsxParts.HeaderStyle);
        _row.Append("</row>");
        await _text.WriteAsync(_row, ct);
    }

    private void AppendCell(int column, int row, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                AppendText(column, row, text, style: 0);
                return;
            case DateTime time:
                AppendReference(column, row).Append(" s=\"").Append(XlsxParts.TimeStyle).Append("\"><v>")
                    .Append(time.ToOADate().ToString("R", CultureInfo.InvariantCulture)).Append("</v></c>");
                return;
            case IFormattable number:
                AppendReference(column, row).Append("><v>").Append(number.ToString(null, CultureInfo.InvariantCulture)).Append("</v></c>");
                return;
            default:
                AppendText(column, row, value.ToString() ?? "", style: 0);
                return;
        }
    }

    private void AppendText(int column, int row, string text, int style)
    {
        AppendReference(column, row);
        if (style != 0)
            _row.Append(" s=\"").Append(style).Append('"');
        _row.Append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
        XlsxParts.AppendEscaped(_row, text);
        _row.Append("</t></is></c>");
    }

    private StringBuilder AppendReference(int column, int row) =>
        _row.Append("<c r=\"").Append(XlsxParts.ColumnName(column)).Append(row).Append('"');
}
