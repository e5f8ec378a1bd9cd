namespace Feedback.Ml;

/// <summary>
/// Fits p = 1 / (1 + exp(slope·score + offset)) to binary outcomes (Platt 1999, with the Newton method and
/// smoothed targets of Lin, Lin and Weng 2007), the same form as ML.NET's PlattCalibrator.
/// </summary>
internal static class PlattScaling
{
    public static (float Slope, float Offset) Fit(IReadOnlyList<float> scores, IReadOnlyList<bool> positive)
    {
        double positives = positive.Count(p => p), negatives = positive.Count - positives;
        var high = (positives + 1) / (positives + 2);
        var low = 1 / (negatives + 2);
        double a = 0, b = Math.Log((negatives + 1) / (positives + 1));
        var loss = Loss(scores, positive, a, b, high, low);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double h11 = 1e-12, h22 = 1e-12, h21 = 0, g1 = 0, g2 = 0;
            for (var i = 0; i < scores.Count; i++)
            {
                var p = Probability(scores[i], a, b);
                var t = positive[i] ? high : low;
                var d2 = p * (1 - p);
                h11 += scores[i] * scores[i] * d2; h22 += d2; h21 += scores[i] * d2;
                g1 += scores[i] * (t - p); g2 += t - p;
            }
            if (Math.Abs(g1) < 1e-5 && Math.Abs(g2) < 1e-5)
                break;
            var det = h11 * h22 - h21 * h21;
            var da = -(h22 * g1 - h21 * g2) / det;
            var db = -(-h21 * g1 + h11 * g2) / det;
            var step = 1.0;
            // Backtracking line search: halve the Newton step until the loss drops enough.
            while (step >= 1e-10)
            {
                var next = Loss(scores, positive, a + step * da, b + step * db, high, low);
                if (next < loss + 1e-4 * step * (g1 * da + g2 * db)) { a += step * da; b += step * db; loss = next; break; }
                step /= 2;
            }
            if (step < 1e-10)
                break;
        }
        return ((float)a, (float)b);
    }

    private static double Probability(float score, double a, double b) => 1 / (1 + Math.Exp(a * score + b));

    private static double Loss(IReadOnlyList<float> scores, IReadOnlyList<bool> positive, double a, double b, double high, double low)
    {
        var loss = 0.0;
        for (var i = 0; i < scores.Count; i++)
        {
            var z = a * scores[i] + b;
            var t = positive[i] ? high : low;
            // log(1 + exp(z)) computed without overflow for either sign of z.
            loss += z >= 0 ? t * z + Math.Log(1 + Math.Exp(-z)) : (t - 1) * z + Math.Log(1 + Math.Exp(z));
        }
        return loss;
    }
}
