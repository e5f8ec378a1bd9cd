using Feedback.Web.Qr;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Tracking;

/// <summary>What the citizen keeps after rating: the reference to read out and the private link to the tracking page.</summary>
/// <param name="Path">The link within the site, for the page's own link (the phone is on the site already).</param>
/// <param name="Url">The whole link from the public base URL, for the QR code kept in the phone's photos.</param>
public sealed record TrackingLink(string Reference, string Path, string Url);

/// <summary>Makes and reads tracking links: a rating's reference, signed with the QR links' keys, expiring.</summary>
internal sealed class TrackingLinks(TrackingReference references, QrKeyRing keys, IOptions<QrOptions> options, TimeProvider time)
{
    public async Task<TrackingLink> ForAsync(long evaluationId, CancellationToken ct)
    {
        var reference = await references.ToReferenceAsync(evaluationId, ct);
        var set = await keys.KeysAsync(ct);
        // Whole seconds: the token keeps its expiry in unix seconds.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() + options.Value.TrackingLifetime).ToUnixTimeSeconds());
        var token = TrackingToken.Encode(reference, expiresAt, set.SigningKeyId, set.SigningSecret);
        return new(TrackingReference.Format(reference), $"/t/{token}", Url(token));
    }

    /// <summary>The whole link from the public base URL: what the QR code carries.</summary>
    public string Url(string token) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/t/{token}";

    /// <summary>The rating's id and its reference, or why the token is not one of ours.</summary>
    public async Task<(long? EvaluationId, long Reference, QrTokenFailure Failure)> ReadAsync(string token, CancellationToken ct)
    {
        var set = await keys.KeysAsync(ct);
        var (reference, failure) = TrackingToken.Decode(token, set.Verifying.GetValueOrDefault, time.GetUtcNow());
        if (reference is null)
            return (null, 0, failure);
        var id = await references.ToIdAsync(reference.Value, ct);
        return id is null ? (null, 0, QrTokenFailure.Invalid) : (id, reference.Value, QrTokenFailure.None);
    }
}
