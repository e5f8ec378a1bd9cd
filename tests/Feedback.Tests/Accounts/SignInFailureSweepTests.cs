using Feedback.Tests.Infrastructure;
using Feedback.Web.Qr;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Feedback.Tests.Accounts;

/// <summary>Old sign-in failure pairs are forgotten by the hourly sweep, not by each wrong password.</summary>
public sealed class SignInFailureSweepTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheHourlySweep_ForgetsPairsIdleForADay_AndKeepsRecentAndLockedOnes()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO sign_in_failures (user_name, address, failures, locked_until, updated_at) VALUES
              ('sweep.idle', '10.1.1.1', 2, NULL, now() - interval '25 hours'),
              ('sweep.locked', '10.1.1.1', 0, now() + interval '10 minutes', now() - interval '25 hours'),
              ('sweep.recent', '10.1.1.1', 3, NULL, now() - interval '1 hour')
            """, connection))
            await insert.ExecuteNonQueryAsync(Ct);

        await app.Services.GetRequiredService<QrDeviceSweeper>().SweepAsync(Ct);

        await using var left = new NpgsqlCommand("SELECT string_agg(user_name, ',' ORDER BY user_name) FROM sign_in_failures WHERE user_name LIKE 'sweep.%'", connection);
        Assert.Equal("sweep.locked,sweep.recent", await left.ExecuteScalarAsync(Ct));
    }
}
