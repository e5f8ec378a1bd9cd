using System.Text;

namespace Feedback.Ml;

/// <summary>Plain-text tables of metrics for a person at a terminal.</summary>
public static class MetricsText
{
    public static string Format(ClassificationMetrics metrics)
    {
        var text = new StringBuilder();
        text.AppendLine($"rows {metrics.Count}   accuracy {metrics.Accuracy:F4}   macro-F1 {metrics.MacroF1:F4}   " +
                        $"macro-precision {metrics.MacroPrecision:F4}   macro-recall {metrics.MacroRecall:F4}");
        text.AppendLine();
        text.AppendLine($"{"#",3} {"label",-18} {"support",8} {"precision",10} {"recall",8} {"f1",8}");
        for (var i = 0; i < metrics.PerClass.Count; i++)
        {
            var c = metrics.PerClass[i];
            text.AppendLine($"{i,3} {c.Label,-18} {c.Support,8} {c.Precision,10:F4} {c.Recall,8:F4} {c.F1,8:F4}");
        }
        text.AppendLine();
        text.AppendLine("confusion matrix (rows = actual, columns = predicted, numbered as above)");
        text.AppendLine("    " + string.Concat(metrics.Labels.Select((_, i) => $"{i,5}")));
        for (var a = 0; a < metrics.Labels.Count; a++)
            text.AppendLine($"{a,3} " + string.Concat(metrics.ConfusionMatrix[a].Select(n => $"{n,5}")));
        return text.ToString();
    }

    /// <summary>The four signal rates against the project's targets, one line each.</summary>
    public static string Format(PolaritySignalRates rates) =>
        $"signals at confidence ≥ {rates.Threshold:F2} ({rates.Praise} praise, {rates.Complaint} complaint, {rates.Neutral} neutral){Environment.NewLine}" +
        $"  good rating, praise+neutral flagged 疑似差评   {rates.GoodFalseFlags,7:P1}  (target ≤ 3 %){Environment.NewLine}" +
        $"  good rating, complaints flagged 疑似差评       {rates.GoodCaught,7:P1}  (target ≥ 80 %){Environment.NewLine}" +
        $"  bad rating, praise flagged appeal_candidate    {rates.BadAppealsCaught,7:P1}  (target ≥ 80 %){Environment.NewLine}" +
        $"  bad rating, complaints flagged appeal          {rates.BadFalseAppeals,7:P1}  (target ≤ 3 %){Environment.NewLine}" +
        $"  bad rating, neutral flagged appeal             {rates.BadNeutralAppeals,7:P1}{Environment.NewLine}";

    /// <summary>The signal rates at several thresholds, one row each.</summary>
    public static string FormatSweep(IEnumerable<PolaritySignalRates> sweep)
    {
        var text = new StringBuilder();
        text.AppendLine($"{"threshold",9} {"good: false flags",18} {"good: caught",13} {"bad: praise caught",19} {"bad: complaints",16} {"bad: neutral",13}");
        foreach (var r in sweep)
            text.AppendLine($"{r.Threshold,9:F2} {r.GoodFalseFlags,18:P1} {r.GoodCaught,13:P1} {r.BadAppealsCaught,19:P1} {r.BadFalseAppeals,16:P1} {r.BadNeutralAppeals,13:P1}");
        return text.ToString();
    }

    public static string Format(CrossValidationResult result) =>
        $"{result.Pipeline}, {result.Folds}-fold cross-validation, {result.Seconds:F1} s; " +
        $"fold macro-F1 {string.Join(" ", result.FoldMacroF1.Select(f => f.ToString("F3")))} (sd {result.MacroF1StdDev:F3})" +
        Environment.NewLine + Format(result.Pooled);
}
