using System.ComponentModel.DataAnnotations;

namespace Feedback.Web.Infrastructure;

/// <summary>The service centre's clock. Bound from the "Centre" section.</summary>
public sealed class CentreTimeOptions
{
    public const string Section = "Centre";

    /// <summary>
    /// IANA id of the centre's time zone: pages show times in it, dates in filters and reports are its days, workdays
    /// and working hours are read in it. The older setting <c>Deadlines:TimeZone</c> is still read when this one is
    /// not set. Default: "Asia/Shanghai".
    /// </summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";
}
