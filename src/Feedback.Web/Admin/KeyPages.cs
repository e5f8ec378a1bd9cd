using Feedback.Web.ApiKeys;
using Feedback.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Admin;

/// <summary>/admin/keys: the API keys of the centre's machines: create (shown once), see when each was last used, revoke.</summary>
public static class KeyPages
{
    public static RouteGroupBuilder MapKeyPages(this RouteGroupBuilder admin)
    {
        admin.MapGet("/keys", ListAsync);
        admin.MapPost("/keys", CreateAsync);
        admin.MapPost("/keys/{id:int}/revoke", RevokeAsync);
        return admin;
    }

    private static async Task<RazorComponentResult<KeysPage>> ListAsync(string? revoked, FeedbackDbContext db, CancellationToken ct) =>
        await PageAsync(db, revoked, null, null, null, ct);

    private static async Task<IResult> CreateAsync(
        [FromForm] string? name, [FromForm] string? scope, HttpContext context, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
    {
        try
        {
            var key = await ApiKeyService.CreateAsync(db, name ?? "", scope ?? "", AdminPages.Actor(context), time, ct);
            return AdminPages.ShownOnce(context, new
            {
                Title = "API 密钥已创建",
                Message = $"已为“{name!.Trim()}”创建“{ApiKeyScopes.Label(scope!)}”密钥。请求时放在 HTTP 头 X-Api-Key 中。",
                Secret = key,
                SecretLabel = "API 密钥",
                BackHref = "/admin/keys",
                BackLabel = "返回密钥列表",
            });
        }
        catch (RefusedInputException refused)
        {
            var page = await PageAsync(db, null, refused.Chinese, name, scope, ct);
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
    }

    private static async Task<IResult> RevokeAsync(
        int id, HttpContext context, IAntiforgery antiforgery, FeedbackDbContext db, ApiKeyCache cache, TimeProvider time, CancellationToken ct)
    {
        // The form has no fields of its own, so the antiforgery token is checked by hand.
        if (!await antiforgery.IsRequestValidAsync(context))
            return TypedResults.BadRequest();
        try
        {
            var key = await ApiKeyService.RevokeAsync(db, cache, id, AdminPages.Actor(context), time, ct);
            return TypedResults.Redirect($"/admin/keys?revoked={Uri.EscapeDataString(key.Name)}");
        }
        catch (RefusedInputException refused)
        {
            db.ChangeTracker.Clear();
            var page = await PageAsync(db, null, refused.Chinese, null, null, ct);
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
    }

    private static async Task<RazorComponentResult<KeysPage>> PageAsync(
        FeedbackDbContext db, string? revoked, string? error, string? name, string? scope, CancellationToken ct) =>
        new(new
        {
            Keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).ToListAsync(ct),
            Revoked = revoked, Error = error, Name = name, Scope = scope,
        });
}
