using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Feedback.Web.Reports;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Feedback.Tests.Reports;

/// <summary>The service over a database holding three generated weeks that end with <see cref="Week"/>.</summary>
public sealed class ReportFixture : IAsyncLifetime
{
    public static readonly ReportWeek Week = new(2026, 40);

    public FeedbackApp App { get; } = new();
    public ReportRows Rows { get; } = ReportRows.Generate(Week, perWeek: 3000, weeks: 3, seed: 47);
    public ExpectedFigures Expected => new(Rows);

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        await Rows.InsertAsync(App.ConnectionString);
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var rename = new NpgsqlCommand($"UPDATE staff SET name = '{ReportRows.StaffName}' WHERE code = 'S003'", connection);
        await rename.ExecuteNonQueryAsync();
        await Browser.CreateUserAsync(App, "head.d01.b", Roles.DepartmentHead, "D01", "B主任");
        await Browser.CreateUserAsync(App, "head.d01.a", Roles.DepartmentHead, "D01", "A主任");
        await Browser.CreateUserAsync(App, "head.d02", Roles.DepartmentHead, "D02", "C主任");
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<WeeklyReport> ReadAsync(ReportWeek week) =>
        WithScopeAsync(sp => sp.GetRequiredService<WeeklyFigures>().ReadAsync(week, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken));

    public Task<RenderedReport> RenderAsync(ReportWeek week) =>
        WithScopeAsync(sp => sp.GetRequiredService<WeeklyReportJob>().RenderAsync(week, null, null, TestContext.Current.CancellationToken));

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
