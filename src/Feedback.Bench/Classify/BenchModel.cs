using System.Diagnostics;
using Feedback.Ml;

namespace Feedback.Bench.Classify;

/// <summary>
/// One model of a bench run, saved to a temporary file for as long as the run needs it, with its own figures.
/// Predictions and loads use a model trained on the data file, as shipped; the large set only times training.
/// </summary>
internal sealed class BenchModel : IDisposable
{
    private BenchModel(TrainedThemeModel model, string path, BenchFigures figures) => (Model, Path, Figures) = (model, path, figures);

    public TrainedThemeModel Model { get; }

    public string Path { get; }

    public BenchFigures Figures { get; }

    public string Pipeline => Figures.Pipeline;

    public static BenchModel Train(
        ModelKind kind, ThemePipeline pipeline, IReadOnlyList<(string Text, string Label)> rows, ClassifyBenchOptions options, Action<string>? log)
    {
        var trainRows = SyntheticRows.Expand(rows, options.TrainRows);
        log?.Invoke($"{kind} {pipeline}: training on {trainRows.Count} rows");
        var watch = Stopwatch.StartNew();
        ThemeModel.Train(trainRows, pipeline);
        var trainSeconds = watch.Elapsed.TotalSeconds;
        var model = ThemeModel.Train(rows, pipeline);
        var texts = rows.Select(r => r.Text).ToArray();
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bench-{kind}-{Guid.NewGuid():N}.zip");
        ThemeModel.Save(model, path);
        var loads = Enumerable.Range(0, 6).Select(_ => ClassifyBench.TimeLoad(path)).ToArray();
        log?.Invoke($"{kind} {pipeline}: single predictions");
        double median, p99, perSecond;
        using (var classifier = ThemeClassifier.Load(path))
            (median, p99, perSecond) = ClassifyBench.SingleLatency(text => classifier.Predict(text), texts, options.SinglePredictions);
        log?.Invoke($"{kind} {pipeline}: batch predictions");
        var batch = ClassifyBench.BatchThroughput(b => model.PredictLabels(b), texts, options.BatchPredictions);
        return new BenchModel(model, path, new BenchFigures(kind.Name, pipeline.Name, batch, median, p99, perSecond, loads[0],
            ClassifyBench.Median(loads[1..]), trainSeconds, trainRows.Count, new FileInfo(path).Length));
    }

    public void Dispose() => File.Delete(Path);
}
