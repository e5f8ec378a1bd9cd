using Feedback.Tests.Accounts;
using Feedback.Tests.Cases;
using Feedback.Tests.Reports;
using Feedback.Web.Accounts;
using Feedback.Web.Departments;
using Feedback.Web.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Departments;

/// <summary>The service at <see cref="DepartmentFixture.Now"/>: its clock stands there.</summary>
public sealed class DepartmentApp() : CasesApp(DepartmentFixture.Now);

/// <summary>
/// Two weeks of generated ratings and cases in every department up to the middle of week 2026-W48, plus running cases
/// of D01 and D02 whose deadlines sit on the edges of "due today" and "overdue".
/// </summary>
public sealed class DepartmentFixture : IAsyncLifetime
{
    /// <summary>Wednesday 2026-11-25 15:00 in Beijing.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset DayEnds = new(2026, 11, 26, 0, 0, 0, TimeSpan.FromHours(8));
    public static readonly ReportWeek Week = ReportWeek.Containing(Now);

    public const string HeadD01 = "head.d01";
    public const string OfficerD01 = "officer.d01";
    public const string Quality = "quality";
    public const string Leader = "leader";

    public DepartmentApp App { get; } = new();
    public ReportRows Rows { get; } = WithEdges(ReportRows.Generate(Week, perWeek: 3000, weeks: 2, seed: 48, until: Now));
    public ExpectedFigures Expected => new(Rows);

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        await Rows.InsertAsync(App.ConnectionString);
        await Browser.CreateUserAsync(App, HeadD01, Roles.DepartmentHead, "D01", "D01主任");
        await Browser.CreateUserAsync(App, OfficerD01, Roles.DepartmentOfficer, "D01", "D01专员");
        await Browser.CreateUserAsync(App, Quality, Roles.QualityOfficer, null, "质量专员");
        await Browser.CreateUserAsync(App, Leader, Roles.Leader, null, "领导");
    }

    public async Task<DepartmentOverview?> OverviewAsync(string code)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DepartmentOverviewQuery>().ReadAsync(code, TestContext.Current.CancellationToken);
    }

    /// <summary>The weekly report of the running week, read now.</summary>
    public Task<WeeklyReport> ReportAsync() =>
        App.Services.GetRequiredService<WeeklyFigures>().ReadAsync(Week, Now, TestContext.Current.CancellationToken);

    /// <summary>Cases owed now, recomputed from the raw rows: running, overdue when escalated or past due, else due today before midnight.</summary>
    public CaseLoad ExpectedLoad(string department, Func<RawEvaluation, bool>? unit = null)
    {
        var evaluations = Rows.Evaluations.ToDictionary(e => e.Id);
        var running = Rows.Cases.Where(c => c.Department == department && c.State is "open" or "in_progress")
            .Where(c => unit is null || unit(evaluations[c.EvaluationId])).ToList();
        bool Overdue(RawCase c) => c.EscalatedAt is not null || c.DueAt < Now;
        return new(running.Count, running.Count(c => !Overdue(c) && c.DueAt < DayEnds), running.Count(Overdue));
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private static ReportRows WithEdges(ReportRows rows)
    {
        Edge(rows, "D01", "open", due: Now.AddHours(2));
        Edge(rows, "D01", "in_progress", due: DayEnds.AddSeconds(-1));
        Edge(rows, "D01", "open", due: DayEnds);
        Edge(rows, "D01", "open", due: Now);
        Edge(rows, "D01", "in_progress", due: Now.AddMinutes(-1));
        // Escalated, then given an extension: still overdue, although its new deadline is later today.
        Edge(rows, "D01", "open", due: Now.AddHours(3), escalated: Now.AddHours(-1));
        Edge(rows, "D01", "rectified", due: Now.AddHours(-5), replied: Now.AddHours(-6));
        Edge(rows, "D02", "open", due: Now.AddHours(-2));
        Edge(rows, "D02", "open", due: Now.AddHours(1));
        return rows;
    }

    private static void Edge(ReportRows rows, string department, string state, DateTimeOffset due, DateTimeOffset? escalated = null, DateTimeOffset? replied = null)
    {
        var (window, staff) = department == "D01" ? ("W001", "S001") : ("W006", "S016");
        var evaluation = new RawEvaluation(rows.Evaluations.Count + 1, due.AddHours(-24), "qr", 1, false, 1, department, window, staff,
            "queue", null, null, "排队排了两个小时", null);
        rows.Evaluations.Add(evaluation);
        rows.Cases.Add(new RawCase(rows.Cases.Count + 1, evaluation.Id, department, state, evaluation.EvaluatedAt, due, replied, null, escalated, null));
    }
}

[CollectionDefinition(Name)]
public sealed class DepartmentCollection : ICollectionFixture<DepartmentFixture>
{
    public const string Name = "department";
}
