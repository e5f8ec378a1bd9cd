namespace Feedback.Web.Admin;

/// <summary>
/// Bad input to a set-up change (a person, an API key), refused before anything is written. The message is English for
/// the command line (which prints <see cref="Exception.Message"/>); <see cref="Chinese"/> is what the pages show, and
/// <see cref="Field"/> names the form field at fault.
/// </summary>
public sealed class RefusedInputException(string field, string message, string chinese) : ArgumentException(message)
{
    public string Field { get; } = field;
    public string Chinese { get; } = chinese;
}
