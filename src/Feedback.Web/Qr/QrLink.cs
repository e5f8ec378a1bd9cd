namespace Feedback.Web.Qr;

internal enum QrLinkKind : byte
{
    /// <summary>A poster at a window (optionally for one staff member): many citizens, one rating per device per window of time.</summary>
    Poster = 1,

    /// <summary>Printed on a 办件 receipt with its caseNumber: one first rating and one follow-up.</summary>
    Receipt = 2,
}

/// <summary>What a signed <c>/r/{token}</c> link points to.</summary>
internal sealed record QrLink(
    QrLinkKind Kind, string WindowCode, string? StaffCode, string? ServiceItemCode, string? CaseNumber, DateTimeOffset? ExpiresAt)
{
    public static QrLink Poster(string windowCode, string? staffCode = null, DateTimeOffset? expiresAt = null) =>
        new(QrLinkKind.Poster, windowCode, staffCode, null, null, expiresAt);

    public static QrLink Receipt(string caseNumber, string windowCode, string? staffCode, string? serviceItemCode, DateTimeOffset expiresAt) =>
        new(QrLinkKind.Receipt, windowCode, staffCode, serviceItemCode, caseNumber, expiresAt);

    /// <summary>The place a poster stands for, whichever key signed it: the device rule counts per place.</summary>
    public string PosterPlace => $"{WindowCode}/{StaffCode}";
}

internal enum QrTokenFailure
{
    None,
    /// <summary>Not a token of ours: malformed, altered, forged or signed with an unknown or retired key.</summary>
    Invalid,
    /// <summary>Genuine, but past its expiry.</summary>
    Expired,
}
