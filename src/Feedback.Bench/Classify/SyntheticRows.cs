using Feedback.Ml;

namespace Feedback.Bench.Classify;

/// <summary>
/// Grows a labelled set to a given size for timing only: each new row joins two texts of one label and drops a
/// character or two, so rows differ and the vocabulary grows roughly as it would with real data.
/// </summary>
public static class SyntheticRows
{
    public static IReadOnlyList<(string Text, string Label)> Expand(IReadOnlyList<(string Text, string Label)> rows, int count, int seed = 7)
    {
        var random = new Random(seed);
        var byLabel = rows.GroupBy(r => r.Label).ToDictionary(g => g.Key, g => g.Select(r => r.Text).ToArray());
        var result = new List<(string, string)>(Math.Max(count, rows.Count));
        result.AddRange(rows.Take(count));
        while (result.Count < count)
        {
            var (text, label) = rows[random.Next(rows.Count)];
            var same = byLabel[label];
            var joined = random.Next(2) == 0 ? text : $"{text}，{same[random.Next(same.Length)]}";
            for (var drop = random.Next(1, 3); drop > 0 && joined.Length > 2; drop--)
                joined = joined.Remove(random.Next(joined.Length), 1);
            result.Add((joined, label));
        }
        return result;
    }
}
