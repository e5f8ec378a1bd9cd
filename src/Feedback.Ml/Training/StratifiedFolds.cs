namespace Feedback.Ml;

/// <summary>Assigns each row a fold so that every label is spread evenly over the folds; the same seed gives the same folds.</summary>
internal static class StratifiedFolds
{
    public static int[] Assign(IReadOnlyList<string> labels, int folds, int seed = 1)
    {
        var random = new Random(seed);
        var fold = new int[labels.Count];
        var next = 0;
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            // Continue the round-robin across labels so small labels do not all land in fold 0.
            foreach (var row in members)
                fold[row] = next++ % folds;
        }
        return fold;
    }
}
