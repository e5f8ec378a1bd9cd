using System.Text.RegularExpressions;

namespace Feedback.Web.Qr;

/// <summary>
/// The citizens' stylesheet and script, embedded in the assembly and inlined into each page: the rating page must be
/// one response (no second request on a weak connection). Comments and indentation are stripped once, at start-up.
/// </summary>
internal static partial class CitizenAssets
{
    public static string Style { get; } = Compact(Load("citizen.css"));
    public static string Script { get; } = Compact(Load("citizen.js"));
    /// <summary>The whole element: Razor refuses a script tag in a component, which it could not update in a browser.</summary>
    public static string ScriptElement { get; } = $"<script>{Script}</script>";

    private static string Load(string name)
    {
        using var stream = typeof(CitizenAssets).Assembly.GetManifestResourceStream($"Feedback.Web.Qr.Assets.{name}")
            ?? throw new InvalidOperationException($"The citizen asset {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // Only block comments are removed: neither file has "/*" inside a string.
    private static string Compact(string text) =>
        string.Join('\n', BlockComment().Replace(text, "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();
}
