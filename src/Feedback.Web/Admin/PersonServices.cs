using Feedback.Web.Accounts;
using Feedback.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Admin;

/// <summary>What the person page's handlers share: showing the page (with a refusal, if any) and applying a change.</summary>
public sealed record PersonServices(HttpContext Http, FeedbackDbContext Db, UserService Users, IOptions<AccountOptions> Options, TimeProvider Time)
{
    public async Task<RazorComponentResult<PersonPage>?> PageAsync(int id, string? done, RefusedInputException? refused, CancellationToken ct)
    {
        if (await UserList.FindAsync(Db, id, Time.GetUtcNow(), ct) is not { } person)
            return null;
        var history = await Db.AdminAudit.AsNoTracking()
            .Where(e => e.EntityKind == UserRecord.Kind && e.EntityKey == person.UserName)
            .OrderByDescending(e => e.Id).Take(5).ToListAsync(ct);
        return new(new
        {
            Person = person, Departments = await UserList.DepartmentsAsync(Db, ct), History = history, Done = done,
            Error = refused?.Chinese, Rule = PasswordRule.Describe(Options.Value.MinPasswordLength),
            IsSelf = Http.User.Identity?.Name == person.UserName,
        })
        {
            StatusCode = refused is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest,
        };
    }

    /// <summary>Applies a change and goes back to the page with a notice, or shows the page with the refusal.</summary>
    public async Task<IResult> ChangeAsync(int id, UserChange change, string done, CancellationToken ct)
    {
        try
        {
            await Users.UpdateAsync(id, change, AdminPages.Actor(Http), ct);
            return TypedResults.Redirect($"/admin/users/{id}?done={done}");
        }
        catch (RefusedInputException refused)
        {
            return await PageAsync(id, null, refused, ct) is { } page ? page : TypedResults.NotFound();
        }
    }
}
