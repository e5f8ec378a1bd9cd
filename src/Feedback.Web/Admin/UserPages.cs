using Feedback.Web.Accounts;
using Feedback.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Admin;

/// <summary>The person form's fields; a blank password means "generate one".</summary>
public sealed record PersonForm(string? UserName, string? DisplayName, string? Role, string? DepartmentCode, string? Password);

/// <summary>/admin/users: list, create, change, disable and enable people, and reset their passwords.</summary>
public static class UserPages
{
    public static RouteGroupBuilder MapUserPages(this RouteGroupBuilder admin)
    {
        admin.MapGet("/users", ListAsync);
        admin.MapGet("/users/new", NewAsync);
        admin.MapPost("/users", CreateAsync);
        admin.MapGet("/users/{id:int}", ShowAsync);
        admin.MapPost("/users/{id:int}", UpdateAsync);
        admin.MapPost("/users/{id:int}/status", SetStatusAsync);
        admin.MapPost("/users/{id:int}/password", ResetPasswordAsync);
        return admin;
    }

    private static async Task<RazorComponentResult<PeopleListPage>> ListAsync(
        [AsParameters] UserFilter filter, FeedbackDbContext db, TimeProvider time, CancellationToken ct) =>
        new(new { Filter = filter, Page = await UserList.ListAsync(db, filter, time.GetUtcNow(), ct), Departments = await UserList.DepartmentsAsync(db, ct) });

    private static async Task<RazorComponentResult<PersonNewPage>> NewAsync(FeedbackDbContext db, IOptions<AccountOptions> options, CancellationToken ct) =>
        await NewPageAsync(db, options, new PersonForm(null, null, null, null, null), null, ct);

    private static async Task<IResult> CreateAsync(
        [FromForm] PersonForm? form, HttpContext context, UserService users, FeedbackDbContext db, IOptions<AccountOptions> options, CancellationToken ct)
    {
        // The form binder gives null, not an empty form, when the post names none of the fields.
        form ??= new PersonForm(null, null, null, null, null);
        var generated = string.IsNullOrEmpty(form.Password);
        var password = generated ? UserPasswords.Generate(form.UserName ?? "", options.Value.MinPasswordLength) : form.Password!;
        try
        {
            var request = new NewUser(form.UserName?.Trim() ?? "", form.DisplayName ?? "", form.Role ?? "", form.DepartmentCode, password) { MustChangePassword = true };
            var user = await users.CreateAsync(request, AdminPages.Actor(context), ct);
            return AdminPages.ShownOnce(context, new
            {
                Title = "人员已创建",
                Message = $"已创建 {user.DisplayName}（用户名 {user.UserName}，{Roles.Label(user.Role)}）。首次登录时须设置自己的密码。",
                Secret = generated ? password : null,
                SecretLabel = "临时密码",
                BackHref = $"/admin/users/{user.Id}",
                BackLabel = "查看此人",
            });
        }
        catch (RefusedInputException refused)
        {
            var page = await NewPageAsync(db, options, form with { Password = null }, refused, ct);
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
    }

    private static async Task<IResult> ShowAsync(int id, string? done, [AsParameters] PersonServices services, CancellationToken ct) =>
        await services.PageAsync(id, done, null, ct) is { } page ? page : TypedResults.NotFound();

    private static async Task<IResult> UpdateAsync(
        int id, [FromForm] string? displayName, [FromForm] string? role, [FromForm] string? departmentCode, [AsParameters] PersonServices services, CancellationToken ct) =>
        await services.ChangeAsync(id, new UserChange(displayName, role, departmentCode) { ExactDepartment = true }, "updated", ct);

    private static async Task<IResult> SetStatusAsync(int id, [FromForm] bool disabled, [AsParameters] PersonServices services, CancellationToken ct) =>
        await services.ChangeAsync(id, new UserChange(Disabled: disabled), disabled ? "disabled" : "enabled", ct);

    private static async Task<IResult> ResetPasswordAsync(
        int id, [FromForm] string? password, UserPasswords passwords, [AsParameters] PersonServices services, CancellationToken ct)
    {
        try
        {
            var reset = await passwords.ResetAsync(id, password, AdminPages.Actor(services.Http), ct);
            return AdminPages.ShownOnce(services.Http, new
            {
                Title = "密码已重置",
                Message = $"{reset.User.DisplayName}（{reset.User.UserName}）的密码已重置，已登录的会话将结束。下次登录时须设置自己的密码。",
                Secret = reset.Generated ? reset.TemporaryPassword : null,
                SecretLabel = "临时密码",
                BackHref = $"/admin/users/{id}",
                BackLabel = "返回此人",
            });
        }
        catch (RefusedInputException refused)
        {
            return await services.PageAsync(id, null, refused, ct) is { } page ? page : TypedResults.NotFound();
        }
    }

    private static async Task<RazorComponentResult<PersonNewPage>> NewPageAsync(
        FeedbackDbContext db, IOptions<AccountOptions> options, PersonForm form, RefusedInputException? refused, CancellationToken ct) =>
        new(new
        {
            Form = form, Departments = await UserList.DepartmentsAsync(db, ct), Rule = PasswordRule.Describe(options.Value.MinPasswordLength),
            Error = refused?.Chinese, Field = refused?.Field,
        });
}
