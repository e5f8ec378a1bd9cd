namespace Feedback.Web.Keys;

/// <summary>The master key is missing, unreadable, or not the one the database's secrets were sealed with.</summary>
public sealed class KeyConfigurationException(string message) : InvalidOperationException(message);
