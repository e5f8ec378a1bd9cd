using Feedback.Ml;
using Feedback.Web.Evaluations;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Classification;

/// <summary>
/// Classifies a rating's comment as it is stored: theme, confidence, top three, model version, and the flags for
/// the quality office. Without a model file the service still stores ratings, unclassified, and says so once.
/// </summary>
public sealed class ThemeTagger(IOptions<ClassificationOptions> options, ILogger<ThemeTagger> logger) : IDisposable
{
    private readonly Lazy<ThemeClassifier?> _classifier = new(() => Load(options.Value, logger));
    private readonly RememberedPredictions _remembered = new();

    public bool IsAvailable => options.Value.Enabled && _classifier.Value is not null;

    public string? ModelVersion => IsAvailable ? _classifier.Value!.ModelVersion : null;

    public void Tag(Evaluation evaluation)
    {
        if (evaluation.Comment is null || !IsAvailable)
        {
            return;
        }
        var prediction = _remembered.Predict(_classifier.Value!, evaluation.Comment);
        evaluation.Theme = prediction.Theme;
        evaluation.ThemeConfidence = prediction.Confidence;
        var top3 = prediction.Top3;
        evaluation.ThemeSecond = top3.Count > 1 ? top3[1].Theme : null;
        evaluation.ThemeSecondScore = top3.Count > 1 ? top3[1].Score : null;
        evaluation.ThemeThird = top3.Count > 2 ? top3[2].Theme : null;
        evaluation.ThemeThirdScore = top3.Count > 2 ? top3[2].Score : null;
        evaluation.ModelVersion = prediction.ModelVersion;
        evaluation.NeedsReview = prediction.Confidence < options.Value.ReviewThreshold;
        evaluation.ThemeSignal = Signal(evaluation.Rating, prediction, options.Value.SignalThreshold);
    }

    internal static string? Signal(int rating, ThemePrediction prediction, double threshold) =>
        prediction.Confidence < threshold ? null
        : !Ratings.IsBad(rating) && Themes.IsComplaint(prediction.Theme) ? ThemeSignals.SuspectedBad
        : Ratings.IsBad(rating) && prediction.Theme == Themes.PraiseMismatch ? ThemeSignals.AppealCandidate
        : null;

    public void Dispose()
    {
        if (_classifier.IsValueCreated)
        {
            _classifier.Value?.Dispose();
        }
    }

    private static ThemeClassifier? Load(ClassificationOptions options, ILogger logger)
    {
        if (!options.Enabled)
        {
            return null;
        }
        var path = ResolveModelPath(options.ModelPath);
        if (path is null)
        {
            logger.LogWarning("No theme model at {Path}: ratings are stored without a theme. Train one with `train`.", options.ModelPath);
            return null;
        }
        var classifier = ThemeClassifier.Load(path);
        classifier.ModelReloaded += info => logger.LogInformation("Theme model reloaded: version {Version}", info.Version);
        classifier.ReloadFailed += ex => logger.LogError(ex, "A replaced theme model could not be loaded; the previous one keeps serving");
        logger.LogInformation("Theme model {Path}, version {Version}", path, classifier.ModelVersion);
        return classifier;
    }

    internal static string? ResolveModelPath(string path) =>
        new[] { Path.GetFullPath(path), Path.Combine(AppContext.BaseDirectory, path) }.FirstOrDefault(File.Exists);
}
