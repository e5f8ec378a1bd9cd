using System.Collections;
using Feedback.Web.Infrastructure.Fonts;
using QRCoder;
using SkiaSharp;

namespace Feedback.Web.Qr;

internal enum PosterFormat { Pdf, Png }

internal enum PosterSize { A5, A4 }

/// <summary>One poster: the place it hangs at and the link its QR code carries.</summary>
internal sealed record Poster(QrPlace Place, string Url);

/// <summary>
/// Printable posters drawn with SkiaSharp: a PDF with one page per window (vector QR, WenQuanYi text that PDF
/// readers can search) or a PNG of one poster. Laid out on A5 in points; A4 and PNG scale the same drawing.
/// </summary>
internal static class QrPosters
{
    public const string FontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    private const float Width = 419.5f, Height = 595.3f; // A5 in points
    private const float PngScale = 3f; // about 216 dpi on A5
    private static readonly SKColor Blue = new(0x15, 0x58, 0xd6);

    public static byte[] Render(IReadOnlyList<Poster> posters, PosterFormat format, PosterSize size, string centre, Action<int>? progress = null)
    {
        var font = Font.Value;
        using var output = new MemoryStream();
        if (format == PosterFormat.Png)
        {
            RenderPng(posters.Single(), font.Full, centre, output);
            return output.ToArray();
        }
        // The PDF embeds only the glyphs its pages use: the 40 demo windows take 1.4 MB instead of 3.7 MB, mostly QR vectors.
        using var typeface = font.Subset(SubsetFont.CodePoints(Texts(posters, centre)));
        var scale = size == PosterSize.A4 ? 841.9f / Height : 1f;
        using (var document = SKDocument.CreatePdf(output, SKDocumentPdfMetadata.Default))
        {
            for (var i = 0; i < posters.Count; i++)
            {
                var canvas = document.BeginPage(Width * scale, Height * scale);
                canvas.Scale(scale);
                Draw(canvas, posters[i], typeface, centre);
                document.EndPage();
                progress?.Invoke(i + 1);
            }
            document.Close();
        }
        return output.ToArray();
    }

    private static void RenderPng(Poster poster, SKTypeface typeface, string centre, Stream output)
    {
        var info = new SKImageInfo((int)(Width * PngScale), (int)(Height * PngScale));
        using var surface = SKSurface.Create(info);
        surface.Canvas.Scale(PngScale);
        Draw(surface.Canvas, poster, typeface, centre);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        png.SaveTo(output);
    }

    private static readonly Lazy<SubsetFont> Font = new(() => SubsetFont.Load(FontPath, "posters need the Debian package fonts-wqy-microhei"));

    private const string Heading = "请您对本窗口的服务作出评价";
    private const string StaffLabel = "工作人员：";
    private const string HowTo = "用手机微信或相机扫一扫 · 无需登录 · 默认匿名";
    private const string Levels = "非常满意 · 满意 · 基本满意 · 不满意 · 非常不满意";
    private const string Promise = "每一条差评都有专人跟进、限时回复";

    /// <summary>Every text the posters draw: a glyph left out of the subset would print as nothing.</summary>
    private static IEnumerable<string> Texts(IEnumerable<Poster> posters, string centre) =>
        posters.SelectMany(p => new[] { p.Place.DepartmentName, p.Place.WindowNumber, p.Place.WindowName, p.Place.StaffName ?? "" })
            .Concat([centre, Heading, StaffLabel, HowTo, Levels, Promise]);

    private static void Draw(SKCanvas canvas, Poster poster, SKTypeface typeface, string centre)
    {
        var place = poster.Place;
        using var paint = new SKPaint { IsAntialias = true, Color = SKColors.White };
        // A filled page rather than Clear(): PDF pages have no background of their own.
        canvas.DrawRect(0, 0, Width, Height, paint);
        paint.Color = Blue;
        canvas.DrawRect(0, 0, Width, 64, paint);
        paint.Color = SKColors.White;
        Text(canvas, centre, 40, 20, typeface, paint);
        paint.Color = SKColors.Black;
        Text(canvas, Heading, 104, 22, typeface, paint, bold: true);
        Text(canvas, place.DepartmentName, 140, 17, typeface, paint);
        paint.Color = Blue;
        Text(canvas, place.WindowNumber, 190, 40, typeface, paint, bold: true);
        paint.Color = SKColors.Black;
        Text(canvas, place.WindowName, 218, 14, typeface, paint);
        if (place.StaffName is not null)
        {
            Text(canvas, StaffLabel + place.StaffName, 238, 14, typeface, paint);
        }
        DrawQr(canvas, poster.Url, new SKRect((Width - 230) / 2, 252, (Width + 230) / 2, 482));
        Text(canvas, HowTo, 512, 14, typeface, paint);
        paint.Color = new SKColor(0x44, 0x44, 0x44);
        Text(canvas, Levels, 538, 12, typeface, paint);
        Text(canvas, Promise, 560, 12, typeface, paint);
    }

    /// <summary>Centred text, shrunk until it fits the page's width.</summary>
    private static void Text(SKCanvas canvas, string text, float baseline, float size, SKTypeface typeface, SKPaint paint, bool bold = false)
    {
        using var font = new SKFont(typeface, size) { Embolden = bold };
        while (font.MeasureText(text) > Width - 40 && font.Size > 6)
        {
            font.Size -= 0.5f;
        }
        canvas.DrawText(text, Width / 2, baseline, SKTextAlign.Center, font, paint);
    }

    /// <summary>The QR matrix as vector squares (runs of dark modules merged), quiet zone included.</summary>
    private static void DrawQr(SKCanvas canvas, string url, SKRect area)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        List<BitArray> matrix = data.ModuleMatrix;
        var module = area.Width / matrix.Count;
        // Without anti-aliasing, touching squares leave no hairline seams.
        using var paint = new SKPaint { IsAntialias = false, Color = SKColors.Black };
        for (var y = 0; y < matrix.Count; y++)
        {
            for (var x = 0; x < matrix.Count; x++)
            {
                var start = x;
                while (x < matrix.Count && matrix[y][x]) x++;
                if (x > start)
                {
                    canvas.DrawRect(area.Left + start * module, area.Top + y * module, (x - start) * module, module, paint);
                }
            }
        }
    }
}
