using System.ComponentModel.DataAnnotations;

namespace Feedback.Web.Classification;

/// <summary>Theme classification of comments. Bound from the "Classification" section.</summary>
public sealed class ClassificationOptions
{
    /// <summary>Classify comments when a rating is stored. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The model file; replaced files are picked up without a restart. A relative path is looked up in the current
    /// directory, then beside the program. Default: <c>models/themes.zip</c>.
    /// </summary>
    [Required]
    public string ModelPath { get; set; } = Path.Combine("models", "themes.zip");

    /// <summary>Below this confidence a rating is marked for review by the quality office. Default: 0.5.</summary>
    [Range(0, 1)]
    public double ReviewThreshold { get; set; } = 0.5;

    /// <summary>
    /// From this confidence a complaint theme on a 好评, or praise on a 差评, raises a signal
    /// (疑似差评 / appeal candidate). Default: 0.7.
    /// </summary>
    [Range(0, 1)]
    public double SignalThreshold { get; set; } = 0.7;
}
