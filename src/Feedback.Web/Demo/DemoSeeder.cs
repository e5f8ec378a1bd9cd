using Feedback.Web.Accounts;
using Feedback.Web.Admin;
using Feedback.Web.Data;
using Feedback.Web.Evaluations;
using Feedback.Web.Infrastructure;
using Feedback.Web.Organization;
using Feedback.Web.Organization.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.Demo;

/// <summary>
/// Fills an empty database with a demo centre (8 departments, 40 windows, 120 staff, 60 service items)
/// and six weeks of ratings. The random seed is fixed, so every demo shows the same data.
/// </summary>
public static class DemoSeeder
{
    public const int Seed = 20261123;
    public const int Weeks = 6;
    public const int RatingsPerDay = 900;

    public static async Task SeedIfEmptyAsync(IServiceProvider services, TextWriter log, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        if (await db.Departments.AnyAsync(ct) || await db.Evaluations.AnyAsync(ct))
        {
            await log.WriteLineAsync("demo: the database has data already; nothing added.");
            return;
        }
        await SeedOrganizationAsync(db, ct);
        services.GetRequiredService<OrgDirectory>().Invalidate();
        var time = services.GetRequiredService<TimeProvider>();
        var generator = ActivatorUtilities.CreateInstance<DemoRatingGenerator>(services, new Random(Seed),
            await db.Staff.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct), await db.ServiceItems.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct));
        var count = await SeedRatingsAsync(generator, services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<EvaluationStore>(), time.GetUtcNow(), ct);
        await DemoCaseHistory.WriteAsync(db, time.GetUtcNow(), ct);
        var users = scope.ServiceProvider.GetRequiredService<UserService>();
        foreach (var user in DemoCaseHistory.Users)
        {
            await users.CreateAsync(user, ct);
        }
        await log.WriteLineAsync($"demo: added {DemoData.Departments.Length} departments, {count:N0} ratings over {Weeks} weeks and {await db.Cases.CountAsync(ct):N0} rectification cases.");
        await log.WriteLineAsync($"demo: sign in at /signin as {string.Join(", ", DemoCaseHistory.Users.Select(u => u.UserName))} with the password {DemoCaseHistory.Password}");
    }

    /// <summary>
    /// The demo organisation alone (used by benchmarks and tests too), loaded through the organisation import, as a
    /// real centre's file would be.
    /// </summary>
    public static async Task SeedOrganizationAsync(FeedbackDbContext db, CancellationToken ct)
    {
        // Seeding runs without the host too (benchmarks, tests); the demo centre keeps the default zone.
        var centre = new CentreTime(Options.Create(new CentreTimeOptions()), TimeProvider.System);
        var importer = new OrgImporter(db, new AdminAudit(db, TimeProvider.System), TimeProvider.System, centre);
        var result = await importer.SeedAsync(DemoOrganization.Rows(), ct);
        if (result.Outcome is not (OrgOutcome.Applied or OrgOutcome.Unchanged))
        {
            throw new InvalidOperationException($"The demo organisation does not import: {string.Join("; ", result.Plan.Problems.Select(result.Plan.Input.Describe))}");
        }
    }

    private static async Task<int> SeedRatingsAsync(DemoRatingGenerator generator, NpgsqlDataSource dataSource, EvaluationStore store, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var total = 0;
        var start = now.AddDays(-7 * Weeks);
        for (var day = start; day < now; day = day.AddDays(1))
        {
            var batch = generator.Day(day, now, RatingsPerDay).ToList();
            await store.InsertAsync(connection, batch, ct);
            total += batch.Count;
        }
        return total;
    }
}
