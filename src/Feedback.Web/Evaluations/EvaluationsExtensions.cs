using Feedback.Web.Import;
using Feedback.Web.Organization;

namespace Feedback.Web.Evaluations;

public static class EvaluationsExtensions
{
    public static IHostApplicationBuilder AddEvaluations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>().BindConfiguration("Ingest").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OrgDirectory>();
        builder.Services.AddSingleton<PhoneProtector>();
        builder.Services.AddSingleton<EvaluationValidator>();
        builder.Services.AddSingleton<EvaluationIntake>();
        builder.Services.AddSingleton<EvaluationStore>();
        builder.Services.AddSingleton<EvaluationBulkCopy>();
        builder.Services.AddSingleton<EvaluationWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EvaluationWriter>());
        return builder;
    }
}
