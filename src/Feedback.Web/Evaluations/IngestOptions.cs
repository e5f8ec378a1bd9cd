using System.ComponentModel.DataAnnotations;

namespace Feedback.Web.Evaluations;

/// <summary>Group commit of single ratings. Bound from the "Ingest" section.</summary>
public sealed class IngestOptions
{
    /// <summary>Concurrent writer connections; each commits one batch at a time. Default: 2 (fewer, larger commits measured best on 2 cores).</summary>
    [Range(1, 64)]
    public int Writers { get; set; } = 2;

    /// <summary>Most ratings committed together. Default: 256.</summary>
    [Range(1, 5000)]
    public int MaxBatch { get; set; } = 256;

    /// <summary>Ratings waiting for a writer before callers are held back. Default: 10,000.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;
}
