using Feedback.Ml;
using Feedback.Web.Evaluations;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Classification;

/// <summary>
/// Classifies a rating's comment as it is stored, with two models: the theme (what it is about: confidence, top three,
/// model version, review flag) for display and routing, and the polarity (praise, complaint or neutral) from which,
/// with the rating, the quality office's signal comes. Without a model file the service still stores ratings, without
/// what that model adds, and says so once.
/// </summary>
public sealed class ThemeTagger : IDisposable
{
    private readonly IOptions<ClassificationOptions> _options;
    private readonly Lazy<ThemeClassifier?> _themes;
    private readonly Lazy<ThemeClassifier?> _polarity;
    private readonly RememberedPredictions _rememberedThemes = new();
    private readonly RememberedPredictions _rememberedPolarity = new();

    public ThemeTagger(IOptions<ClassificationOptions> options, ILogger<ThemeTagger> logger)
    {
        _options = options;
        _themes = new(() => Load(options.Value.ModelPath, "theme", logger));
        _polarity = new(() => Load(options.Value.PolarityModelPath, "polarity", logger));
    }

    public bool IsAvailable => _options.Value.Enabled && (_themes.Value is not null || _polarity.Value is not null);

    public string? ModelVersion => _options.Value.Enabled ? _themes.Value?.ModelVersion : null;

    public string? PolarityModelVersion => _options.Value.Enabled ? _polarity.Value?.ModelVersion : null;

    /// <summary>Raised after either model file was replaced and reloaded: stored ratings may need re-scoring.</summary>
    public event Action? ModelReloaded;

    public void Tag(Evaluation evaluation)
    {
        if (evaluation.Comment is null || !IsAvailable)
        {
            return;
        }
        if (_themes.Value is { } themes)
        {
            TagTheme(evaluation, _rememberedThemes.Predict(themes, evaluation.Comment));
        }
        if (_polarity.Value is { } polarity)
        {
            var prediction = _rememberedPolarity.Predict(polarity, evaluation.Comment);
            (evaluation.Polarity, evaluation.PolarityConfidence, evaluation.PolarityModelVersion) = (prediction.Theme, prediction.Confidence, prediction.ModelVersion);
        }
        evaluation.ThemeSignal = Signal(evaluation.Rating, evaluation.Polarity, evaluation.PolarityConfidence, _options.Value.SignalThreshold);
    }

    private void TagTheme(Evaluation evaluation, ThemePrediction prediction)
    {
        evaluation.Theme = prediction.Theme;
        evaluation.ThemeConfidence = prediction.Confidence;
        var top3 = prediction.Top3;
        evaluation.ThemeSecond = top3.Count > 1 ? top3[1].Theme : null;
        evaluation.ThemeSecondScore = top3.Count > 1 ? top3[1].Score : null;
        evaluation.ThemeThird = top3.Count > 2 ? top3[2].Theme : null;
        evaluation.ThemeThirdScore = top3.Count > 2 ? top3[2].Score : null;
        evaluation.ModelVersion = prediction.ModelVersion;
        // An officer's correction settles the theme; only an uncorrected, unsure prediction asks for review.
        evaluation.NeedsReview = evaluation.CorrectedTheme is null && prediction.Confidence < _options.Value.ReviewThreshold;
    }

    /// <summary>
    /// 疑似差评: a good rating (3-5) whose comment is confidently a complaint; appeal candidate: a bad rating (1-2) whose
    /// comment is confidently praise. The theme plays no part: praise that names a topic (排队不久) is still praise.
    /// </summary>
    internal static string? Signal(int rating, string? polarity, float? confidence, double threshold) =>
        polarity is null || confidence is not { } c || c < threshold ? null
        : !Ratings.IsBad(rating) && polarity == PolarityLabels.Complaint ? ThemeSignals.SuspectedBad
        : Ratings.IsBad(rating) && polarity == PolarityLabels.Praise ? ThemeSignals.AppealCandidate
        : null;

    public void Dispose()
    {
        if (_themes.IsValueCreated)
        {
            _themes.Value?.Dispose();
        }
        if (_polarity.IsValueCreated)
        {
            _polarity.Value?.Dispose();
        }
    }

    private ThemeClassifier? Load(string configuredPath, string kind, ILogger log)
    {
        if (!_options.Value.Enabled)
        {
            return null;
        }
        var path = ResolveModelPath(configuredPath);
        if (path is null)
        {
            log.LogWarning("No {Kind} model at {Path}: ratings are stored without it. Train one with `train --model {Kind}`.", kind, configuredPath, kind == "theme" ? "themes" : kind);
            return null;
        }
        var classifier = ThemeClassifier.Load(path);
        classifier.ModelReloaded += info =>
        {
            log.LogInformation("The {Kind} model was reloaded: version {Version}", kind, info.Version);
            ModelReloaded?.Invoke();
        };
        classifier.ReloadFailed += ex => log.LogError(ex, "A replaced {Kind} model could not be loaded; the previous one keeps serving", kind);
        log.LogInformation("The {Kind} model {Path}, version {Version}", kind, path, classifier.ModelVersion);
        return classifier;
    }

    internal static string? ResolveModelPath(string path) =>
        new[] { Path.GetFullPath(path), Path.Combine(AppContext.BaseDirectory, path) }.FirstOrDefault(File.Exists);
}
