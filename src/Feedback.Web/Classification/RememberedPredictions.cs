using System.Collections.Concurrent;
using Feedback.Ml;

namespace Feedback.Web.Classification;

/// <summary>
/// Predictions for short comments, remembered per model version. Citizens' comments repeat (办事效率高, 很满意,
/// 服务态度好 …) and a prediction depends only on the text and the model; scoring one cost about 1 µs, a quarter of the
/// import's own work per row. Bounded: texts of up to <see cref="MaxTextLength"/> characters, at most
/// <see cref="Capacity"/> of them; other texts are scored each time.
/// </summary>
internal sealed class RememberedPredictions
{
    public const int MaxTextLength = 32;
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, ThemePrediction> _predictions = new(StringComparer.Ordinal);
    private int _count;

    public ThemePrediction Predict(ThemeClassifier classifier, string text)
    {
        if (text.Length > MaxTextLength)
        {
            return classifier.Predict(text);
        }
        if (_predictions.TryGetValue(text, out var known) && known.ModelVersion == classifier.ModelVersion)
        {
            return known;
        }
        var prediction = classifier.Predict(text);
        if (known is not null)
        {
            // A reloaded model's answer replaces the old one.
            _predictions[text] = prediction;
        }
        else if (Volatile.Read(ref _count) < Capacity && _predictions.TryAdd(text, prediction))
        {
            Interlocked.Increment(ref _count);
        }
        return prediction;
    }
}
