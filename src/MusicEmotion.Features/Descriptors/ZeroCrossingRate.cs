using System.Numerics;

namespace MusicEmotion.Features.Descriptors;

/// <summary>
/// Zero-crossing rate of a raw frame: the number of adjacent sample pairs whose sign bits differ (zero counts as
/// positive, as librosa's <c>zero_pos=True</c>) divided by the frame length. A sine of frequency <c>f</c> gives ≈ <c>2f/sr</c>.
/// </summary>
internal static class ZeroCrossingRate
{
    /// <summary>Computes the rate.</summary>
    /// <param name="frame">Frame samples (non-empty).</param>
    /// <returns>Crossings per sample.</returns>
    public static float Compute(ReadOnlySpan<float> frame)
    {
        if (frame.IsEmpty)
        {
            throw new ArgumentException("Frame must not be empty.", nameof(frame));
        }

        int crossings = 0;
        int i = 1;
        int width = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated && frame.Length > width)
        {
            // Lanes compare sample i with sample i - 1 (both "negative" tests give all-ones masks); a crossing is a lane
            // where the masks differ, counted by subtracting the all-ones (-1) lanes.
            Vector<int> counts = Vector<int>.Zero;
            for (; i + width <= frame.Length; i += width)
            {
                Vector<int> current = Vector.LessThan(new Vector<float>(frame.Slice(i, width)), Vector<float>.Zero);
                Vector<int> previous = Vector.LessThan(new Vector<float>(frame.Slice(i - 1, width)), Vector<float>.Zero);
                counts -= current ^ previous;
            }

            crossings = Vector.Sum(counts);
        }

        bool previousNegative = frame[i - 1] < 0f;
        for (; i < frame.Length; i++)
        {
            bool negative = frame[i] < 0f;
            crossings += negative != previousNegative ? 1 : 0;
            previousNegative = negative;
        }

        return (float)crossings / frame.Length;
    }
}
