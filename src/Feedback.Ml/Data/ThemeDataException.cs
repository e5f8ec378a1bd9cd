namespace Feedback.Ml;

/// <summary>Input the caller can fix (missing file or column, too few labels, bad fold count); the message is meant for a person.</summary>
public sealed class ThemeDataException(string message) : Exception(message);
