using Feedback.Ml;
using Feedback.Web.Classification;

namespace Feedback.Tests.Classification;

public sealed class ThemeSignalTests
{
    private static ThemePrediction Predict(string theme, float confidence) => new(theme, confidence, [], "v");

    [Theory]
    [InlineData(5, "attitude", 0.9f, ThemeSignals.SuspectedBad)]
    [InlineData(3, "queue", 0.8f, ThemeSignals.SuspectedBad)]
    [InlineData(4, "attitude", 0.5f, null)] // not confident enough
    [InlineData(5, "other", 0.95f, null)] // "other" is no concrete complaint
    [InlineData(5, "praise_mismatch", 0.99f, null)] // praise on a 好评 is just praise
    [InlineData(1, "praise_mismatch", 0.9f, ThemeSignals.AppealCandidate)]
    [InlineData(2, "praise_mismatch", 0.6f, null)]
    [InlineData(2, "attitude", 0.99f, null)] // a 差评 about attitude is what it says
    public void Signal_DependsOnRatingThemeAndConfidence(int rating, string theme, float confidence, string? expected)
    {
        var signal = ThemeTagger.Signal(rating, Predict(theme, confidence), threshold: 0.7);

        Assert.Equal(expected, signal);
    }
}
