namespace MusicEmotion.Evaluation.Metrics;

/// <summary>Error and agreement of predictions against reference values.</summary>
/// <param name="Count">Number of (prediction, reference) pairs.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="Pearson">Pearson correlation coefficient; NaN when either side is constant or fewer than 2 pairs.</param>
internal sealed record RegressionMetrics(int Count, double Rmse, double Mae, double Pearson)
{
    /// <summary>Computes RMSE, MAE and Pearson r of <paramref name="predicted"/> against <paramref name="actual"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static RegressionMetrics Compute(ReadOnlySpan<double> predicted, ReadOnlySpan<double> actual)
    {
        if (predicted.Length != actual.Length)
        {
            throw new ArgumentException($"{predicted.Length} predictions but {actual.Length} reference values.", nameof(actual));
        }

        if (predicted.IsEmpty)
        {
            throw new ArgumentException("At least one pair is needed.", nameof(predicted));
        }

        int n = predicted.Length;
        double se = 0, ae = 0, mp = 0, ma = 0;
        for (int i = 0; i < n; i++)
        {
            double d = predicted[i] - actual[i];
            se += d * d;
            ae += Math.Abs(d);
            mp += predicted[i];
            ma += actual[i];
        }

        mp /= n;
        ma /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double x = predicted[i] - mp, y = actual[i] - ma;
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
        }

        double r = n >= 2 && sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
        return new RegressionMetrics(n, Math.Sqrt(se / n), ae / n, r);
    }

    /// <summary>Root mean squared error of predicting one constant for every reference value.</summary>
    public static double ConstantRmse(double constant, ReadOnlySpan<double> actual)
    {
        double se = 0;
        foreach (double a in actual)
        {
            se += (a - constant) * (a - constant);
        }

        return actual.IsEmpty ? double.NaN : Math.Sqrt(se / actual.Length);
    }
}
