namespace MusicEmotion.Inference.Analysis;

/// <summary>
/// Statistics of one dimension (arousal or valence) of an emotion timeline, one sample per second.
/// Percentiles use linear interpolation between the sorted values (rank <c>p · (n − 1)</c>, as NumPy's default
/// and Excel's <c>PERCENTILE.INC</c>), so <see cref="Median"/> is the usual median.
/// </summary>
/// <param name="Mean">Mean value.</param>
/// <param name="StandardDeviation">Population standard deviation (divides by n).</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Percentile10">10th percentile.</param>
/// <param name="Percentile25">25th percentile (first quartile).</param>
/// <param name="Median">50th percentile.</param>
/// <param name="Percentile75">75th percentile (third quartile).</param>
/// <param name="Percentile90">90th percentile.</param>
/// <param name="TrendPerMinute">
/// Least-squares slope of the value against time, in units per minute; 0 for a single second. Multiply by the
/// length in minutes for the fitted change from start to end.
/// </param>
/// <param name="StrongestMoments">
/// The seconds where this dimension is furthest from 0 (largest absolute value), strongest first; ties go to the
/// earlier second.
/// </param>
public sealed record DimensionStatistics(
    double Mean,
    double StandardDeviation,
    double Min,
    double Max,
    double Percentile10,
    double Percentile25,
    double Median,
    double Percentile75,
    double Percentile90,
    double TrendPerMinute,
    IReadOnlyList<EmotionMoment> StrongestMoments)
{
    /// <summary>Computes the statistics of <paramref name="values"/> (one per second of <paramref name="timeline"/>).</summary>
    internal static DimensionStatistics Of(EmotionTimeline timeline, IReadOnlyList<float> values, int strongestMomentCount)
    {
        int n = values.Count;
        double mean = 0;
        for (int i = 0; i < n; i++)
        {
            mean += values[i];
        }

        mean /= n;

        double variance = 0;
        for (int i = 0; i < n; i++)
        {
            double d = values[i] - mean;
            variance += d * d;
        }

        variance /= n;

        double[] sorted = values.Select(v => (double)v).Order().ToArray();
        int[] strongest = Enumerable.Range(0, n)
            .OrderByDescending(i => Math.Abs(values[i]))
            .ThenBy(i => i)
            .Take(strongestMomentCount)
            .ToArray();

        return new DimensionStatistics(
            mean,
            Math.Sqrt(variance),
            sorted[0],
            sorted[^1],
            Percentile(sorted, 0.10),
            Percentile(sorted, 0.25),
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.75),
            Percentile(sorted, 0.90),
            SlopePerSecond(values, mean) * 60.0,
            strongest.Select(i => EmotionMoment.At(timeline, i)).ToArray());
    }

    /// <summary>Linear-interpolation percentile of ascending <paramref name="sorted"/> values at fraction <paramref name="p"/>.</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        double rank = p * (sorted.Count - 1);
        int lower = (int)Math.Floor(rank);
        int upper = Math.Min(lower + 1, sorted.Count - 1);
        double fraction = rank - lower;
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * fraction);
    }

    private static double SlopePerSecond(IReadOnlyList<float> values, double mean)
    {
        int n = values.Count;
        if (n < 2)
        {
            return 0;
        }

        double meanTime = (n - 1) / 2.0;
        double covariance = 0, timeVariance = 0;
        for (int i = 0; i < n; i++)
        {
            double dt = i - meanTime;
            covariance += dt * (values[i] - mean);
            timeVariance += dt * dt;
        }

        return covariance / timeVariance;
    }
}
