using SkiaSharp;

namespace Feedback.Web.Cases.Attachments;

/// <summary>
/// Decodes an uploaded image completely (a file that only starts like a JPEG or PNG is refused) and draws its
/// thumbnail: at most <see cref="ThumbnailSize"/> px on the longer side, upright as the camera meant (EXIF
/// orientation), on white, as JPEG.
/// </summary>
internal static class EvidenceImages
{
    public const int ThumbnailSize = 320;
    /// <summary>A PNG is decoded at full size (4 bytes a pixel): this caps the memory one upload can take (200 MB).</summary>
    public const long MaxPixels = 50_000_000;
    private const int JpegQuality = 80;

    public static (byte[]? Thumbnail, EvidenceRefusal? Refusal) Thumbnail(byte[] content)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
            return (null, Evidence.Corrupt);
        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
            return (null, Evidence.TooManyPixels);
        using var decoded = Decode(codec);
        if (decoded is null)
            return (null, Evidence.Corrupt);
        return (Draw(decoded, codec.EncodedOrigin), null);
    }

    /// <summary>
    /// Every row decoded; a JPEG at a size its decoder offers (eighths) that still covers the thumbnail: asking for
    /// twice the thumbnail keeps the nearest eighth above it.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec)
    {
        var longer = Math.Max(codec.Info.Width, codec.Info.Height);
        var size = codec.GetScaledDimensions(Math.Min(1f, 2f * ThumbnailSize / longer));
        if (Math.Max(size.Width, size.Height) < Math.Min(ThumbnailSize, longer))
            size = codec.Info.Size;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success)
            return bitmap;
        bitmap.Dispose();
        return null;
    }

    private static byte[] Draw(SKBitmap decoded, SKEncodedOrigin origin)
    {
        var scale = Math.Min(1f, (float)ThumbnailSize / Math.Max(decoded.Width, decoded.Height));
        var (w, h) = (Math.Max(1, (int)MathF.Round(decoded.Width * scale)), Math.Max(1, (int)MathF.Round(decoded.Height * scale)));
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        using var surface = SKSurface.Create(new SKImageInfo(turned ? h : w, turned ? w : h, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(Orientation(origin, w, h));
        using var image = SKImage.FromBitmap(decoded);
        canvas.DrawImage(image, new SKRect(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        return jpeg.ToArray();
    }

    /// <summary>Maps the stored picture (w × h) onto the upright one, for each of the eight EXIF orientations.</summary>
    private static SKMatrix Orientation(SKEncodedOrigin origin, float w, float h) => origin switch
    {
        SKEncodedOrigin.TopRight => new(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
