using Feedback.Web.Cases;
using Feedback.Web.Data;
using Feedback.Web.Evaluations;

namespace Feedback.Web.Import;

/// <summary>
/// Validated ratings for <see cref="EvaluationBulkCopy"/>, encoded for COPY as they are added. A chunk waits a while
/// for a writer: held as bytes it costs the GC nothing, where its 5,000 rating objects outlived the young generation
/// and were copied on (GC pauses were about a sixth of the import's time). Only bad ratings keep their object, to open
/// their case. Each row carries a caller's tag (the import's file line). Reused chunk after chunk: see <see cref="Clear"/>.
/// </summary>
public sealed class EvaluationCopyBatch : IDisposable
{
    private readonly List<int> _tags = [];
    private readonly List<(int Row, Evaluation Rating)> _opening = [];

    internal PgBinaryRows Rows { get; } = new(1 << 20);

    public int Count => Rows.Count;

    public int Tag(int row) => _tags[row];

    public void Add(Evaluation rating, int tag)
    {
        EvaluationBulkCopy.Encode(Rows, rating);
        _tags.Add(tag);
        if (CaseOpener.OpensCase(rating))
        {
            _opening.Add((Count - 1, rating));
        }
    }

    /// <summary>The bad ratings among <paramref name="rows"/> (all when null, else ascending), with the ids their rows were given.</summary>
    internal List<Evaluation> Opening(ArraySegment<int>? rows)
    {
        var opening = new List<Evaluation>(_opening.Count);
        foreach (var (row, rating) in _opening)
        {
            if (rows is null || rows.Value.AsSpan().BinarySearch(row) >= 0)
            {
                rating.Id = EvaluationBulkCopy.IdOf(Rows.Row(row));
                opening.Add(rating);
            }
        }
        return opening;
    }

    public void Clear()
    {
        Rows.Clear();
        _tags.Clear();
        _opening.Clear();
    }

    public void Dispose() => Rows.Dispose();
}
