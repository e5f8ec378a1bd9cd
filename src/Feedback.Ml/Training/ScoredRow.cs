namespace Feedback.Ml;

/// <summary>The model's output: the label and one score per label, in <see cref="TrainedThemeModel.Labels"/> order.</summary>
internal sealed class ScoredRow
{
    public string PredictedLabel { get; set; } = string.Empty;

    public float[] Score { get; set; } = [];
}
