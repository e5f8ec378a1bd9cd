using System.Globalization;
using SkiaSharp;

namespace Feedback.Web.Reports;

/// <summary>One portrait PNG for a phone screen, to forward in a chat: the week's key figures and the trend of the good-rating rate.</summary>
internal static class SummaryImage
{
    public const int Width = 1080, Height = 1920;
    private const float Pad = 60, TileHeight = 170, TileGap = 24;

    /// <summary>The tiles, two per row: volume, quality, rectification, follow-up.</summary>
    private static readonly Indicator[] Tiles =
    [
        Indicators.Total, Indicators.GoodRate, Indicators.Bad, Indicators.BadRate, Indicators.RectifyRate, Indicators.OnTimeRate,
        Indicators.Overdue, Indicators.FollowUpSatisfaction,
    ];

    public static byte[] Render(WeeklyReport report, ReportFont font, ReportChart trend)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var title = new SKFont(font.Typeface, 64);
        using var body = new SKFont(font.Typeface, 34);
        using var ink = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
        using var accent = new SKPaint { Color = new SKColor(0x1f, 0x4e, 0x9a), IsAntialias = true };
        canvas.DrawText(report.Centre, Pad, 80, body, ink);
        var heading = report.Scope is null ? ReportLabels.SummaryTitle : ReportPdf.Title(report);
        // A department's long name shrinks the heading rather than running off the image.
        while (title.MeasureText(heading) > Width - 2 * Pad && title.Size > 32)
            title.Size -= 2;
        canvas.DrawText(heading, Pad, 150, title, accent);
        canvas.DrawText(ReportPdf.WeekTitle(report.Week) + (report.Unfinished ? ReportLabels.UnfinishedMark : ""), Pad, 210, body, ink);
        for (var i = 0; i < Tiles.Length; i++)
            Tile(canvas, font, Tiles[i], report, Pad + i % 2 * ((Width - 2 * Pad + TileGap) / 2), 250 + i / 2 * (TileHeight + TileGap));
        var chartTop = 250 + Tiles.Length / 2 * (TileHeight + TileGap) + 20;
        canvas.DrawText(ReportLabels.TrendTitle, Pad, chartTop + 40, body, accent);
        canvas.Save();
        canvas.Translate(Pad, chartTop + 70);
        var scale = (Width - 2 * Pad) / ReportChart.Width;
        canvas.Scale(scale);
        ReportChart.Draw(canvas, trend.Plot);
        canvas.Restore();
        var footer = string.Format(CultureInfo.InvariantCulture, ReportLabels.GeneratedAt, ReportWeek.Local(report.GeneratedAt));
        canvas.DrawText(footer, Pad, Height - 110, body, ink);
        canvas.DrawText(ReportLabels.SummaryFooter, Pad, Height - 60, body, ink);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void Tile(SKCanvas canvas, ReportFont font, Indicator indicator, WeeklyReport report, float x, float y)
    {
        var width = (Width - 2 * Pad - TileGap) / 2;
        using var fill = new SKPaint { Color = new SKColor(0xf0, 0xf4, 0xfa), IsAntialias = true };
        canvas.DrawRoundRect(x, y, width, TileHeight, 18, 18, fill);
        using var label = new SKFont(font.Typeface, 32);
        using var value = new SKFont(font.Typeface, 58);
        using var small = new SKFont(font.Typeface, 26);
        using var ink = new SKPaint { Color = new SKColor(0x44, 0x44, 0x44), IsAntialias = true };
        using var strong = new SKPaint { Color = new SKColor(0x11, 0x11, 0x11), IsAntialias = true };
        var (now, before) = (indicator.Compute(report.Current), indicator.Compute(report.Previous));
        canvas.DrawText(indicator.Name, x + 24, y + 48, label, ink);
        canvas.DrawText(indicator.Format(now), x + 24, y + 118, value, strong);
        using var change = new SKPaint { Color = ReportPdf.ChangeColour(indicator.Judge(now, before)) ?? ink.Color, IsAntialias = true };
        canvas.DrawText($"{ReportLabels.Change} {indicator.FormatChange(now, before)}", x + 24, y + 155, small, change);
    }
}
