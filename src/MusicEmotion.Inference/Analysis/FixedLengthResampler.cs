namespace MusicEmotion.Inference.Analysis;

/// <summary>
/// Resamples a per-second series to exactly <c>L</c> values, so songs of any length become comparable vectors.
/// <list type="bullet">
/// <item><description>Shrinking (n &gt; L): area averaging (a box filter). Output <c>j</c> is the average of the input
/// over the span <c>[j·n/L, (j+1)·n/L)</c>, counting partly covered values by the covered fraction. Every input value
/// contributes the same total weight, so the mean is preserved exactly (up to rounding) for any ratio; L = 1 gives
/// the mean. A linear ramp stays exactly linear when n is a multiple of L, and within a fraction of one input step of
/// linear otherwise (values are treated as constant over their second).</description></item>
/// <item><description>Stretching (n &lt; L): linear interpolation with the ends aligned: output <c>j</c> samples
/// the input at position <c>j·(n−1)/(L−1)</c>, so the first and last values are kept and a linear ramp stays exactly
/// linear. The mean is preserved for linear series and approximately otherwise. A single input value gives a
/// constant output.</description></item>
/// <item><description>Equal lengths: a copy.</description></item>
/// </list>
/// </summary>
internal static class FixedLengthResampler
{
    /// <summary>Resamples <paramref name="values"/> to exactly <paramref name="length"/> values.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is less than 1.</exception>
    public static float[] Resample(IReadOnlyList<float> values, int length)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        if (values.Count == 0)
        {
            throw new ArgumentException("Cannot resample an empty series.", nameof(values));
        }

        if (values.Count == length)
        {
            return values.ToArray();
        }

        return values.Count > length ? AreaAverage(values, length) : Interpolate(values, length);
    }

    private static float[] AreaAverage(IReadOnlyList<float> values, int length)
    {
        int n = values.Count;
        var result = new float[length];
        double width = (double)n / length;
        for (int j = 0; j < length; j++)
        {
            double from = (double)j * n / length;
            double to = (double)(j + 1) * n / length;
            int first = (int)Math.Floor(from);
            int last = Math.Min((int)Math.Ceiling(to) - 1, n - 1);
            double sum = 0;
            for (int i = first; i <= last; i++)
            {
                double covered = Math.Min(to, i + 1) - Math.Max(from, i);
                if (covered > 0)
                {
                    sum += values[i] * covered;
                }
            }

            result[j] = (float)(sum / width);
        }

        return result;
    }

    private static float[] Interpolate(IReadOnlyList<float> values, int length)
    {
        int n = values.Count;
        var result = new float[length];
        if (n == 1)
        {
            Array.Fill(result, values[0]);
            return result;
        }

        double step = (double)(n - 1) / (length - 1);
        for (int j = 0; j < length; j++)
        {
            double position = j * step;
            int lower = Math.Min((int)Math.Floor(position), n - 2);
            double fraction = position - lower;
            result[j] = (float)(values[lower] + ((values[lower + 1] - (double)values[lower]) * fraction));
        }

        return result;
    }
}
