using Feedback.Web.Accounts;

namespace Feedback.Web.Authorization;

/// <summary>
/// The named authorization policies; endpoints use these names, <see cref="AuthorizationExtensions.AddFeedbackAuthorization"/>
/// registers them all. People sign in with the cookie, machines use API keys.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in person.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Case work: quality officers, department officers and heads, and admins.</summary>
    public const string Officer = "officer";

    /// <summary>Read-only overview of the whole centre (the reports): leaders, quality officers and admins.</summary>
    public const string Leader = "leader";

    /// <summary>Signed-in admins: people, keys, audit, the jobs dashboard.</summary>
    public const string AdminUser = "admin-user";

    /// <summary>Printing QR posters: admins and quality officers.</summary>
    public const string PosterMaker = "poster-maker";

    /// <summary>Re-rendering a weekly report: leaders and admins (quality officers read).</summary>
    public const string ReportRenderer = "report-renderer";

    /// <summary>API keys that may submit ratings: ingest and admin.</summary>
    public const string Ingest = "ingest";

    /// <summary>API keys that may read: read and admin.</summary>
    public const string Read = "read";

    /// <summary>Admin API keys.</summary>
    public const string Admin = "admin";

    /// <summary>Cases: signed-in people of any role, or machines with a read or admin API key.</summary>
    public const string Cases = "cases";

    /// <summary>The roles of each people policy, also for pages that show only what the caller's role may open.</summary>
    public static readonly string[] OfficerRoles = [Roles.Admin, Roles.QualityOfficer, Roles.DepartmentOfficer, Roles.DepartmentHead];

    public static readonly string[] LeaderRoles = [Roles.Admin, Roles.QualityOfficer, Roles.Leader];

    public static readonly string[] PosterMakerRoles = [Roles.Admin, Roles.QualityOfficer];

    public static readonly string[] ReportRendererRoles = [Roles.Leader, Roles.Admin];
}
