using System.Globalization;
using Feedback.Web.Accounts;
using Feedback.Web.Cases.Attachments;
using Feedback.Web.Cases.Detail;
using Feedback.Web.Classification;
using Feedback.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Cases;

/// <summary>Pages for officers: the case list, a case with its actions, theme, evidence and timeline, and its print view.</summary>
public static class CasePagesApi
{
    public static IEndpointRouteBuilder MapCasePages(this IEndpointRouteBuilder routes)
    {
        routes.MapCaseListPages();
        var pages = routes.MapGroup("/cases/{id:long}").ExcludeFromDescription().RequireAuthorization(Policies.SignedIn);
        pages.MapGet("", DetailPage);
        pages.MapGet("/print", (long id, HttpContext http, CaseDetailPages view, CancellationToken ct) => view.PrintAsync(id, Caller.From(http.User), ct));
        pages.MapPost("/actions", Act);
        pages.MapPost("/theme", CorrectTheme);
        routes.MapEvidencePages();
        return routes;
    }

    private static Task<IResult> DetailPage(long id, bool? print, string? done, HttpContext http, CaseDetailPages view, CancellationToken ct) =>
        print == true ? view.PrintAsync(id, Caller.From(http.User), ct) : view.PageAsync(id, Caller.From(http.User), null, ct, done);

    // [FromForm] makes the framework check the antiforgery token before this runs. Numbers arrive as text: an empty
    // choice ("请选择…") is no value, and the workflow names what is missing in Chinese instead of a binding error.
    private static async Task<IResult> Act(long id, [FromForm] string? action, [FromForm] string? note, [FromForm] string? satisfaction,
        [FromForm] string? workingDays, [FromForm] string? assigneeId, [FromForm] string? channel, HttpContext http, CaseWorkflow workflow, CaseDetailPages view, CancellationToken ct)
    {
        var actor = Caller.From(http.User);
        var score = Number(satisfaction);
        var request = new CaseActionRequest(action, note, score is { } n ? (short)Math.Clamp(n, 0, 6) : null, Number(workingDays), Number(assigneeId),
            string.IsNullOrEmpty(channel) ? null : channel);
        var outcome = await workflow.ApplyAsync(id, request, actor, ct);
        return outcome.Status switch
        {
            ActionStatus.Done => TypedResults.Redirect($"/cases/{id}?done={(action is CaseAction.Assign or CaseAction.Note ? action : "true")}"),
            ActionStatus.NotFound => TypedResults.NotFound(),
            _ => await view.PageAsync(id, actor, new(outcome.Detail, Status(outcome.Status)), ct),
        };
    }

    private static async Task<IResult> CorrectTheme(long id, [FromForm] string? theme, HttpContext http, FeedbackDbContext db, TimeProvider time,
        CaseDetailPages view, CancellationToken ct)
    {
        var actor = Caller.From(http.User);
        var evaluationId = await db.Cases.Where(c => c.Id == id).Select(c => (long?)c.EvaluationId).FirstOrDefaultAsync(ct);
        if (evaluationId is null)
            return TypedResults.NotFound();
        // The rating's department is the case's: CorrectAsync answers NotFound to anyone who may not see it.
        var outcome = await ThemeCorrections.CorrectAsync(db, evaluationId.Value, theme, actor, time.GetUtcNow(), ct);
        return outcome.Status switch
        {
            ThemeCorrectionStatus.Done => TypedResults.Redirect($"/cases/{id}?done=theme"),
            ThemeCorrectionStatus.NotFound => TypedResults.NotFound(),
            ThemeCorrectionStatus.Forbidden => await view.PageAsync(id, actor, new($"{Roles.Label(actor.Role)}不能更正投诉主题。", StatusCodes.Status403Forbidden), ct),
            _ => await view.PageAsync(id, actor, new("请选择一个投诉主题。", StatusCodes.Status400BadRequest), ct),
        };
    }

    /// <summary>Null when empty; 0 (which every rule refuses) when not a number.</summary>
    private static int? Number(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static int Status(ActionStatus status) => status switch
    {
        ActionStatus.Forbidden => StatusCodes.Status403Forbidden,
        ActionStatus.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
