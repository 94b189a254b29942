namespace MusicEmotion.Inference.Analysis;

/// <summary>
/// Statistics of one dimension (arousal or valence) of an emotion timeline, one sample per second of music (seconds
/// without music are left out; the trend is fitted against each music second's time).
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
        IReadOnlyList<int> seconds = timeline.MusicSeconds;
        int n = seconds.Count;
        double mean = 0;
        foreach (int s in seconds)
        {
            mean += values[s];
        }

        mean /= n;

        double variance = 0;
        foreach (int s in seconds)
        {
            double d = values[s] - mean;
            variance += d * d;
        }

        variance /= n;

        double[] sorted = seconds.Select(s => (double)values[s]).Order().ToArray();
        int[] strongest = seconds
            .OrderByDescending(s => Math.Abs(values[s]))
            .ThenBy(s => s)
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
            SlopePerSecond(seconds, values, mean) * 60.0,
            strongest.Select(i => EmotionMoment.At(timeline, i)).ToArray());
    }

    internal static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        double rank = p * (sorted.Count - 1);
        int lower = (int)Math.Floor(rank);
        int upper = Math.Min(lower + 1, sorted.Count - 1);
        double fraction = rank - lower;
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * fraction);
    }

    private static double SlopePerSecond(IReadOnlyList<int> seconds, IReadOnlyList<float> values, double mean)
    {
        int n = seconds.Count;
        if (n < 2)
        {
            return 0;
        }

        double meanTime = seconds.Average();
        double covariance = 0, timeVariance = 0;
        foreach (int s in seconds)
        {
            double dt = s - meanTime;
            covariance += dt * (values[s] - mean);
            timeVariance += dt * dt;
        }

        return covariance / timeVariance;
    }
}
