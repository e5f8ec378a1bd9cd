using Feedback.Web.Accounts;
using Feedback.Web.Cases.Attachments;
using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Data;
using Feedback.Web.Organization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Cases.Detail;

/// <summary>A message shown above the case (a refusal in Chinese) with the status the page answers with.</summary>
public sealed record PageMessage(string? Text, int Status);

/// <summary>Reads what the case page shows (for one viewer: 404 for a case they may not see) and renders it.</summary>
public sealed class CaseDetailPages(CaseQueries queries, FeedbackDbContext db, OrgDirectory org, IOptions<DeadlineOptions> deadlines)
{
    public async Task<IResult> PageAsync(long id, Caller actor, PageMessage? error, CancellationToken ct, string? done = null)
    {
        if (await LoadAsync(id, actor, ct) is not { } view)
            return TypedResults.NotFound();
        return new RazorComponentResult<CaseDetailPage>(new { View = view, Error = error?.Text, Done = done })
        {
            StatusCode = error?.Status ?? StatusCodes.Status200OK,
        };
    }

    public async Task<IResult> PrintAsync(long id, Caller actor, CancellationToken ct) =>
        await LoadAsync(id, actor, ct) is { } view ? new RazorComponentResult<CasePrintPage>(new { View = view }) : TypedResults.NotFound();

    public async Task<CaseView?> LoadAsync(long id, Caller actor, CancellationToken ct)
    {
        if (await queries.GetAsync(id, actor, ct) is not { } detail)
            return null;
        var correction = detail.Evaluation.Theme?.CorrectedTheme is null ? null : await db.ThemeCorrections.AsNoTracking()
            .Where(c => c.EvaluationId == detail.Evaluation.Id).OrderByDescending(c => c.Id)
            .Select(c => new ThemeCorrectionView(c.CorrectedBy, c.CorrectedAt)).FirstOrDefaultAsync(ct);
        string[] names = [.. detail.Timeline.Select(e => e.Actor).Concat(detail.Attachments.Select(a => a.UploadedBy)).Append(correction?.By ?? "").Distinct()];
        var people = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName)).ToDictionaryAsync(u => u.UserName, u => u.DisplayName, ct);
        var assignable = detail.AllowedActions.Contains(CaseAction.Assign) && actor.Role != Roles.DepartmentOfficer
            ? await AssignableAsync(detail.Case.DepartmentCode, ct)
            : [];
        var canUpload = actor.UserId is not null && Evidence.Availability(detail.Case.State, actor.Role, detail.Attachments.Count) is null;
        return new(detail, (await org.GetAsync(ct)).Names, people, actor, assignable, correction, canUpload, deadlines.Value.MaxExtensionWorkingDays);
    }

    /// <summary>The active officers and heads of the department, by name.</summary>
    private async Task<List<PersonOption>> AssignableAsync(string department, CancellationToken ct) =>
        await db.Users.AsNoTracking()
            .Where(u => u.DepartmentCode == department && !u.Disabled && (u.Role == Roles.DepartmentOfficer || u.Role == Roles.DepartmentHead))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new PersonOption(u.Id, u.DisplayName, u.Role))
            .ToListAsync(ct);
}
