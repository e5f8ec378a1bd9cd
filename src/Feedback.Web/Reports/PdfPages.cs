using ScottPlot;
using SkiaSharp;

namespace Feedback.Web.Reports;

/// <summary>
/// A4 pages that fill from the top: headings, wrapped paragraphs, tables and charts, with a new page whenever the
/// next block does not fit. Text is drawn as text (searchable), charts as vectors.
/// </summary>
/// <param name="totalPages">Printed in each footer when known.</param>
internal sealed class PdfPages(SKDocument document, SKTypeface typeface, string footer, int? totalPages) : IDisposable
{
    public const float PageWidth = 595, PageHeight = 842, Margin = 45, ContentWidth = PageWidth - 2 * Margin;
    private const float Bottom = PageHeight - Margin - 20;

    private readonly SKFont _body = new(typeface, 9.5f);
    private readonly SKFont _heading = new(typeface, 14);
    private readonly SKPaint _ink = new() { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
    private readonly SKPaint _accent = new() { Color = new SKColor(0x1f, 0x4e, 0x9a), IsAntialias = true };
    private readonly SKPaint _rule = new() { Color = new SKColor(0xcc, 0xcc, 0xcc), StrokeWidth = 0.5f };
    private SKCanvas? _canvas;
    private float _y;

    public int PageCount { get; private set; }

    public void Title(string centre, string title, string subtitle, string note)
    {
        NewPage();
        using var big = new SKFont(typeface, 22);
        Line(centre, _heading, _ink, 24);
        Line(title, big, _accent, 30);
        Line(subtitle, _heading, _ink, 22);
        Line(note, _body, _ink, 22);
    }

    public void Heading(string text, float keepWithNext = 60)
    {
        Ensure(28 + keepWithNext);
        _y += 8;
        Line(text, _heading, _accent, 22);
    }

    public void Paragraph(string text)
    {
        foreach (var line in Wrap(text, _body, ContentWidth))
        {
            Ensure(15);
            Line(line, _body, _ink, 15);
        }
    }

    /// <summary>
    /// A table with a header row; <paramref name="widths"/> are fractions of the content width. <paramref name="colour"/>
    /// may give a cell (row index, column) its own colour.
    /// </summary>
    public void Table(string[] header, float[] widths, IEnumerable<string[]> rows, Func<int, int, SKColor?>? colour = null)
    {
        Row(header, widths, _ => _accent);
        var index = 0;
        foreach (var row in rows)
        {
            if (Ensure(Height(row, widths)))
                Row(header, widths, _ => _accent);
            var r = index++;
            Row(row, widths, column => colour?.Invoke(r, column) is { } c ? Paint(c) : _ink);
        }
        _y += 6;
    }

    /// <summary>A plot drawn at its logical size and scaled into the content width.</summary>
    public void Chart(Plot plot)
    {
        var scale = ContentWidth / ReportChart.Width;
        Ensure(ReportChart.Height * scale + 6);
        var canvas = _canvas!;
        canvas.Save();
        canvas.Translate(Margin, _y);
        canvas.Scale(scale);
        ReportChart.Draw(canvas, plot);
        canvas.Restore();
        _y += ReportChart.Height * scale + 6;
    }

    public void Dispose()
    {
        EndPage();
        _body.Dispose();
        _heading.Dispose();
        _ink.Dispose();
        _accent.Dispose();
        _rule.Dispose();
        foreach (var paint in _paints.Values)
            paint.Dispose();
    }

    private readonly Dictionary<SKColor, SKPaint> _paints = [];

    private SKPaint Paint(SKColor colour)
    {
        if (!_paints.TryGetValue(colour, out var paint))
            _paints[colour] = paint = new SKPaint { Color = colour, IsAntialias = true };
        return paint;
    }

    private void Row(string[] cells, float[] widths, Func<int, SKPaint> paint)
    {
        var height = Height(cells, widths);
        var x = Margin;
        for (var i = 0; i < cells.Length; i++)
        {
            var lines = Wrap(cells[i], _body, widths[i] * ContentWidth - 6);
            for (var l = 0; l < lines.Count; l++)
                _canvas!.DrawText(lines[l], x + 3, _y + 11 + 13 * l, _body, paint(i));
            x += widths[i] * ContentWidth;
        }
        _y += height;
        _canvas!.DrawLine(Margin, _y, Margin + ContentWidth, _y, _rule);
    }

    private float Height(string[] cells, float[] widths) =>
        4 + 13 * cells.Select((c, i) => Wrap(c, _body, widths[i] * ContentWidth - 6).Count).Max();

    private void Line(string text, SKFont font, SKPaint paint, float advance)
    {
        _canvas!.DrawText(text, Margin, _y + font.Size, font, paint);
        _y += advance;
    }

    /// <summary>Starts a new page when <paramref name="height"/> does not fit; true if it did.</summary>
    private bool Ensure(float height)
    {
        if (_canvas is not null && _y + height <= Bottom)
            return false;
        NewPage();
        return true;
    }

    private void NewPage()
    {
        EndPage();
        _canvas = document.BeginPage(PageWidth, PageHeight);
        // A white rectangle rather than Clear(), which does not paint a PDF page reliably.
        using var white = new SKPaint { Color = SKColors.White };
        _canvas.DrawRect(0, 0, PageWidth, PageHeight, white);
        PageCount++;
        _y = Margin;
    }

    private void EndPage()
    {
        if (_canvas is null)
            return;
        _canvas.DrawText(footer, Margin, PageHeight - Margin + 10, _body, _ink);
        var number = string.Format(System.Globalization.CultureInfo.InvariantCulture, totalPages is null ? ReportLabels.Page : ReportLabels.PageOfTotal, PageCount, totalPages);
        _canvas.DrawText(number, PageWidth - Margin - _body.MeasureText(number), PageHeight - Margin + 10, _body, _ink);
        document.EndPage();
        _canvas = null;
    }

    // Closing punctuation (full stop, commas, semicolon, colon, question and exclamation marks, closing brackets and
    // quotes, CJK and ASCII) may not start a line: the appendix ended with a lone full stop on its own line.
    private const string NoLineStart = "\u3002\uff0c\u3001\uff1b\uff1a\uff1f\uff01\uff09\u300d\u300f\u201d\u3011.,;:?!)%";

    /// <summary>
    /// Breaks at any character once the width is used up (Chinese has no spaces to break at), except before closing
    /// punctuation, which takes the character before it to the next line.
    /// </summary>
    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var start = 0;
        for (var end = 1; end <= text.Length; end++)
        {
            if (font.MeasureText(text.AsSpan(start, end - start)) > width && end - 1 > start)
            {
                var cut = end - 1;
                if (NoLineStart.Contains(text[cut], StringComparison.Ordinal) && cut - 1 > start)
                    cut--;
                lines.Add(text[start..cut]);
                start = cut;
            }
        }
        lines.Add(text[start..]);
        return lines;
    }
}
