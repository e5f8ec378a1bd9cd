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

    public static string Format(CrossValidationResult result) =>
        $"{result.Pipeline}, {result.Folds}-fold cross-validation, {result.Seconds:F1} s; " +
        $"fold macro-F1 {string.Join(" ", result.FoldMacroF1.Select(f => f.ToString("F3")))} (sd {result.MacroF1StdDev:F3})" +
        Environment.NewLine + Format(result.Pooled);
}
