namespace Feedback.Ml;

internal static class TopScores
{
    private const int Count = 3;

    public static ThemePrediction ToPrediction(ReadOnlySpan<float> scores, IReadOnlyList<string> labels, string version)
    {
        Span<int> best = stackalloc int[Count];
        var found = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            // Insertion into a 3-slot ranking: cheaper than sorting every score.
            var at = found;
            while (at > 0 && scores[best[at - 1]] < scores[i])
                at--;
            if (at >= Count)
                continue;
            for (var j = Math.Min(found, Count - 1); j > at; j--)
                best[j] = best[j - 1];
            best[at] = i;
            found = Math.Min(found + 1, Count);
        }
        var top = new ThemeScore[found];
        for (var i = 0; i < found; i++)
            top[i] = new ThemeScore(labels[best[i]], scores[best[i]]);
        return found == 0
            ? new ThemePrediction(string.Empty, 0, top, version)
            : new ThemePrediction(top[0].Theme, top[0].Score, top, version);
    }
}
