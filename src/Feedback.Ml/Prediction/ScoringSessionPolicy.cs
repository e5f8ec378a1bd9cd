using Microsoft.Extensions.ObjectPool;

namespace Feedback.Ml;

internal sealed class ScoringSessionPolicy(ThemeScorer scorer) : IPooledObjectPolicy<ScoringSession>
{
    public ScoringSession Create() => scorer.CreateSession();

    public bool Return(ScoringSession session) => true;
}
