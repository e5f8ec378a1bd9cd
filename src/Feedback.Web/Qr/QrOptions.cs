using System.ComponentModel.DataAnnotations;

namespace Feedback.Web.Qr;

/// <summary>QR rating links, the citizens' page and posters. Bound from the "Qr" section.</summary>
public sealed class QrOptions : IValidatableObject
{
    /// <summary>
    /// Keys that sign and verify links. Default: none, in which case one random key is kept per database
    /// (table app_secrets, sealed with the master key), so every process on that database agrees without configuration.
    /// </summary>
    public List<QrKey> Keys { get; set; } = [];

    /// <summary>The id of the key in <see cref="Keys"/> that signs new links. Default: null, the first key not retired.</summary>
    public string? SigningKeyId { get; set; }

    /// <summary>Where citizens' phones reach the service; links and posters point here. Default: http://127.0.0.1:5080.</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The centre's name on the page and the posters. Default: 政务服务中心.</summary>
    [Required]
    public string CentreName { get; set; } = "政务服务中心";

    /// <summary>How long a receipt (办件) link stays valid. Default: 30 days.</summary>
    public TimeSpan ReceiptLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a poster link stays valid; null never expires (reprint after a key is retired). Default: null.</summary>
    public TimeSpan? PosterLifetime { get; set; }

    /// <summary>How long the tracking link of a rating (<c>/t/{token}</c>) stays valid. Default: 180 days.</summary>
    public TimeSpan TrackingLifetime { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Tracking page requests (views and follow-up ratings) one client address may make per minute. Default: 60.</summary>
    [Range(1, 1_000_000)]
    public int TrackingRequestsPerMinutePerClient { get; set; } = 60;

    /// <summary>A device rates one poster once within this time; zero turns the rule off. Default: 30 minutes.</summary>
    public TimeSpan DeviceWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Ratings one client address may post per minute (a hall's Wi-Fi shares one address). Default: 30.</summary>
    [Range(1, 1_000_000)]
    public int PostsPerMinutePerClient { get; set; } = 30;

    /// <summary>
    /// Rating posts one client address may make to one link within <see cref="DeviceWindow"/>, counted per process: the
    /// server-side floor under the device cookie, which a phone can clear. A hall's Wi-Fi puts every phone behind one
    /// address, and one window serves a citizen every few minutes at best, so 20 in 30 minutes (one every 90 s) stops
    /// nobody honest while a phone that clears its cookie gains 20 ratings of a poster instead of 30 a minute. Default: 20.
    /// </summary>
    [Range(1, 1_000_000)]
    public int PostsPerDeviceWindowPerClientAndLink { get; set; } = 20;

    /// <summary>Ratings one link may receive per minute, whoever posts them. Default: 20.</summary>
    [Range(1, 1_000_000)]
    public int PostsPerMinutePerLink { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Keys.Any(k => string.IsNullOrWhiteSpace(k.Id) || k.Id.Length > QrKey.MaxIdLength || !k.Id.All(char.IsAsciiLetterOrDigit)))
            yield return new($"Every Qr:Keys entry needs an Id of 1-{QrKey.MaxIdLength} ASCII letters or digits.", [nameof(Keys)]);
        if (Keys.Any(k => QrKey.TryDecodeSecret(k.Secret) is null))
            yield return new($"Every Qr:Keys Secret must be base64 of at least {QrKey.MinSecretBytes} bytes.", [nameof(Keys)]);
        if (Keys.Count > 0 && Keys.All(k => k.Retired))
            yield return new("At least one Qr:Keys entry must not be retired.", [nameof(Keys)]);
        if (SigningKeyId is not null && !Keys.Any(k => k.Id == SigningKeyId && !k.Retired))
            yield return new("Qr:SigningKeyId must name a key in Qr:Keys that is not retired.", [nameof(SigningKeyId)]);
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out _))
            yield return new("Qr:PublicBaseUrl must be an absolute URL.", [nameof(PublicBaseUrl)]);
    }
}

/// <summary>One signing key. A retired key no longer verifies: links signed with it show the error page.</summary>
public sealed class QrKey
{
    public const int MaxIdLength = 8;
    public const int MinSecretBytes = 32;

    public string Id { get; set; } = "";

    /// <summary>Base64 of at least 32 random bytes, e.g. <c>openssl rand -base64 32</c>.</summary>
    public string Secret { get; set; } = "";

    public bool Retired { get; set; }

    internal static byte[]? TryDecodeSecret(string secret)
    {
        var buffer = new byte[secret.Length];
        return Convert.TryFromBase64String(secret, buffer, out var length) && length >= MinSecretBytes ? buffer[..length] : null;
    }
}
