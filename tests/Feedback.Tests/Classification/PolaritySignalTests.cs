using Feedback.Web.Classification;

namespace Feedback.Tests.Classification;

public sealed class PolaritySignalTests
{
    [Theory]
    [InlineData(5, "complaint", 0.9f, ThemeSignals.SuspectedBad)]
    [InlineData(3, "complaint", 0.8f, ThemeSignals.SuspectedBad)] // 基本满意 counts as a 好评
    [InlineData(4, "complaint", 0.79f, null)] // not confident enough
    [InlineData(5, "praise", 0.99f, null)] // praise on a 好评 is just praise, whatever topic it names
    [InlineData(5, "neutral", 0.99f, null)]
    [InlineData(1, "praise", 0.9f, ThemeSignals.AppealCandidate)]
    [InlineData(2, "praise", 0.6f, null)]
    [InlineData(2, "complaint", 0.99f, null)] // a 差评 that complains is what it says
    [InlineData(1, "neutral", 0.99f, null)]
    [InlineData(5, null, null, null)] // no comment, or no polarity model
    public void Signal_DependsOnRatingPolarityAndConfidence(int rating, string? polarity, float? confidence, string? expected)
    {
        var signal = ThemeTagger.Signal(rating, polarity, confidence, threshold: 0.8);

        Assert.Equal(expected, signal);
    }
}
