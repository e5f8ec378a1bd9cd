namespace Feedback.Web.Cases.Attachments;

/// <summary>
/// Evidence of a rectification (整改佐证): a JPEG, PNG or PDF stored in PostgreSQL beside its case, so a backup of the
/// database is a backup of the evidence. The type is the one its bytes show, not the one its name claims.
/// </summary>
public sealed class CaseAttachment
{
    public long Id { get; init; }
    public long CaseId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public int Size { get; init; }
    public required byte[] Content { get; init; }
    /// <summary>A small JPEG for images; null for PDFs.</summary>
    public byte[]? Thumbnail { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public required string UploadedBy { get; init; }
}
