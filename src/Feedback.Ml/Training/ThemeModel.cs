using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Transforms;

namespace Feedback.Ml;

/// <summary>Train, evaluate, cross-validate, save and load theme models. Works with any label set, not only the 11 themes.</summary>
public static class ThemeModel
{
    public static TrainedThemeModel Train(
        string csvPath, string textColumn = LabelledCsv.DefaultTextColumn, string labelColumn = LabelledCsv.DefaultLabelColumn,
        ThemePipeline? pipeline = null, Action<string>? log = null) =>
        Train(LabelledCsv.Read(csvPath, textColumn, labelColumn, log), pipeline, log);

    public static TrainedThemeModel Train(
        IEnumerable<(string Text, string Label)> examples, ThemePipeline? pipeline = null, Action<string>? log = null)
    {
        pipeline ??= ThemePipeline.Default;
        var rows = examples.Select(e => new TextRow { Text = e.Text, Label = e.Label }).ToList();
        var labelCount = RequireTwoLabels(rows);

        log?.Invoke($"training {pipeline} on {rows.Count} rows, {labelCount} labels");
        var watch = Stopwatch.StartNew();

        var ml = new MLContext(seed: 1);
        ThemeScorer scorer;
        using (new ProgressTicker(log, $"training {pipeline}"))
            scorer = pipeline.IsMlNet ? TrainMlNet(ml, rows, pipeline) : NativeTraining.Train(ml, rows, pipeline);

        log?.Invoke($"trained {pipeline} in {watch.Elapsed.TotalSeconds:F1} s");
        return new TrainedThemeModel(scorer, new ThemeModelInfo(pipeline.Name, [], rows.Count, DateTimeOffset.UtcNow));
    }

    public static ClassificationMetrics Evaluate(TrainedThemeModel model, IEnumerable<(string Text, string Label)> examples)
    {
        var rows = examples.ToList();
        if (rows.Count == 0)
            throw new ThemeDataException("no labelled rows to evaluate");
        var predicted = model.PredictLabels(rows.Select(r => r.Text));
        return ClassificationMetrics.Compute(rows.Select(r => r.Label).ToArray(), predicted);
    }

    public static CrossValidationResult CrossValidate(
        IEnumerable<(string Text, string Label)> examples, int folds, ThemePipeline? pipeline = null, Action<string>? log = null)
    {
        pipeline ??= ThemePipeline.Default;
        var rows = examples.ToList();
        if (folds < 2)
            throw new ThemeDataException($"--folds must be at least 2, got {folds}");
        if (folds > rows.Count)
            throw new ThemeDataException($"--folds {folds} is more than the {rows.Count} rows");
        RequireTwoLabels(rows.Select(r => new TextRow { Label = r.Label }).ToList());

        var watch = Stopwatch.StartNew();
        var fold = StratifiedFolds.Assign(rows.Select(r => r.Label).ToArray(), folds);
        var predicted = new ScoredLabel[rows.Count];
        var perFold = new List<ClassificationMetrics>();
        for (var k = 0; k < folds; k++)
        {
            var metrics = ScoreFold(rows, fold, k, pipeline, predicted);
            perFold.Add(metrics);
            log?.Invoke($"{pipeline} fold {k + 1}/{folds}: accuracy {metrics.Accuracy:F3}, macro-F1 {metrics.MacroF1:F3} ({watch.Elapsed.TotalSeconds:F1} s)");
        }
        var actual = rows.Select(r => r.Label).ToArray();
        var pooled = ClassificationMetrics.Compute(actual, [.. predicted.Select(p => p.Label)]);
        return new CrossValidationResult(pipeline.Name, folds, pooled,
            [.. perFold.Select(m => m.Accuracy)], [.. perFold.Select(m => m.MacroF1)], watch.Elapsed.TotalSeconds)
        {
            Actual = actual,
            OutOfFold = predicted,
        };
    }

    /// <summary>Trains without fold <paramref name="k"/>, predicts its rows into <paramref name="predicted"/> and scores them.</summary>
    private static ClassificationMetrics ScoreFold(
        List<(string Text, string Label)> rows, int[] fold, int k, ThemePipeline pipeline, ScoredLabel[] predicted)
    {
        var test = Enumerable.Range(0, rows.Count).Where(i => fold[i] == k).ToArray();
        var model = Train(rows.Where((_, i) => fold[i] != k), pipeline);
        var scored = model.Predict(test.Select(i => rows[i].Text));
        for (var j = 0; j < test.Length; j++)
            predicted[test[j]] = scored[j];
        return ClassificationMetrics.Compute(test.Select(i => rows[i].Label).ToArray(), [.. scored.Select(p => p.Label)]);
    }

    /// <summary>Writes to a temporary file and renames it, so a watching <see cref="ThemeClassifier"/> sees only whole files.</summary>
    public static void Save(TrainedThemeModel model, string path) => ModelFile.Save(model, path);

    public static TrainedThemeModel Load(string path) => ModelFile.Load(path);

    private static MlNetScorer TrainMlNet(MLContext ml, List<TextRow> rows, ThemePipeline pipeline)
    {
        var data = ml.Data.LoadFromEnumerable(rows);
        // Label keys are mapped outside the saved model: predictions need only Text, and labels sort by value.
        var keyed = ml.Transforms.Conversion
            .MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(data).Transform(data);
        return new MlNetScorer(ml, MlNetPipelineFactory.Build(ml, pipeline).Fit(keyed));
    }

    private static int RequireTwoLabels(List<TextRow> rows)
    {
        var labels = rows.Select(r => r.Label).Distinct().Count();
        if (labels < 2)
            throw new ThemeDataException($"need at least 2 distinct labels to train, found {labels} in {rows.Count} rows");
        return labels;
    }
}
