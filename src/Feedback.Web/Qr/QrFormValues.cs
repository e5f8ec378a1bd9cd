namespace Feedback.Web.Qr;

/// <summary>What the citizen typed, kept so that a page with an error shows it again.</summary>
public sealed record QrFormValues(int? Rating, IReadOnlyList<int> Reasons, string? Comment, string? Name, string? Phone, int? Assess)
{
    public const int MaxCommentLength = 500;

    public static readonly QrFormValues Empty = new(null, [], null, null, null, null);

    internal static QrFormValues Read(IFormCollection form) => new(
        int.TryParse(form["rating"], out var rating) ? rating : null,
        [.. form["reasons"].Select(r => int.TryParse(r, out var code) ? code : 0)],
        AsWritten(form["comment"]), Blank(form["name"]), Blank(form["phone"]),
        int.TryParse(form["assess"], out var assess) ? assess : null);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Stored as written, except the CRLF a form sends for each line break, which the page counts as one character.
    private static string? AsWritten(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Replace("\r\n", "\n", StringComparison.Ordinal);
}
