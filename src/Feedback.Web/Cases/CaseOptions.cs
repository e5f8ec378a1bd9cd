using System.ComponentModel.DataAnnotations;
using Feedback.Web.Cases.Deadlines;

namespace Feedback.Web.Cases;

/// <summary>Reminders and the deadline sweep. Bound from the "Cases" section.</summary>
public sealed class CaseOptions : IValidatableObject
{
    /// <summary>
    /// When the owner is reminded, comma-separated: a share of the time allowed ("50%") or a span before the
    /// deadline ("1h", "30m"). Each reminder is sent at most once. Default: "50%,75%,1h".
    /// </summary>
    [Required]
    public string Reminders { get; set; } = "50%,75%,1h";

    /// <summary>
    /// How often each job server runs the deadline sweep that sends due reminders and escalations, on its own timer.
    /// Default: 10 s, so an alert is at most about 10 s late. The watchdog warns after three intervals without a sweep.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Cases handled per transaction by the sweep. Default: 500.</summary>
    [Range(1, 10_000)]
    public int SweepBatchSize { get; set; } = 500;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ReminderPoint.TryParseList(Reminders, out _))
            yield return new ValidationResult("Reminders must look like \"50%,75%,1h\".", [nameof(Reminders)]);
    }
}
