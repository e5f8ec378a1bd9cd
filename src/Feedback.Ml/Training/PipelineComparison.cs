namespace Feedback.Ml;

/// <summary>Cross-validates several pipelines on the same folds, one after another (training is CPU-bound).</summary>
public static class PipelineComparison
{
    public static IReadOnlyList<CrossValidationResult> Run(
        IReadOnlyList<(string Text, string Label)> rows, int folds, IEnumerable<ThemePipeline> pipelines, Action<string>? log = null)
    {
        var results = new List<CrossValidationResult>();
        foreach (var pipeline in pipelines)
        {
            var result = ThemeModel.CrossValidate(rows, folds, pipeline);
            log?.Invoke($"{pipeline.Name,-22} macro-F1 {result.Pooled.MacroF1:F4}  accuracy {result.Pooled.Accuracy:F4}  ({result.Seconds:F1} s)");
            results.Add(result);
        }
        return results;
    }

    /// <summary>Featurizers down, trainers across, pooled cross-validated macro-F1 in the cells.</summary>
    public static string FormatTable(IReadOnlyList<CrossValidationResult> results)
    {
        var pipelines = results.Select(r => ThemePipeline.Parse(r.Pipeline)).ToArray();
        var featurizers = pipelines.Select(p => p.Featurizer).Distinct().ToArray();
        var trainers = pipelines.Select(p => p.Trainer).Distinct().ToArray();
        var lines = new List<string> { $"| featurizer \\ trainer | {string.Join(" | ", trainers)} |", $"|---|{string.Concat(trainers.Select(_ => "---|"))}" };
        foreach (var f in featurizers)
        {
            var cells = trainers.Select(t => results.FirstOrDefault(r => r.Pipeline == $"{f}+{t}") is { } r ? $"{r.Pooled.MacroF1:F4}" : "");
            lines.Add($"| {f} | {string.Join(" | ", cells)} |");
        }
        return string.Join(Environment.NewLine, lines);
    }
}
