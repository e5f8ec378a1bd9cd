namespace Feedback.Web.Keys;

/// <summary>
/// The master key that seals every other secret the database holds. Bound from the "Keys" section. Every process on one
/// database needs the same master key.
/// </summary>
public sealed class KeyOptions
{
    /// <summary>Base64 of 32 random bytes (<c>openssl rand -base64 32</c>). Default: unset. Takes precedence over <see cref="File"/>.</summary>
    public string? Master { get; set; }

    /// <summary>
    /// A file holding the master key as base64, created (mode 0600) with a random key if missing. Default: unset, which on
    /// the embedded database means <c>feedback.key</c> beside the cluster's directory (<c>data/feedback.key</c>); with a
    /// configured connection string, unset <see cref="Master"/> and <see cref="File"/> stop the start.
    /// </summary>
    public string? File { get; set; }

    /// <summary>Earlier master keys (base64), during a rotation: secrets sealed with one are sealed again with the current key. Default: none.</summary>
    public List<string> Previous { get; set; } = [];
}
