using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Feedback.Web.Cases.Workbench;

/// <summary>
/// Where the next page starts: the sort key of the last case shown. <c>Phase</c> 0 is the running part of the due
/// sort (key: due_at), 1 its finished part and the other sorts (key: opened_at); <c>Department</c> only for the
/// department sort. Opaque in URLs; a cursor only positions within what the caller may see anyway, so it is not signed.
/// </summary>
public sealed record CaseCursor(CaseListSort Sort, int Phase, string? Department, DateTimeOffset At, long Id)
{
    private const int MaxLength = 200;

    public string Encode()
    {
        var text = string.Join('.', (int)Sort, Phase, At.UtcTicks.ToString(CultureInfo.InvariantCulture), Id.ToString(CultureInfo.InvariantCulture), Department ?? "");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static bool TryDecode(string value, out CaseCursor? cursor)
    {
        cursor = null;
        if (value.Length > MaxLength || !Base64Url.IsValid(value))
            return false;
        Span<byte> bytes = stackalloc byte[MaxLength];
        if (!Base64Url.TryDecodeFromChars(value, bytes, out var written))
            return false;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[..written]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var parts = text.Split('.', 5);
        if (parts.Length != 5
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sort) || !Enum.IsDefined((CaseListSort)sort)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var phase) || phase > 1
            || (phase == 0 && sort != (int)CaseListSort.Due)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0
            || parts[4].Length > 32 || parts[4].Any(char.IsControl)
            || (sort == (int)CaseListSort.Department) == (parts[4].Length == 0))
            return false;
        cursor = new((CaseListSort)sort, phase, parts[4].Length == 0 ? null : parts[4], new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
