using QRCoder;

namespace Feedback.Web.Tracking;

/// <summary>
/// The tracking link as a QR image (4 px a module), which a phone keeps with a long press and scans again from its
/// photos later. It is its own request, loaded only when the citizen opens it: encoding costs about 2 ms of CPU, which
/// on every thank-you page halved the QR ratings a server takes.
/// </summary>
internal static class TrackingQr
{
    public static byte[] Png(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(4);
    }
}
