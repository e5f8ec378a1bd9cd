namespace Feedback.Tests.Infrastructure;

/// <summary>The master key of the test run's services (a configured database needs one), and keys for rotation tests.</summary>
public static class TestKeys
{
    public static readonly string Master = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <summary>A fresh random key, as `openssl rand -base64 32` makes.</summary>
    public static string NewKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
