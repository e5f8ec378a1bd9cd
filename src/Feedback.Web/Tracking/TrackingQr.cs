using QRCoder;

namespace Feedback.Web.Tracking;

/// <summary>
/// The tracking link as a QR image inside the page (a data URI: no second request), 4 px a module, which a phone keeps
/// with a long press and scans again from its photos later.
/// </summary>
internal static class TrackingQr
{
    public static string DataUri(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return $"data:image/png;base64,{Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(4))}";
    }
}
