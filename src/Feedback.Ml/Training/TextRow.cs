namespace Feedback.Ml;

/// <summary>One labelled text as ML.NET sees it; predictions leave <see cref="Label"/> empty.</summary>
internal sealed class TextRow
{
    public string Text { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;
}
