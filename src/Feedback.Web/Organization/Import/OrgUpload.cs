namespace Feedback.Web.Organization.Import;

/// <summary>
/// A file uploaded on the import page, kept until the person confirms its preview (or for a day). Stored in the
/// database, so that the confirmation may reach another process behind the load balancer. Several CSV files are
/// kept as one .zip.
/// </summary>
public sealed class OrgUpload
{
    public Guid Id { get; init; }
    public required string FileName { get; init; }
    public required byte[] Content { get; init; }
    public required string UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public bool RetireMissing { get; init; }
}
