using Feedback.Web.Accounts;
using Feedback.Web.Admin;
using Feedback.Web.ApiKeys;
using Feedback.Web.Cases;
using Feedback.Web.Classification;
using Feedback.Web.Cli;
using Feedback.Web.Data;
using Feedback.Web.Departments;
using Feedback.Web.Overview;
using Feedback.Web.Evaluations;
using Feedback.Web.Infrastructure;
using Feedback.Web.Jobs;
using Feedback.Web.Keys;
using Feedback.Web.Notifications;
using Feedback.Web.Organization;
using Feedback.Web.Organization.Pages;
using Feedback.Web.Pages;
using Feedback.Web.Qr;
using Feedback.Web.Reports;
using Feedback.Web.Sms;
using Feedback.Web.Tracking;

// The one deployable: with no subcommand (or `serve`) it runs the web service; other subcommands are tools.
return await FeedbackCommandLine.Create().Parse(args).InvokeAsync();

public partial class Program
{
    internal static WebApplication BuildWebApp(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

        // PostgreSQL: the configured server, or a private embedded cluster
        builder.AddDatabase();

        // The master key (configuration or a key file outside the database) and the database's secrets sealed with it
        builder.AddKeys();

        // The centre's clock: its time zone, its days and weeks
        builder.AddCentreTime();

        // Hangfire on the same database, with an in-process server
        builder.AddJobs();

        // API keys for machines
        builder.AddApiKeys();

        // People: users with roles, cookie sign-in with antiforgery, lockout
        builder.AddAccounts();

        // Who may do what: every named policy, and what a caller may see
        builder.AddFeedbackAuthorization();

        // Ratings: validation, group-commit writer
        builder.AddEvaluations();

        // The organisation register: departments, windows, staff, service items; import, export, admin pages
        builder.AddOrganization();

        // Rectification cases: deadlines, reminders and escalation on each job server's timer
        builder.AddCases();

        // Notifications: the outbox delivered through its channels, the in-app inbox and the webhook
        builder.AddNotifications();

        // QR ratings: signed links, the citizens' page, posters
        builder.AddQr();

        // The citizen's side of the loop: reference, tracking page, follow-up rating
        builder.AddTracking();
        builder.AddSms();

        // Complaint themes: ML.NET model, hot-reloaded
        builder.AddClassification();

        // Weekly reports: PDF and PNGs every Monday, an index, pages
        builder.AddReports();

        // Department overview: cases owed now and the week's figures as the report counts them
        builder.AddDepartmentPages();
        // The centre's live overview for leaders (/overview)
        builder.AddOverview();

        // Pages: Razor components rendered on the server in one layout; errors on pages as pages
        builder.AddPages();

        // Errors as ProblemDetails, OpenAPI document
        builder.AddApiInfrastructure();

        // The client's address and scheme from a configured reverse proxy (X-Forwarded-For, X-Forwarded-Proto)
        builder.AddForwardedHeaders();

        // Hosted services that read the database start once it is ready (the start-up waits for it)
        builder.Services.StartKeyRingAfterDatabase();

        var app = builder.Build();

        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestGuard();
        app.UseOneCredential();
        app.UseCrossSiteGuard();
        app.UseDatabaseGate();
        app.UseAuthentication();
        app.UseForcedPasswordChange();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapHealth();
        app.MapOrg();
        app.MapOrgPages();
        app.MapEvaluations();
        app.MapQr();
        app.MapTracking();
        app.MapThemeCorrections();
        app.MapCases();
        app.MapCasePages();
        app.MapNotifications();
        app.MapPageAssets();
        app.MapAccounts();
        app.MapReports();
        app.MapDepartmentPages();
        app.MapOverview();
        app.MapJobsDashboard();
        app.MapAdmin();

        return app;
    }
}
