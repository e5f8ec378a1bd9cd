using System.ComponentModel.DataAnnotations;
using Feedback.Ml;

namespace Feedback.Web.Classification;

/// <summary>Theme and polarity classification of comments. Bound from the "Classification" section.</summary>
public sealed class ClassificationOptions
{
    /// <summary>Classify comments when a rating is stored. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The theme model file; replaced files are picked up without a restart. A relative path is looked up in the
    /// current directory, then beside the program. Default: <c>models/themes.zip</c>.
    /// </summary>
    [Required]
    public string ModelPath { get; set; } = Path.Combine("models", "themes.zip");

    /// <summary>The polarity model file (praise, complaint, neutral), found and reloaded as the theme model. Default: <c>models/polarity.zip</c>.</summary>
    [Required]
    public string PolarityModelPath { get; set; } = Path.Combine("models", "polarity.zip");

    /// <summary>Below this confidence a rating is marked for review by the quality office. Default: 0.5.</summary>
    [Range(0, 1)]
    public double ReviewThreshold { get; set; } = 0.5;

    /// <summary>
    /// From this polarity confidence a complaint on a 好评 raises 疑似差评 (suspected_bad), and praise on a 差评 an
    /// appeal candidate. Default: 0.75, chosen on the dev file (see docs/model-card.md).
    /// </summary>
    [Range(0, 1)]
    public double SignalThreshold { get; set; } = PolaritySignalRates.DefaultThreshold;

    /// <summary>Ratings re-scored per transaction by <c>reclassify</c> and its job. Default: 2,000.</summary>
    [Range(1, 100_000)]
    public int ReclassifyBatchSize { get; set; } = 2_000;
}
