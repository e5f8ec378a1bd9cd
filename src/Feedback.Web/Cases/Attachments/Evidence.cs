using Feedback.Web.Accounts;

namespace Feedback.Web.Cases.Attachments;

/// <summary>A file that passed every check, ready to store.</summary>
internal sealed record EvidenceFile(string FileName, string ContentType, byte[] Content, byte[]? Thumbnail);

/// <summary>Why a file was not stored: the page shows the message with the status.</summary>
internal sealed record EvidenceRefusal(int Status, string Message);

/// <summary>
/// The rules for evidence of a rectification (整改佐证): JPEG, PNG or PDF as their first bytes show (never the name or
/// the type the browser declares), at most <see cref="MaxBytes"/> each and <see cref="MaxPerCase"/> per case; images
/// must decode and get a thumbnail.
/// </summary>
internal static class Evidence
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerCase = 10;
    /// <summary>One file of <see cref="MaxBytes"/> plus the form's token and multipart framing.</summary>
    public const long MaxRequestBytes = MaxBytes + 64 * 1024;
    public const string AttachAction = "attach";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Pdf = "application/pdf";

    public static readonly EvidenceRefusal NoFile = new(StatusCodes.Status400BadRequest, "请选择要上传的文件。");
    public static readonly EvidenceRefusal Empty = new(StatusCodes.Status400BadRequest, "文件是空的，未保存。");
    public static readonly EvidenceRefusal TooBig = new(StatusCodes.Status413PayloadTooLarge, "文件超过 10 MB，未保存。请压缩或分页扫描后再上传。");
    public static readonly EvidenceRefusal WrongType = new(StatusCodes.Status415UnsupportedMediaType,
        "只能上传 JPEG、PNG 图片或 PDF 文件（按文件内容识别，改文件名无效），未保存。");
    public static readonly EvidenceRefusal Corrupt = new(StatusCodes.Status415UnsupportedMediaType, "图片无法打开（文件可能已损坏），未保存。");
    public static readonly EvidenceRefusal TooManyPixels = new(StatusCodes.Status415UnsupportedMediaType,
        $"图片像素过多（超过 {EvidenceImages.MaxPixels / 1_000_000} 百万像素），未保存。请缩小后再上传。");
    public static readonly EvidenceRefusal TooMany = new(StatusCodes.Status409Conflict, $"每个工单最多 {MaxPerCase} 个佐证文件，已达上限，未保存。");

    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();

    /// <summary>The type the bytes show, or null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith(JpegMagic) ? Jpeg : content.StartsWith(PngMagic) ? Png : content.StartsWith(PdfMagic) ? Pdf : null;

    /// <summary>Checks the bytes and makes the thumbnail; <paramref name="declaredName"/> only gives the stored name.</summary>
    public static (EvidenceFile? File, EvidenceRefusal? Refusal) Inspect(string? declaredName, byte[] content)
    {
        if (content.Length == 0)
            return (null, Empty);
        if (content.Length > MaxBytes)
            return (null, TooBig);
        if (Sniff(content) is not { } type)
            return (null, WrongType);
        byte[]? thumbnail = null;
        if (type != Pdf)
        {
            (thumbnail, var refusal) = EvidenceImages.Thumbnail(content);
            if (refusal is not null)
                return (null, refusal);
        }
        return (new EvidenceFile(EvidenceNames.Sanitize(declaredName, type), type, content, thumbnail), null);
    }

    /// <summary>Who may add evidence to a case now: people who work on cases, while the case is not final, below the limit.</summary>
    public static EvidenceRefusal? Availability(string state, string role, int count)
    {
        if (!CaseAction.Handlers.Contains(role))
            return new(StatusCodes.Status403Forbidden, $"{Roles.Label(role)}不能上传整改佐证。");
        if (!CaseStates.Active.Contains(state))
            return new(StatusCodes.Status409Conflict, $"工单当前为“{CaseStates.Label(state)}”，不能再上传整改佐证。");
        return count >= MaxPerCase ? TooMany : null;
    }
}
