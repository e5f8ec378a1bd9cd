using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Feedback.Tests.Cases;
using Feedback.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Feedback.Web.Evaluations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Feedback.Tests.Sms;

/// <summary><see cref="CasesApp"/> with SMS through a <see cref="SmsGatewayReceiver"/>, and every log line kept.</summary>
public class SmsApp : CasesApp
{
    public const string Secret = "sms-test-secret";
    public const string AppKey = "feedback-test";
    public const int PerNumberPerDay = 3;
    public const int KeepPhoneDays = 10;

    public SmsGatewayReceiver Gateway { get; } = new(Secret);

    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>Sms:PerDay, the service's texts in 24 hours: high enough here for every test of a class.</summary>
    public virtual int PerDay => 2000;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Sms:GatewayUrl", Gateway.Url), new("Sms:AppKey", AppKey), new("Sms:AppSecret", Secret), new("Sms:Timeout", "00:00:01"),
        new("Sms:PerNumberPerDay", PerNumberPerDay.ToString()), new("Sms:KeepPhoneDays", KeepPhoneDays.ToString()),
        new("Sms:SenderId", "某某政务服务中心"), new("Sms:PerDay", PerDay.ToString()),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(new KeptLogs(Logs)));
    }

    /// <summary>A number nobody else in the run uses, so the per-number limit counts only this test's messages.</summary>
    public static string NewPhone() => "139" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString();

    /// <summary>A 非常不满意 with <paramref name="phone"/> over the API; returns the id of its case.</summary>
    public async Task<long> OpenCaseWithPhoneAsync(string phone)
    {
        var body = TestRatings.Valid(rating: 1).With("rater", new { anonymous = false, phone });
        var response = await Ingest.PostRatingAsync(body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var evaluation = await response.Content.ReadFromJsonAsync<EvaluationResponse>(TestContext.Current.CancellationToken);
        return Assert.Single(await this.CaseIdsAsync(evaluation!.Id));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Gateway.DisposeAsync();
    }

    private sealed class KeptLogs(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + exception);

        public void Dispose()
        {
        }
    }
}

/// <summary>An <see cref="SmsApp"/> whose service may send two texts a day in all.</summary>
public sealed class SmsDailyLimitApp : SmsApp
{
    public override int PerDay => 2;
}
