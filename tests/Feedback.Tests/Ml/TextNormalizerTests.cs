using Feedback.Ml;

namespace Feedback.Tests.Ml;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("ＡＢＣ１２３！", "abc123!")]
    [InlineData("态度　很差 \t啊\n", "态度很差啊")]
    [InlineData("APP闪退", "app闪退")]
    [InlineData("", "")]
    public void Normalize_FoldsWidthAndCaseAndDropsWhitespace(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Fact]
    public void Normalize_KeepsChinesePunctuationAndEmoji() =>
        Assert.Equal("好评。👍", TextNormalizer.Normalize("好评。👍"));
}
