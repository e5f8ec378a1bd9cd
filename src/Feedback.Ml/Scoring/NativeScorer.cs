namespace Feedback.Ml;

/// <summary>Our character n-gram featurizer plus a linear model copied out of ML.NET: no ML.NET on the prediction path.</summary>
internal sealed class NativeScorer(CharNgramFeaturizer featurizer, LinearModel model, string[] labels) : ThemeScorer
{
    public CharNgramFeaturizer Featurizer { get; } = featurizer;

    public LinearModel Model { get; } = model;

    public override IReadOnlyList<string> Labels { get; } = labels;

    public override ScoringSession CreateSession() => new Session(this);

    private sealed class Session(NativeScorer scorer) : ScoringSession
    {
        private readonly FeatureWorkspace _features = new(scorer.Featurizer.FeatureCount);
        private readonly float[] _scores = new float[scorer.Model.ClassCount];
        private char[] _text = new char[256];

        public override ReadOnlySpan<float> Score(string text)
        {
            if (text.Length > _text.Length)
                _text = new char[text.Length];
            var length = TextNormalizer.Normalize(text, _text);
            scorer.Featurizer.Featurize(_text.AsSpan(0, length), _features);
            scorer.Model.Score(_features, _scores);
            return _scores;
        }
    }
}
